public import AutoEngineCore

/// Builds fixed-period candles from price ticks (the live engine fetches prices every 10 s; the
/// indicators consume one-minute candles).
///
/// A candle covers `[start, start + period)` with start a multiple of `period` since the epoch.
/// A tick in a later period closes the candle in progress and returns it. Periods with no tick
/// produce no candle (the indicators see a gap, and per-timeframe momentum treats it as such).
/// Ticks older than the candle in progress are ignored (out-of-order answers never rewrite history).
///
/// Volume: exchanges' tickers give a rolling 24-hour volume, not per-candle volume. The volume
/// of a candle is what `addVolume(_:)` credited during it; the engine credits the growth of the
/// 24-hour volume between two volume fetches, spread evenly over the minutes between them — a
/// documented approximation that keeps volume strategies meaningful within the call budget.
public struct CandleBuilder: Sendable {
  /// Candle length, seconds (> 0).
  public let period: Double
  private var current: Candle?
  private var pendingVolume = 0.0

  /// Creates a builder of candles of `period` seconds.
  public init(period: Double = 60) {
    precondition(period > 0, "candle period must be positive")
    self.period = period
  }

  /// The candle in progress, if any tick arrived in the current period.
  public var inProgress: Candle? { current }

  /// Start of the period containing `time`.
  public func periodStart(of time: UnixTime) -> UnixTime {
    UnixTime(seconds: (time.seconds / period).rounded(.down) * period)
  }

  /// Adds a price tick; returns the candle it closed, if it started a new period.
  ///
  /// Non-finite or non-positive prices are ignored.
  public mutating func add(price: Double, at time: UnixTime) -> Candle? {
    guard price.isFinite, price > 0 else { return nil }
    let start = periodStart(of: time)
    guard var candle = current else {
      current = Candle(time: start, open: price, high: price, low: price, close: price, volume: 0)
      return nil
    }
    if start < candle.time { return nil }
    if start == candle.time {
      candle.high = max(candle.high, price)
      candle.low = min(candle.low, price)
      candle.close = price
      current = candle
      return nil
    }
    candle.volume += pendingVolume
    pendingVolume = 0
    current = Candle(time: start, open: price, high: price, low: price, close: price, volume: 0)
    return candle
  }

  /// Credits traded volume (base asset, ≥ 0) to the candle in progress.
  public mutating func addVolume(_ volume: Double) {
    guard volume.isFinite, volume > 0 else { return }
    pendingVolume += volume
  }
}
