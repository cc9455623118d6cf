import Foundation
import Testing

@testable import AutoEngineCore

/// Files the indicator tests read: fixtures beside these tests and the shared real candles.
///
/// Paths are derived from `#filePath` with symbolic links resolved, so they work both in the
/// repository (`<root>/main/Tests/…`) and through a scratch package that links the test folder.
enum IndicatorTestData {
  /// This folder, `<root>/main/Tests/AutoEngineCoreTests/Indicators`, with links resolved.
  static let testsDirectory: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent()

  /// `Tests/AutoEngineCoreTests/Indicators/Fixtures`.
  static let fixtures = testsDirectory.appendingPathComponent("Fixtures")

  /// `<root>/shared/data/candles`, beside the repository.
  static let sharedCandles =
    testsDirectory
    .deletingLastPathComponent()  // AutoEngineCoreTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .deletingLastPathComponent()  // <root>
    .appendingPathComponent("shared/data/candles")

  /// The six real candle files described in `shared/data/candles/README.md`.
  static let realCandleFiles = [
    "ADA-BTC_5m.csv", "ETC-BTC_5m.csv", "ETH-BTC_5m.csv", "LTC-BTC_5m.csv", "XLM-BTC_5m.csv",
    "BTC-QUOTED_1m.csv",
  ]

  /// The text of `url`, or a recorded test failure naming the missing file.
  static func text(of url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    guard FileManager.default.fileExists(atPath: url.path) else {
      Issue.record("missing test data file \(url.path)", sourceLocation: sourceLocation)
      throw MissingFile(path: url.path)
    }
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The text of the fixture file `name` in `Fixtures/`.
  static func fixtureText(_ name: String) throws -> String {
    try text(of: fixtures.appendingPathComponent(name))
  }

  /// The first 300 ETH-BTC 5-minute candles that the reference fixture was generated from.
  static func referenceCandles() throws -> [Candle] {
    try CandleCSV.parse(fixtureText("eth_btc_5m_first300.csv"))
  }

  /// Candles parsed from a shared real-data file.
  static func realCandles(_ name: String) throws -> [Candle] {
    try CandleCSV.parse(text(of: sharedCandles.appendingPathComponent(name)))
  }

  /// A missing data file (the failure is recorded where it is detected).
  struct MissingFile: Error, CustomStringConvertible {
    var path: String
    var description: String { "missing test data file \(path)" }
  }
}

/// Whether `actual` and `expected` agree to `relative` tolerance, or both are absent.
///
/// Two values agree when `|a − e| ≤ relative × max(|a|, |e|, floor)`; `floor` bounds the
/// tolerance for values that pass through zero (a difference of quantities of size `floor`).
func agrees(_ actual: Double?, _ expected: Double?, relative: Double = 1e-9, floor: Double = 0) -> Bool {
  switch (actual, expected) {
  case (nil, nil): return true
  case (let a?, let e?):
    return (a - e).magnitude <= relative * max(a.magnitude, e.magnitude, floor)
  default: return false
  }
}

/// A candle with the given prices (volume 1 unless given) at `index × spacing` seconds.
func makeCandle(
  _ index: Int, open: Double? = nil, high: Double, low: Double, close: Double, volume: Double = 1,
  spacing: Double = 300
) -> Candle {
  Candle(
    time: UnixTime(seconds: 1_700_000_000 + Double(index) * spacing), open: open ?? close,
    high: high, low: low, close: close, volume: volume)
}

/// Candles whose open, high, low and close all equal each close, volume 1.
func flatCandles(_ closes: [Double], spacing: Double = 300) -> [Candle] {
  closes.enumerated().map {
    makeCandle($0.offset, high: $0.element, low: $0.element, close: $0.element, spacing: spacing)
  }
}

/// A small deterministic random number generator (SplitMix64), so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Every value of `snapshot` that is present, with its column.
func presentValues(_ snapshot: IndicatorSnapshot) -> [(column: IndicatorColumn, value: Double)] {
  IndicatorColumn.allCases.compactMap { column in column.value(in: snapshot).map { (column, $0) } }
}
