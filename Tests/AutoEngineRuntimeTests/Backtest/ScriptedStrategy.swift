import AutoEngineCore
import AutoEngineRuntime

/// A strategy whose advice is written into the candles: volume 1 → BUY, volume 2 → SELL,
/// anything else → HOLD, always with strength 1 and confidence 1.
///
/// Alone in an evaluator it makes the aggregate BUY or SELL with strength 1 and confidence 0.95
/// (the aggregator's cap) exactly on the chosen candles, so a test can work trades out by hand.
struct ScriptedStrategy: Strategy {
  let id = StrategyID(number: 7)!
  let name = "scripted"
  let rule = "volume 1 buys, volume 2 sells"
  let parameters: [StrategyParameter] = []

  func evaluate(_ context: StrategyContext) -> Signal {
    let action: TradeAction =
      switch context.candle.volume {
      case 1: .buy
      case 2: .sell
      default: .hold
      }
    return Signal(strategy: id, action: action, strength: 1, confidence: 1)
  }

  func reason(for signal: Signal) -> String { "scripted \(signal.action)" }
}

/// Builders for hand-made backtests.
enum BacktestFixtures {
  /// 2023-11-14 00:00 UTC, a UTC midnight.
  static let t0 = 1_699_920_000.0

  /// SOL-USD of the seed catalogue (trade limits 10…5,000 USD).
  static var sol: Coin { CoinCatalogue.defaults.coin(forSymbol: "SOL-USD")! }

  /// One-minute candles from `t0` with these closes (open = high = low = close) and scripted
  /// actions (`b` buy, `s` sell, `-` hold).
  static func series(_ closes: [Double], script: String, interval: Double = 60) -> [Candle] {
    zip(closes.indices, Array(script)).map { index, mark in
      let volume: Double = mark == "b" ? 1 : mark == "s" ? 2 : 0
      let close = closes[index]
      return Candle(
        time: UnixTime(seconds: t0 + Double(index) * interval), open: close, high: close, low: close, close: close,
        volume: volume)
    }
  }

  /// A backtest of SOL-USD over `candles` with only the scripted strategy.
  static func run(
    _ candles: [Candle], interval: Double = 60, configuration: EngineConfiguration = EngineConfiguration(),
    parallel: Bool = false
  ) throws -> BacktestReport {
    let coin = BacktestCoin(coin: sol, source: "hand-made", interval: interval, tick: PriceTick(referencePrice: 100))
    let data = BacktestData.series([(coin, candles)])
    let options = BacktestOptions(configuration: configuration, strategies: [ScriptedStrategy()], parallel: parallel)
    return try Backtest.run(data, options: options)
  }
}
