/// Small numeric rules shared by the strategies: grading, crossings, percent changes.
///
/// Everything here is a pure function on `Double`s, inlined on the hot path.
enum StrategyMath {
  /// The lowest strength a rule that fired reports, so a fired signal is never strength 0.
  static let minimumStrength = 0.1

  /// Strength of a rule that fired `excess` beyond its threshold, reaching 1 at `full`.
  ///
  /// `excess / full` clamped into `minimumStrength…1`; a non-positive `full` gives 1, a NaN
  /// excess gives `minimumStrength`.
  @inline(__always)
  static func grade(_ excess: Double, full: Double) -> Double {
    guard full > 0 else { return 1 }
    let ratio = excess / full
    guard ratio.isFinite else { return ratio > 0 ? 1 : minimumStrength }
    return min(1, max(minimumStrength, ratio))
  }

  /// `(value / base − 1) × 100`, percent; 0 when `base` is 0.
  @inline(__always)
  static func percentChange(from base: Double, to value: Double) -> Double {
    base == 0 ? 0 : (value / base - 1) * 100
  }

  /// `a / b`, or 0 when `b` is 0 or the quotient is not finite.
  @inline(__always)
  static func ratio(_ a: Double, _ b: Double) -> Double {
    guard b != 0 else { return 0 }
    let value = a / b
    return value.isFinite ? value : 0
  }

  /// +1 when `a − b` went from ≤ 0 to > 0 between the two readings, −1 when it went from ≥ 0
  /// to < 0, else 0.
  @inline(__always)
  static func cross(previousSpread: Double, spread: Double) -> Double {
    if previousSpread <= 0, spread > 0 { return 1 }
    if previousSpread >= 0, spread < 0 { return -1 }
    return 0
  }
}
