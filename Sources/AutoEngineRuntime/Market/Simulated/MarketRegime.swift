/// The behaviour a simulated asset's price is in: ranging around a level or trending.
///
/// Regimes switch at random (exponentially distributed durations): a range is followed by an
/// up- or downtrend with equal odds, a trend by a range or, less often, by the opposite trend.
public enum MarketRegime: String, Hashable, Sendable, CaseIterable {
  /// Mean-reverting around the level where the range began; no drift.
  case range
  /// A steady upward drift on top of the noise.
  case uptrend
  /// A steady downward drift on top of the noise.
  case downtrend
}
