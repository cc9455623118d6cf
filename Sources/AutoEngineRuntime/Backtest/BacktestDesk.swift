import AutoEngineCore
import Foundation

/// Phase 2 of a backtest: the trading decisions, taken one candle at a time in time order over
/// all coins, on the simulated clock of the candles.
///
/// It runs the live desk's decision path without the actor, the network or a database write
/// per candle: `TradingRules.judge` (the same function `TradingDesk` calls: `ExitPolicy`,
/// `AutobuyPolicy`, `PositionSizing`, the spendable balance), market orders filled by
/// `PaperFillModel` (fee and slippage) against a cash balance per quote asset checked as the
/// paper broker checks it, positions and realised P&L in a `PositionBook` from the fills, a
/// refusal recorded once per coin and reason until it changes (as the desk records them), and
/// — when a journal is given — every order, fill and decision written to the trade journal.
/// Time is the candles' close time, so cooldowns and the daily loss limit run in simulated time.
struct BacktestDesk {
  let coins: [BacktestCoin]
  let rules: TradingRules
  let fillModel: PaperFillModel
  let startingBalance: Decimal
  let journal: TradeJournal?

  /// Positions and realised P&L from the fills.
  private(set) var book = PositionBook()
  /// Cash per quote asset (index into `quoteAssets`).
  private(set) var cash: [Decimal]
  let quoteAssets: [String]
  private let quoteIndex: [Int]
  /// Per coin: time of the newest fill, last refusal recorded, top strategies of the open
  /// position's entry, the latest close.
  private var lastTrade: [UnixTime?]
  private var lastRefusal: [String?]
  private var entryTop: [UInt64]
  private(set) var lastClose: [Double]
  /// Whether coin `i` has an open position (spares a dictionary lookup per candle).
  private var holding: [Bool]
  private var orderSequence = 0
  /// Net realised P&L of the current UTC day (the daily loss limit's figure) and that day's start.
  private var dayPnl: Decimal = 0
  private var day: Double = -.infinity
  /// What the report is made of.
  private(set) var tally: BacktestTally

  init(
    coins: [BacktestCoin], rules: TradingRules, fillModel: PaperFillModel, startingBalance: Decimal,
    journal: TradeJournal?, equitySampleSeconds: Double
  ) {
    self.coins = coins
    self.rules = rules
    self.fillModel = fillModel
    self.startingBalance = startingBalance
    self.journal = journal
    var assets: [String] = []
    for coin in coins where !assets.contains(coin.coin.quote.uppercased()) {
      assets.append(coin.coin.quote.uppercased())
    }
    quoteAssets = assets
    quoteIndex = coins.map { coin in assets.firstIndex(of: coin.coin.quote.uppercased()) ?? 0 }
    cash = Array(repeating: startingBalance, count: assets.count)
    lastTrade = Array(repeating: nil, count: coins.count)
    lastRefusal = Array(repeating: nil, count: coins.count)
    entryTop = Array(repeating: 0, count: coins.count)
    lastClose = Array(repeating: 0, count: coins.count)
    holding = Array(repeating: false, count: coins.count)
    tally = BacktestTally(
      coinCount: coins.count, startingCapital: startingBalance * Decimal(assets.count),
      sampleSeconds: equitySampleSeconds)
  }

  /// Net realised loss since 00:00 UTC as a positive amount: the daily loss limit's figure,
  /// kept as the fills arrive (equal to `book.realizedLoss(since: now.startOfUTCDay)`).
  var dailyRealisedLoss: Decimal { Swift.max(0, -dayPnl) }

  /// Close time of the latest record taken, Unix seconds.
  private(set) var lastRecordTime = 0.0

  /// Closes the equity curve at `time` and adds the exposure of positions still open.
  mutating func finishTally(at time: Double, equity: Double, coinPnl: [Double], openSince: [Int: Double]) {
    tally.finish(at: time, equity: equity, coinPnl: coinPnl, openSince: openSince)
  }

