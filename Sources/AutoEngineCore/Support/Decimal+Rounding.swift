public import FoundationEssentials

extension Decimal {
  /// This amount rounded toward negative infinity to `places` digits after the decimal point.
  ///
  /// `12.349` → `12.34` and `-12.341` → `-12.35` with `places` 2. Used to size orders so that
  /// rounding never spends more than was decided (cents for USD/USDT quote amounts). A negative
  /// `places` counts as 0; values already at that precision are returned unchanged.
  public func roundedDown(toPlaces places: Int) -> Decimal {
    let places = Swift.max(0, places)
    let text = description
    guard let point = text.firstIndex(of: ".") else { return self }
    let fraction = text[text.index(after: point)...]
    guard fraction.count > places else { return self }
    let keptEnd = text.index(point, offsetBy: places == 0 ? 0 : places + 1)
    let dropped = text[keptEnd...].dropFirst(places == 0 ? 1 : 0)
    guard var truncated = Decimal(string: String(text[..<keptEnd])) else { return self }
    if self < 0, dropped.contains(where: { $0 != "0" }) {
      var unit = Decimal(1)
      for _ in 0..<places { unit /= 10 }
      truncated -= unit
    }
    return truncated
  }
}
