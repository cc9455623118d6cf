/// How a replay market plays its candle files.
public struct ReplayOptions: Hashable, Sendable {
  /// Replay seconds per wall-clock second (> 0): 1 plays in real time, 60 plays an hour a minute.
  public var speed: Double
  /// File time already played at the wall start, s (≥ 0, shorter than every file): the candles
  /// of this warm-up are the history available at start. Default one day.
  public var warmUp: Double
  /// What happens after a file's last candle.
  public var atEnd: ReplayEnd
  /// Which price of the candle in progress is reported.
  public var pricing: ReplayPricing

  /// Creates options; the defaults play in real time after a day of warm-up, loop, and report
  /// candle closes.
  public init(
    speed: Double = 1, warmUp: Double = 86_400, atEnd: ReplayEnd = .loop, pricing: ReplayPricing = .candleClose
  ) {
    self.speed = speed
    self.warmUp = warmUp
    self.atEnd = atEnd
    self.pricing = pricing
  }
}

/// What a replay does after a file's last candle.
public enum ReplayEnd: String, Hashable, Sendable, CaseIterable {
  /// Start the file again from its first candle, at its original scale (the price jumps back
  /// like a gap). Candle times keep increasing: lap `k` is shifted by `k` × the file's length.
  case loop
  /// Stop: the coin is left out of prices and statistics (an error when every requested coin
  /// has ended), its history ends with the file's last candle.
  case stop
}

/// Which price of the candle in progress a replay reports.
public enum ReplayPricing: String, Hashable, Sendable, CaseIterable {
  /// The candle's close, from the moment the candle starts.
  case candleClose = "close"
  /// A straight line from the candle's open (at its start) to its close (at its end).
  case interpolated
}
