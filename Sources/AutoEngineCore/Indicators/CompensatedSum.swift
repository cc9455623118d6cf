/// A running sum of unbounded length that does not drift (Neumaier's compensated summation).
///
/// Cumulative indicators (OBV, VWAP) add one term per candle forever; a plain `+=` loses up to
/// one rounding error per term. This keeps the lost low-order bits in a separate compensation
/// term, so the error stays within a couple of ulps of the exact sum however many terms are added.
public struct CompensatedSum: Sendable, Hashable {
  /// The high-order part of the sum.
  var high: Double = 0
  /// The accumulated rounding errors of `high`.
  var compensation: Double = 0

  /// An empty sum (0).
  public init() {}

  /// Adds `term` to the sum.
  public mutating func add(_ term: Double) {
    let total = high + term
    if high.magnitude >= term.magnitude {
      compensation += (high - total) + term
    } else {
      compensation += (term - total) + high
    }
    high = total
  }

  /// The sum of every term added so far.
  public var value: Double { high + compensation }
}
