import Testing

@testable import AutoEngineCore

/// Every indicator against reference values from TA-Lib and independent NumPy code.
///
/// `Fixtures/generate_reference.py` (documented there) produced `eth_btc_5m_reference.csv` from
/// the first 300 candles of ETH-BTC 5m (`eth_btc_5m_first300.csv`). Every cell must agree to a
/// relative tolerance of 1e-9, and a cell must be empty exactly where the reference's is. (The
/// largest deviation seen is 1.2e-10, in the trend slope, where TA-Lib's `n Σxy − Σx Σy` itself
/// cancels; most columns agree to a few ulps.)
@Suite("Indicators match the TA-Lib reference")
struct IndicatorReferenceTests {
  /// The candles and the reference table (header, rows of optional numbers).
  static func load() throws -> (candles: [Candle], header: [Substring], rows: [[Double?]]) {
    let candles = try IndicatorTestData.referenceCandles()
    let reference = try IndicatorTestData.fixtureText("eth_btc_5m_reference.csv")
    var lines = reference.split(separator: "\n")
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false)
    let rows = lines.map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : Double($0) }
    }
    return (candles, header, rows)
  }

  @Test("the reference covers every CSV column, in the formatter's order")
  func headerMatchesFormatter() throws {
    let (candles, header, rows) = try Self.load()
    #expect(header.joined(separator: ",") == IndicatorCSV.header)
    #expect(candles.count == 300)
    #expect(rows.count == 300)
  }

  @Test("every column agrees with the reference to 1e-9 relative", arguments: IndicatorColumn.allCases)
  func column(_ column: IndicatorColumn) throws {
    let (candles, header, rows) = try Self.load()
    let index = try #require(header.firstIndex { $0 == column.name })
    var set = IndicatorSet()
    var defined = 0
    for (row, candle) in candles.enumerated() {
      try set.update(candle)
      let actual = column.value(in: set.snapshot)
      let expected = rows[row][index]
      if expected != nil { defined += 1 }
      #expect(
        agrees(actual, expected, relative: 1e-9),
        "\(column.name) at row \(row): \(String(describing: actual)) vs reference \(String(describing: expected))")
    }
    if column != .momentum1mPct { #expect(defined > 0, "reference column \(column.name) is empty") }
  }
}