  /// Takes one candle's record of coin `index`: notes its price, then judges the coin.
  mutating func process(_ record: SignalRecord, coin index: Int) {
    let now = UnixTime(seconds: record.time)
    let today = now.startOfUTCDay.seconds
    if today != day {
      day = today
      dayPnl = 0
    }
    if record.time >= tally.nextSampleTime { sample(at: record.time) }
    lastClose[index] = record.close
    lastRecordTime = record.time
    tally.candle(coin: index)
    let coin = coins[index].coin
    let position = holding[index] ? book.open[coin.symbol] : nil
    let signal = record.signal
    // The entry rule does not read the price; it is made exact only when something may use it.
    var price: Decimal?
    if position != nil || signal.action == .buy { price = coins[index].tick.decimal(record.close) }
    // As the desk notes a price before judging: the trailing stop follows the highest price.
    var current = position
    if position != nil, let price, book.observe(price: price, of: coin.symbol) { current = book.open[coin.symbol] }
    let judgement = rules.judge(
      coin: coin, market: .init(price: price, isStale: false, signal: signal), position: current,
      hasOpenOrder: false, isAutobuyRunning: true, now: now, lastTradeTime: lastTrade[index]
    ) {
      TradingRules.Portfolio(
        openPositionCount: book.open.count, totalExposure: book.totalExposure, dailyRealisedLoss: dailyRealisedLoss,
        freeBalance: cash[quoteIndex[index]])
    }
    switch judgement {
    case .hold:
      break
    case .forgetRefusal:
      lastRefusal[index] = nil
    case .refuse(let refusal):
      guard lastRefusal[index] != refusal.code else { return }
      lastRefusal[index] = refusal.code
      tally.refusal(coin: index, code: refusal.code)
      journalDecision(
        index: index, now: now, side: .buy, outcome: .refused, origin: .autobuy, reason: "refused: \(refusal)",
        code: refusal.code, price: price, record: record)
    case .buy(let amount):
      guard let price else { return }
      execute(
        index: index, side: .buy, amount: .quote(amount), origin: .autobuy, reason: "\(signal)", price: price,
        now: now, record: record)
    case .exit(let reason):
      guard let price, let held = position?.baseQuantity else { return }
      tally.exit(coin: index, reason: reason.code)
      execute(
        index: index, side: .sell, amount: .base(held), origin: .exit, reason: reason.description, price: price,
        now: now, record: record)
    }
  }

