import AutoEngineCore
import Testing

@testable import AutoEngineRuntime

@Suite struct CandleBuilderTests {
  /// `seconds` after 40 s past the minute that starts at 1_700_000_040.
  private func t(_ seconds: Double) -> UnixTime { UnixTime(seconds: 1_700_000_080 + seconds) }

  @Test func ticksOfOneMinuteMakeOneCandleClosedByTheNextMinutesFirstTick() {
    var builder = CandleBuilder(period: 60)
    #expect(builder.add(price: 10, at: t(0)) == nil)
    #expect(builder.add(price: 12, at: t(5)) == nil)
    #expect(builder.add(price: 9, at: t(10)) == nil)
    #expect(builder.add(price: 11, at: t(15)) == nil)
    builder.addVolume(3.5)
    let closed = builder.add(price: 11.5, at: t(25))  // next minute
    #expect(
      closed == Candle(time: UnixTime(seconds: 1_700_000_040), open: 10, high: 12, low: 9, close: 11, volume: 3.5))
    #expect(builder.inProgress?.open == 11.5)
    #expect(builder.inProgress?.volume == 0)
  }

  @Test func lateTicksAndBadPricesAreIgnored() {
    var builder = CandleBuilder(period: 60)
    _ = builder.add(price: 10, at: t(30))
    #expect(builder.add(price: 99, at: t(-40)) == nil)  // an earlier minute
    #expect(builder.add(price: .nan, at: t(31)) == nil)
    #expect(builder.add(price: -1, at: t(32)) == nil)
    #expect(builder.inProgress?.high == 10)
  }

  @Test func aGapProducesNoEmptyCandles() {
    var builder = CandleBuilder(period: 60)
    _ = builder.add(price: 10, at: t(0))
    let closed = builder.add(price: 10, at: t(600))
    #expect(closed?.time == UnixTime(seconds: 1_700_000_040))
    #expect(builder.inProgress?.time == UnixTime(seconds: 1_700_000_640))
  }
}

@Suite struct PriceHistoryTests {
  @Test func boundedAndOrdered() {
    var history = PriceHistory(capacity: 3)
    for second in 0..<10 { history.append(price: Double(second + 1), at: UnixTime(seconds: Double(second))) }
    history.append(price: 99, at: UnixTime(seconds: 5))  // not newer: ignored
    #expect(history.count == 3)
    #expect(history.latest?.price == 10)
    #expect(history.samples(since: UnixTime(seconds: 8)).map(\.price) == [9, 10])
  }

  @Test func sparklineTakesTheLatestPriceAtEachPoint() {
    var history = PriceHistory(capacity: 100)
    for second in stride(from: 0.0, through: 60, by: 10) {
      history.append(price: 100 + second, at: UnixTime(seconds: second))
    }
    let line = history.sparkline(points: 4, span: 60, now: UnixTime(seconds: 60))
    #expect(line == [100, 120, 140, 160])
  }
}
