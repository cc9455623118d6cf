/// One OHLCV bar of a coin's market data.
///
/// Prices are in the coin's quote asset (USD, USDT, or BTC for the shared test data), volume in
/// its base asset. Analytics use `Double`; exact money lives elsewhere as `Decimal`.
public struct Candle: Hashable, Sendable {
  /// Open time of the bar.
  public var time: UnixTime
  /// First traded price of the bar, quote asset.
  public var open: Double
  /// Highest traded price of the bar, quote asset.
  public var high: Double
  /// Lowest traded price of the bar, quote asset.
  public var low: Double
  /// Last traded price of the bar, quote asset.
  public var close: Double
  /// Traded volume of the bar, base asset (≥ 0).
  public var volume: Double

  /// Creates a bar from its open time and OHLCV values.
  public init(time: UnixTime, open: Double, high: Double, low: Double, close: Double, volume: Double) {
    self.time = time
    self.open = open
    self.high = high
    self.low = low
    self.close = close
    self.volume = volume
  }

  /// Whether every value is finite, prices are positive, `low ≤ open, close ≤ high`, and volume ≥ 0.
  public var isWellFormed: Bool {
    guard open.isFinite, high.isFinite, low.isFinite, close.isFinite, volume.isFinite,
      low > 0, volume >= 0
    else { return false }
    return low <= open && low <= close && high >= open && high >= close
  }

  /// Typical price `(high + low + close) / 3`, used by CCI, MFI and VWAP.
  public var typicalPrice: Double { (high + low + close) / 3 }
}
