/// The number of a "P-wise" strategy, `P1` … `P70`.
///
/// The number fixes the category (see `StrategyCategory.numbers`). Ids order by number and print
/// as `P7`; `StrategyID("P7")` parses that form back (also `p7` and a bare `7`).
public struct StrategyID: Hashable, Comparable, Sendable, LosslessStringConvertible {
  /// Every valid strategy number.
  public static let validNumbers: ClosedRange<Int> = 1...70

  /// The strategy number, 1…70.
  public let number: Int

  /// The id of strategy `number`, or nil outside `validNumbers`.
  public init?(number: Int) {
    guard Self.validNumbers.contains(number) else { return nil }
    self.number = number
  }

  /// An id whose number the caller guarantees is valid (the catalogue's own constants).
  init(_ number: Int) {
    precondition(Self.validNumbers.contains(number), "strategy number \(number) is not in 1…70")
    self.number = number
  }

  /// Parses `P7`, `p7` or `7`; nil for anything else or a number outside 1…70.
  public init?(_ description: String) {
    var digits = Substring(description)
    if let first = digits.first, first == "P" || first == "p" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits) else {
      return nil
    }
    self.init(number: number)
  }

  /// The category that owns this number.
  public var category: StrategyCategory { StrategyCategory.owning(number) }

  /// `P` followed by the number, e.g. `P7`.
  public var description: String { "P\(number)" }

  public static func < (lhs: StrategyID, rhs: StrategyID) -> Bool { lhs.number < rhs.number }
}
