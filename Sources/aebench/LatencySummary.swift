/// Percentiles of a set of latency samples.
struct LatencySummary {
  /// Number of samples.
  let count: Int
  /// Median, p90, p99 and maximum, in microseconds.
  let p50: Double, p90: Double, p99: Double, max: Double

  /// Summarises samples given in nanoseconds.
  init(nanoseconds samples: [Int64]) {
    let sorted = samples.sorted()
    count = sorted.count
    func percentile(_ fraction: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
      return Double(sorted[Swift.max(0, index)]) / 1000
    }
    p50 = percentile(0.50)
    p90 = percentile(0.90)
    p99 = percentile(0.99)
    max = Double(sorted.last ?? 0) / 1000
  }
}

extension Double {
  /// The value with `digits` decimals, for tables.
  func formatted(_ digits: Int) -> String {
    if digits <= 0 { return "\(Int(self.rounded()))" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (self * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    } else if digits > 0 {
      text += "." + String(repeating: "0", count: digits)
    }
    return text
  }
}