  /// A market order filled at once by the paper fill model, or failed as the paper broker fails
  /// it (no price, or not enough cash for value + fee).
  private mutating func execute(
    index: Int, side: OrderSide, amount: OrderAmount, origin: OrderOrigin, reason: String, price: Decimal,
    now: UnixTime, record: SignalRecord
  ) {
    let coin = coins[index].coin
    orderSequence += 1
    let id = "bt-\(orderSequence)"
    var order = Order(
      clientOrderId: id, coin: coin, side: side, amount: amount, origin: origin, reason: reason, createdAt: now,
      mode: .paper)
    try? journal?.insertIntent(order)
    let slot = quoteIndex[index]
    let execution = fillModel.marketExecution(side: side, amount: amount, price: price)
    var failure: (code: String, message: String)?
    if let execution {
      if side == .buy && execution.cash(for: .buy) > cash[slot] {
        failure = ("INSUFFICIENT_FUND", "insufficient \(coin.quote) balance: \(cash[slot]) available")
      }
    } else {
      failure = ("NO_PRICE", "no price for \(coin.symbol), or the amount rounds to zero")
    }
    if let failure {
      order.status = .rejected
      order.failureReason = failure.message
      _ = try? journal?.save(order, failureCode: failure.code)
      tally.failure(coin: index, code: failure.code)
      journalDecision(
        index: index, now: now, side: side, outcome: .failed, origin: origin, reason: "failed: \(failure.message)",
        code: failure.code, price: price, record: record, orderID: id, amount: amount)
      return
    }
    guard let execution else { return }
    let fill = Fill(
      tradeId: "\(id)-1", clientOrderId: id, symbol: coin.symbol, side: side, price: execution.price,
      baseQuantity: execution.baseQuantity, quoteQuantity: execution.quoteQuantity, fee: execution.fee,
      feeAsset: coin.quote.uppercased(), time: now)
    order.apply(fill)
    order.status = .filled
    _ = try? journal?.save(order)
    let opened = book.open.isEmpty
    book.apply(fill, coin: coin)
    holding[index] = book.open[coin.symbol] != nil
    lastTrade[index] = now
    lastRefusal[index] = nil
    tally.fee(coin: index, execution.fee)
    var realised: Decimal?
    switch side {
    case .buy:
      cash[slot] -= execution.cash(for: .buy)
      entryTop[index] = record.top
      tally.bought(coin: index, anyOpenBefore: !opened, at: now.seconds)
    case .sell:
      cash[slot] += execution.cash(for: .sell)
      let pnl = book.realizations.last?.pnl ?? 0
      realised = pnl
      dayPnl += pnl
      if let closed = book.closed.last, closed.closedAt == now, book.open[coin.symbol] == nil {
        tally.closed(coin: index, position: closed, entryTop: entryTop[index], anyOpenAfter: !book.open.isEmpty)
      }
    }
    journalDecision(
      index: index, now: now, side: side, outcome: .executed, origin: origin, reason: reason, code: "", price: price,
      record: record, orderID: id, amount: amount, realised: realised)
  }

  /// Writes a decision to the journal, when there is one.
  private func journalDecision(
    index: Int, now: UnixTime, side: OrderSide, outcome: TradeOutcome, origin: OrderOrigin, reason: String,
    code: String, price: Decimal?, record: SignalRecord, orderID: String? = nil, amount: OrderAmount? = nil,
    realised: Decimal? = nil
  ) {
    guard let journal else { return }
    let coin = coins[index].coin
    let decision = TradeDecision(
      id: "d-\(tally.decisionCount)", time: now, symbol: coin.symbol, exchange: coin.exchange, side: side,
      outcome: outcome, origin: origin, reason: reason, reasonCode: code, clientOrderId: orderID,
      quoteAmount: amount?.quoteAmount, baseAmount: amount?.baseAmount, price: price, realizedPnl: realised,
      signal: record.signal, topStrategies: record.topNumbers.map { "P\($0)" })
    try? journal.record(decision)
  }

  /// Records the equity curve's points due before `time` (at the latest prices seen so far).
  mutating func sample(at time: Double) {
    var perCoin = tally.coinPnlScratch
    coinPnl(into: &perCoin)
    tally.sample(until: time, equity: equity(), coinPnl: perCoin)
  }

  /// Mark-to-market equity now: cash plus every open position at its coin's latest close.
  func equity() -> Double {
    var total = cash.reduce(0.0) { $0 + $1.doubleValue }
    for (symbol, position) in book.open {
      guard let index = coins.firstIndex(where: { $0.coin.symbol == symbol }) else { continue }
      total += position.baseQuantity.doubleValue * lastClose[index]
    }
    return total
  }

  /// Each coin's realised plus unrealised P&L at its latest close.
  func coinPnl(into values: inout [Double]) {
    for index in coins.indices { values[index] = tally.coins[index].realised.doubleValue }
    for (symbol, position) in book.open {
      guard let index = coins.firstIndex(where: { $0.coin.symbol == symbol }) else { continue }
      values[index] += position.baseQuantity.doubleValue * lastClose[index] - position.costBasis.doubleValue
    }
  }
}

extension Decimal {
  /// The nearest `Double` (for analytics: equity curves, ratios), never for money.
  var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
