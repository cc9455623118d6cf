import Testing

@testable import AutoEngineCore

/// The indicator CSV writer.
@Suite("Indicator CSV writer")
struct IndicatorCSVTests {
  @Test("the header starts with the promised columns and names every snapshot field once")
  func header() {
    let promised =
      "time,sma_20,ema_12,ema_26,rsi_14,macd,macd_signal,macd_hist,bb_upper,bb_middle,bb_lower,"
      + "atr_14,stddev_20,roc_10,obv,stoch_k,stoch_d,adx_14,cci_20,willr_14,mfi_14,"
    #expect(IndicatorCSV.header.hasPrefix(promised))
    let names = IndicatorCSV.header.split(separator: ",").map(String.init)
    #expect(names.count == 60 && Set(names).count == 60)
    #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
    #expect(names == IndicatorColumn.allCases.map(\.name))
  }

  @Test("absent values are empty cells; integral times print without a fraction")
  func cells() {
    var snapshot = IndicatorSnapshot()
    #expect(IndicatorCSV.row(snapshot) == String(repeating: ",", count: 59))
    snapshot.time = UnixTime(seconds: 1_515_560_100)
    snapshot.sma20 = 5.33e-05
    snapshot.obv = 1820.0
    snapshot.rsi14 = 0.1 + 0.2
    let cells = IndicatorCSV.row(snapshot).split(separator: ",", omittingEmptySubsequences: false)
    #expect(cells.count == 60)
    #expect(cells[0] == "1515560100")
    #expect(cells[1] == "5.33e-05")
    #expect(cells[4] == "0.30000000000000004")
    #expect(cells[14] == "1820.0")
    #expect(cells[2] == "")
    snapshot.time = UnixTime(seconds: 1_515_560_100.25)
    #expect(IndicatorCSV.row(snapshot).hasPrefix("1515560100.25,"))
  }

  @Test("every printed number reads back to the same double")
  func roundTrip() throws {
    var set = IndicatorSet()
    for candle in try IndicatorTestData.referenceCandles() { try set.update(candle) }
    let cells = IndicatorCSV.row(set.snapshot).split(separator: ",", omittingEmptySubsequences: false)
    for (column, cell) in zip(IndicatorColumn.allCases, cells) {
      #expect(column.value(in: set.snapshot) == (cell.isEmpty ? nil : Double(cell)), "\(column.name)")
    }
  }

  @Test("a document has the header and one line per candle")
  func document() throws {
    let candles = Array(try IndicatorTestData.referenceCandles().prefix(3))
    let text = try IndicatorCSV.document(candles: candles)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 5 && lines[4].isEmpty)
    #expect(lines[0] == IndicatorCSV.header)
    #expect(lines[1].hasPrefix("1515560100,,,,,,,,,,,,,,1820.544474,"))
    var set = IndicatorSet()
    var snapshots: [IndicatorSnapshot] = []
    for candle in candles {
      try set.update(candle)
      snapshots.append(set.snapshot)
    }
    #expect(IndicatorCSV.document(snapshots) == text)
  }

  @Test("a document stops at the first rejected candle")
  func documentRejects() {
    let bad = Candle(time: UnixTime(seconds: 1), open: 1, high: 0.5, low: 1, close: 1, volume: 1)
    #expect(throws: IndicatorSet.Rejection.notWellFormed) {
      try IndicatorCSV.document(candles: [bad])
    }
  }
}
