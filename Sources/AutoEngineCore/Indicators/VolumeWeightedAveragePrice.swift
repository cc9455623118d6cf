/// Cumulative volume-weighted average price over every candle seen, quote asset.
///
/// `VWAP = Σ(typical price × volume) / Σ volume` with typical price `(high + low + close) / 3`,
/// both sums compensated so they do not drift. Never resets (no session boundaries in crypto).
/// nil until some candle has traded a positive volume.
public struct VolumeWeightedAveragePrice: Sendable {
  /// Σ typical price × volume.
  var weightedPrices = CompensatedSum()
  /// Σ volume.
  var volumes = CompensatedSum()
  /// The current VWAP, quote asset; nil while the total volume is zero.
  public private(set) var value: Double?

  /// Creates an empty VWAP.
  public init() {}

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    weightedPrices.add(candle.typicalPrice * candle.volume)
    volumes.add(candle.volume)
    let totalVolume = volumes.value
    value = totalVolume > 0 ? weightedPrices.value / totalVolume : nil
  }
}
