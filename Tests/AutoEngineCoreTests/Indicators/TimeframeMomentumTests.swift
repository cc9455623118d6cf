import Testing

@testable import AutoEngineCore

/// Wall-clock momentum from the timestamped close history.
@Suite("Momentum per timeframe")
struct TimeframeMomentumTests {
  /// Feeds closes at `times` (seconds) into a history of `capacity` and one momentum window.
  static func run(
    times: [Double], closes: [Double], window: Double, capacity: Int = 100
  ) -> [Double?] {
    var history = CloseHistory(capacity: capacity)
    var momentum = TimeframeMomentum(windowSeconds: window)
    var outputs: [Double?] = []
    for (time, close) in zip(times, closes) {
      history.append(time: UnixTime(seconds: time), close: close)
      momentum.update(from: history)
      outputs.append(momentum.percent)
    }
    return outputs
  }

  @Test("1-minute candles: 1 m compares with the previous close, 5 m with the fifth before")
  func regularCandles() {
    let times = (0..<8).map { Double($0) * 60 }
    let closes: [Double] = [100, 101, 102, 103, 104, 110, 111, 112]
    let oneMinute = Self.run(times: times, closes: closes, window: 60)
    let fiveMinutes = Self.run(times: times, closes: closes, window: 300)
    #expect(oneMinute[0] == nil && agrees(oneMinute[1], 1, relative: 1e-12))
    #expect(fiveMinutes[0..<5].allSatisfy { $0 == nil })
    #expect(agrees(fiveMinutes[5], 10, relative: 1e-12))  // 110 vs 100
    #expect(agrees(fiveMinutes[7], (112.0 / 102 - 1) * 100, relative: 1e-12))
  }

  @Test("a window shorter than the candle spacing is absent")
  func spacingLongerThanWindow() {
    let times = (0..<20).map { Double($0) * 300 }
    let closes = (0..<20).map { 100 + Double($0) }
    #expect(Self.run(times: times, closes: closes, window: 60).allSatisfy { $0 == nil })
    let fiveMinutes = Self.run(times: times, closes: closes, window: 300)
    #expect(fiveMinutes[0] == nil && fiveMinutes[1...].allSatisfy { $0 != nil })
  }

  @Test("irregular times: the latest close at or before t − window is the reference")
  func irregularTimes() {
    let outputs = Self.run(times: [0, 30, 70, 100], closes: [10, 20, 40, 50], window: 60)
    // at 70: target 10 → close at 0 (next at 30, spacing 30 ≤ 60); at 100: target 40 → close at 30
    #expect(outputs[0] == nil && outputs[1] == nil)
    #expect(agrees(outputs[2], 300, relative: 1e-12))
    #expect(agrees(outputs[3], 150, relative: 1e-12))
  }

  @Test("a gap longer than the window makes the momentum absent until the history refills")
  func gapInData() {
    let times: [Double] = [0, 60, 120, 10_000, 10_060, 10_120]
    let closes: [Double] = [1, 2, 3, 4, 5, 6]
    let hour = Self.run(times: times, closes: closes, window: 3_600)
    let minute = Self.run(times: times, closes: closes, window: 60)
    #expect(hour.allSatisfy { $0 == nil })  // reference 120, next close 9,880 s later
    #expect(minute[3] == nil)  // same gap for the 1-minute window
    #expect(agrees(minute[4], 25, relative: 1e-12) && agrees(minute[5], 20, relative: 1e-12))
  }

  @Test("the history must hold window ÷ spacing + 1 closes")
  func capacityLimits() {
    let times = (0..<30).map { Double($0) * 60 }
    let closes = (0..<30).map { 100 + Double($0) }
    let tooSmall = Self.run(times: times, closes: closes, window: 300, capacity: 5)
    let enough = Self.run(times: times, closes: closes, window: 300, capacity: 6)
    #expect(tooSmall.allSatisfy { $0 == nil })
    #expect(enough[5...].allSatisfy { $0 != nil })
    #expect(agrees(enough[29], (129.0 / 124 - 1) * 100, relative: 1e-12))
  }

  @Test("IndicatorSet on 1-minute candles publishes all four timeframes")
  func indicatorSetTimeframes() throws {
    var set = IndicatorSet()
    for index in 0...60 {
      let close = 100 + Double(index)
      try set.update(makeCandle(index, high: close, low: close, close: close, spacing: 60))
    }
    let s = set.snapshot
    #expect(agrees(s.momentum1mPct, (160.0 / 159 - 1) * 100, relative: 1e-12))
    #expect(agrees(s.momentum5mPct, (160.0 / 155 - 1) * 100, relative: 1e-12))
    #expect(agrees(s.momentum15mPct, (160.0 / 145 - 1) * 100, relative: 1e-12))
    #expect(agrees(s.momentum1hPct, 60, relative: 1e-12))
    #expect(set.historyCapacity == 721 && set.pivotPeriod == 60)
  }
}
