public import FoundationEssentials

/// How much to buy for a given confidence: linear between a coin's minimum and maximum trade.
///
/// ```
/// fraction = clamp((confidence − minConfidence) / (maxConfidence − minConfidence), 0, 1)
/// size     = minTrade + fraction × (maxTrade − minTrade)
/// size     = min(size, available), rounded down to `quoteDecimalPlaces`
/// ```
/// All money arithmetic is `Decimal`; the confidence fraction is converted once, rounded to nine
/// decimals, so 0.8 between 0.7 and 0.95 is exactly 0.4. When `available` is below `minTrade`
/// (or rounds below it) the answer is a refusal, never a tiny order.
public struct PositionSizing: Hashable, Sendable {
  /// Confidence at which sizing starts at the minimum trade (`strategy.min_confidence`, 0.7).
  public var minConfidence: Double
  /// Confidence at which sizing reaches the maximum trade (`strategy.max_confidence`, 0.95).
  public var maxConfidence: Double
  /// Decimal places of quote amounts; sizes are rounded down to this (2: cents).
  public var quoteDecimalPlaces: Int

  /// Creates a sizing rule; defaults are the seed's thresholds and cent precision.
  public init(minConfidence: Double = 0.7, maxConfidence: Double = 0.95, quoteDecimalPlaces: Int = 2) {
    self.minConfidence = minConfidence
    self.maxConfidence = maxConfidence
    self.quoteDecimalPlaces = quoteDecimalPlaces
  }

  /// The sizing rule of a configuration (its `strategy.min_confidence` and `max_confidence`).
  public init(configuration: EngineConfiguration, quoteDecimalPlaces: Int = 2) {
    self.init(
      minConfidence: configuration.strategy.minConfidence,
      maxConfidence: configuration.strategy.maxConfidence, quoteDecimalPlaces: quoteDecimalPlaces)
  }

  /// Where `confidence` lies between the thresholds, 0…1, as an exact decimal (nine places).
  ///
  /// 0 at or below `minConfidence` (and for `nan`), 1 at or above `maxConfidence`. When the two
  /// thresholds are equal, the fraction jumps from 0 to 1 at that confidence.
  public func confidenceFraction(_ confidence: Double) -> Decimal {
    guard confidence.isFinite, confidence > minConfidence else { return 0 }
    guard confidence < maxConfidence, maxConfidence > minConfidence else { return 1 }
    let fraction = (confidence - minConfidence) / (maxConfidence - minConfidence)
    let nanoUnits = (min(1, max(0, fraction)) * 1e9).rounded()
    return Decimal(Int64(nanoUnits)) / 1_000_000_000
  }

  /// The order size in quote units for `confidence`, between `minTrade` and `maxTrade`, capped by
  /// `available` (the balance, or whatever else bounds spending such as exposure headroom).
  ///
  /// - Returns: `.amount` rounded down to `quoteDecimalPlaces`, or `.refused` when `available`
  ///   cannot cover `minTrade`.
  public func size(
    confidence: Double, minTrade: Decimal, maxTrade: Decimal, available: Decimal
  ) -> PositionSize {
    let upper = Swift.max(minTrade, maxTrade)
    let scaled = minTrade + confidenceFraction(confidence) * (upper - minTrade)
    let capped = Swift.min(scaled, upper, available).roundedDown(toPlaces: quoteDecimalPlaces)
    guard available >= minTrade, capped >= minTrade, capped > 0 else {
      return .refused(available: available, minimum: minTrade)
    }
    return .amount(capped)
  }

  /// The order size for `confidence` within `coin`'s trade limits, capped by `available`.
  public func size(confidence: Double, coin: Coin, available: Decimal) -> PositionSize {
    size(
      confidence: confidence, minTrade: coin.minTradeAmount, maxTrade: coin.maxTradeAmount,
      available: available)
  }
}
