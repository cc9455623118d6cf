import Testing

@testable import AutoEngineCore

@Suite struct CandleTests {
  @Test func wellFormedCandlePasses() {
    let candle = Candle(time: UnixTime(seconds: 1_515_560_100), open: 2, high: 3, low: 1, close: 2.5, volume: 10)
    #expect(candle.isWellFormed)
    #expect(candle.typicalPrice == (3 + 1 + 2.5) / 3)
  }

  @Test(arguments: [
    Candle(time: UnixTime(seconds: 0), open: 2, high: 1.5, low: 1, close: 1.2, volume: 1),  // open above high
    Candle(time: UnixTime(seconds: 0), open: 2, high: 3, low: 2.5, close: 2.7, volume: 1),  // open below low
    Candle(time: UnixTime(seconds: 0), open: 2, high: 3, low: 0, close: 2, volume: 1),  // zero price
    Candle(time: UnixTime(seconds: 0), open: 2, high: 3, low: 1, close: 2, volume: -1),  // negative volume
    Candle(time: UnixTime(seconds: 0), open: .nan, high: 3, low: 1, close: 2, volume: 1),
    Candle(time: UnixTime(seconds: 0), open: 2, high: .infinity, low: 1, close: 2, volume: 1),
  ])
  func malformedCandleIsRejected(candle: Candle) {
    #expect(!candle.isWellFormed)
  }

  @Test func unixTimeArithmetic() {
    let start = UnixTime(seconds: 100)
    #expect(start.adding(5.5) == UnixTime(seconds: 105.5))
    #expect(UnixTime(seconds: 90).since(start) == -10)
    #expect(start < start.adding(0.001))
  }
}
