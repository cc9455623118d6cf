import Testing

@testable import AutoEngineCore

/// Reading `time,open,high,low,close,volume` files, and the errors for bad ones.
@Suite("Candle CSV reader")
struct CandleCSVTests {
  /// The error text for `text`, or nil when it parses.
  static func error(_ text: String) -> String? {
    do {
      _ = try CandleCSV.parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  static let header = "time,open,high,low,close,volume\n"

  @Test("parses plain and scientific numbers, CRLF, spaces, a BOM and blank lines")
  func parsesValidText() throws {
    let text =
      "\u{FEFF}Time, Open,High,Low,Close,Volume\r\n"
      + "1515560100,5.33e-05,5.4E-05,5.3e-05,5.35e-05,12345.5\r\n"
      + "\r\n"
      + " 1515560400 , 0.0984 ,0.0994766,0.09828605,0.0994766,0\n"
      + "1515560700.5,1,1,1,1,1\n\n"
    let candles = try CandleCSV.parse(text)
    #expect(candles.count == 3)
    #expect(
      candles[0]
        == Candle(
          time: UnixTime(seconds: 1_515_560_100), open: 5.33e-05, high: 5.4e-05, low: 5.3e-05, close: 5.35e-05,
          volume: 12345.5))
    #expect(candles[1].open == 0.0984 && candles[1].volume == 0)
    #expect(candles[2].time.seconds == 1_515_560_700.5)
  }

  @Test("a header alone gives no candles")
  func headerOnly() throws {
    #expect(try CandleCSV.parse(Self.header).isEmpty)
  }

  @Test(
    "errors name the line and the problem",
    arguments: [
      ("", "line 1: missing header time,open,high,low,close,volume"),
      ("\n\n", "line 3: missing header time,open,high,low,close,volume"),
      (
        "time,open,high,low,close\n",
        "line 1: expected header time,open,high,low,close,volume, got time,open,high,low,close"
      ),
      ("1,1,1,1,1,1\n", "line 1: expected header time,open,high,low,close,volume, got 1,1,1,1,1,1"),
      (header + "1,1,1,1,1,1\n1,1,1,1,1\n", "line 3: expected 6 fields, got 5"),
      (header + "1,1,1,1,1,1,1\n", "line 2: expected 6 fields, got 7"),
      (header + "1,1,1,1,abc,1\n", "line 2: close abc is not a number"),
      (header + "1,1,,1,1,1\n", "line 2: high is empty"),
      (header + "1,1,1,1,1,nan\n", "line 2: volume nan is not finite"),
      (header + "inf,1,1,1,1,1\n", "line 2: time inf is not finite"),
      (header + "1,1,1,0,1,1\n", "line 2: low 0 is not positive"),
      (header + "1,1,1,1,1,-2\n", "line 2: volume -2 is negative"),
      (header + "1,1.25,1.2,1.3,1.25,1\n", "line 2: high 1.2 is below low 1.3"),
      (header + "1,1.5,1.4,1.2,1.3,1\n", "line 2: open 1.5 is above high 1.4"),
      (header + "1,1.3,1.4,1.2,1.1,1\n", "line 2: close 1.1 is below low 1.2"),
      (header + "200,1,1,1,1,1\n100,1,1,1,1,1\n", "line 3: time 100 is not after the previous row's time 200"),
      (header + "200,1,1,1,1,1\n200,1,1,1,1,1\n", "line 3: time 200 is not after the previous row's time 200"),
    ])
  func errors(text: String, message: String) {
    #expect(Self.error(text) == message)
  }

  @Test("the line number counts every line, blank ones included")
  func lineNumberOfSeventeenthLine() {
    var text = Self.header
    for index in 1...14 { text += "\(index),1.25,1.3,1.2,1.25,1\n" }
    text += "\n15,1.25,1.2,1.3,1.25,1\n"
    #expect(Self.error(text) == "line 17: high 1.2 is below low 1.3")
  }

  @Test(
    "the shared real candle files parse completely",
    arguments: [
      ("ADA-BTC_5m.csv", 5_720), ("ETC-BTC_5m.csv", 5_759), ("ETH-BTC_5m.csv", 5_760),
      ("LTC-BTC_5m.csv", 5_760), ("XLM-BTC_5m.csv", 5_760), ("BTC-QUOTED_1m.csv", 13_681),
    ])
  func realFiles(name: String, rows: Int) throws {
    let candles = try IndicatorTestData.realCandles(name)
    #expect(candles.count == rows)
    #expect(candles.allSatisfy { $0.isWellFormed })
  }
}
