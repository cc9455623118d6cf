/// Plain-text renderings of numbers for messages and reasons, without Foundation formatters.
///
/// Refusal reasons, configuration issues and flare classes use it so that
/// the same number always reads the same way.
public enum NumberText {
  /// `value` with exactly `decimals` digits after the point, rounded half away from zero
  /// (`fixed(0.7, decimals: 2)` is `"0.70"`). Non-finite values print as `nan`, `inf`, `-inf`.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let decimals = max(0, min(decimals, 15))
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else { return plain(value) }
    let units = Int64(scaled)
    let integerPart = units / Int64(scale)
    let fractionPart = units % Int64(scale)
    let sign = value < 0 && units != 0 ? "-" : ""
    guard decimals > 0 else { return "\(sign)\(integerPart)" }
    let fractionDigits = String(fractionPart)
    let padding = String(repeating: "0", count: decimals - fractionDigits.count)
    return "\(sign)\(integerPart).\(padding)\(fractionDigits)"
  }

  /// `value` in its shortest round-trip form, without a trailing `.0` for whole numbers
  /// (`plain(300)` is `"300"`, `plain(0.7)` is `"0.7"`).
  public static func plain(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }
}
