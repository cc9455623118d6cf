import AutoEngineCore
import FoundationEssentials

/// The running totals phase 2 keeps for the report: per coin, per strategy, and the equity curve.
///
/// Money is exact `Decimal`; the equity curve and the ratios made from it are `Double`.
struct BacktestTally {
  /// One coin's totals.
  struct CoinTotals {
    var candles = 0
    /// Round trips closed, and those with a profit and a loss.
    var trades = 0, wins = 0, losses = 0
    var buys = 0
    /// Realised P&L and fees paid, quote units.
    var realised: Decimal = 0, fees: Decimal = 0
    /// Best and worst closed round trip.
    var best: TradeExtreme?, worst: TradeExtreme?
    /// Seconds with a position open (closed round trips; open ones are added at the end).
    var exposureSeconds = 0.0
    var exits: [String: Int] = [:]
    var refusals: [String: Int] = [:]
    var failures: [String: Int] = [:]
    /// Peak and deepest fall of the coin's P&L curve (realised + unrealised), quote units.
    var peakPnl = 0.0, maxDrawdown = 0.0
  }

  /// A round trip's P&L and when it closed.
  struct TradeExtreme {
    var pnl: Decimal
    var time: Double
  }

  /// One strategy's share of the trades taken.
  struct StrategyTotals {
    var trades = 0, wins = 0
    var pnl: Decimal = 0
  }

  private(set) var coins: [CoinTotals]
  private(set) var strategies = [StrategyTotals](
    repeating: StrategyTotals(), count: StrategyID.validNumbers.upperBound + 1)
  let startingCapital: Decimal
  let sampleSeconds: Double
  /// The equity curve: time (Unix s) and mark-to-market equity, one point per `sampleSeconds`.
  private(set) var sampleTimes: [Double] = []
  private(set) var sampleEquity: [Double] = []
  private(set) var nextSampleTime = -Double.infinity
  /// Reused buffer for per-coin P&L.
  let coinPnlScratch: [Double]
  private(set) var refusalCount = 0
  private(set) var failureCount = 0
  private(set) var executedCount = 0
  /// Seconds with at least one position open, and since when one is.
  private(set) var exposureSeconds = 0.0
  private(set) var anyOpenSince: Double?

  init(coinCount: Int, startingCapital: Decimal, sampleSeconds: Double) {
    coins = Array(repeating: CoinTotals(), count: coinCount)
    self.startingCapital = startingCapital
    self.sampleSeconds = sampleSeconds
    coinPnlScratch = Array(repeating: 0, count: coinCount)
  }

  /// Decisions written so far (for their ids).
  var decisionCount: Int { refusalCount + failureCount + executedCount }

  mutating func candle(coin: Int) { coins[coin].candles += 1 }

  mutating func refusal(coin: Int, code: String) {
    coins[coin].refusals[code, default: 0] += 1
    refusalCount += 1
  }

  mutating func failure(coin: Int, code: String) {
    coins[coin].failures[code, default: 0] += 1
    failureCount += 1
  }

  mutating func exit(coin: Int, reason: String) { coins[coin].exits[reason, default: 0] += 1 }

  mutating func fee(coin: Int, _ amount: Decimal) {
    coins[coin].fees += amount
    executedCount += 1
  }

  mutating func bought(coin: Int, anyOpenBefore: Bool, at time: Double) {
    coins[coin].buys += 1
    if !anyOpenBefore, anyOpenSince == nil { anyOpenSince = time }
  }

  /// A position closed (round trip), opened by a buy whose top strategies are packed in `entryTop`.
  mutating func closed(coin: Int, position: Position, entryTop: UInt64, anyOpenAfter: Bool) {
    let pnl = position.realizedPnl
    let time = position.closedAt?.seconds ?? position.openedAt.seconds
    coins[coin].trades += 1
    if pnl > 0 { coins[coin].wins += 1 } else if pnl < 0 { coins[coin].losses += 1 }
    coins[coin].realised += pnl
    coins[coin].exposureSeconds += time - position.openedAt.seconds
    if coins[coin].best.map({ pnl > $0.pnl }) ?? true { coins[coin].best = TradeExtreme(pnl: pnl, time: time) }
    if coins[coin].worst.map({ pnl < $0.pnl }) ?? true { coins[coin].worst = TradeExtreme(pnl: pnl, time: time) }
    for number in SignalRecord.numbers(entryTop) where strategies.indices.contains(number) {
      strategies[number].trades += 1
      strategies[number].pnl += pnl
      if pnl > 0 { strategies[number].wins += 1 }
    }
    if !anyOpenAfter, let since = anyOpenSince {
      exposureSeconds += time - since
      anyOpenSince = nil
    }
  }

  /// Adds the equity curve's points due at or before `time`, all at `equity` (the state before
  /// the candle at `time` is taken in), and follows each coin's P&L curve for its drawdown.
  mutating func sample(until time: Double, equity: Double, coinPnl: [Double]) {
    if sampleTimes.isEmpty {
      sampleTimes.append(time)
      sampleEquity.append(equity)
      nextSampleTime = ((time / sampleSeconds).rounded(.down) + 1) * sampleSeconds
    }
    while nextSampleTime <= time {
      sampleTimes.append(nextSampleTime)
      sampleEquity.append(equity)
      nextSampleTime += sampleSeconds
    }
    for index in coins.indices {
      let value = coinPnl[index]
      coins[index].peakPnl = Swift.max(coins[index].peakPnl, value)
      coins[index].maxDrawdown = Swift.max(coins[index].maxDrawdown, coins[index].peakPnl - value)
    }
  }

  /// The final point of the curve at `time`, and the exposure of positions still open then.
  mutating func finish(at time: Double, equity: Double, coinPnl: [Double], openSince: [Int: Double]) {
    sample(until: time, equity: equity, coinPnl: coinPnl)
    if sampleTimes.last != time {
      sampleTimes.append(time)
      sampleEquity.append(equity)
    }
    for (coin, since) in openSince { coins[coin].exposureSeconds += Swift.max(0, time - since) }
    if let since = anyOpenSince {
      exposureSeconds += Swift.max(0, time - since)
      anyOpenSince = nil
    }
  }
}
