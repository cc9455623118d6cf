/// Everything a strategy may read for one coin at one tick.
///
/// A plain value of fixed size (no references), so building one and passing it to 70 strategies
/// allocates nothing. `snapshot` includes the latest candle; `previous` is the snapshot from
/// before it, so a crossover is a sign change between the two.
public struct StrategyContext: Sendable {
  /// Indicator values after the latest candle.
  public var snapshot: IndicatorSnapshot
  /// Indicator values before the latest candle (an empty snapshot at the very first candle).
  public var previous: IndicatorSnapshot
  /// The latest candle; its close is the price every price rule compares.
  public var candle: Candle
  /// The candle before `candle`, nil at the first candle.
  public var previousCandle: Candle?
  /// The cosmic inputs of P66–P70, each absent when its source is.
  public var cosmic: CosmicReadings
  /// Wall time of the evaluation (the candle's time in a backtest).
  public var now: UnixTime

  /// Creates a context; `now` defaults to the candle's time.
  public init(
    snapshot: IndicatorSnapshot, previous: IndicatorSnapshot = IndicatorSnapshot(), candle: Candle,
    previousCandle: Candle? = nil, cosmic: CosmicReadings = .none, now: UnixTime? = nil
  ) {
    self.snapshot = snapshot
    self.previous = previous
    self.candle = candle
    self.previousCandle = previousCandle
    self.cosmic = cosmic
    self.now = now ?? candle.time
  }

  /// Close of the latest candle, quote asset.
  public var close: Double { candle.close }

  /// Close before the latest candle: the previous candle's close, else the previous snapshot's.
  public var previousClose: Double? { previousCandle?.close ?? previous.close }
}
