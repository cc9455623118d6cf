import Testing

@testable import AutoEngineCore

/// The set as a whole: rejection, the two snapshots, fixed storage.
@Suite("Indicator set")
struct IndicatorSetTests {
  @Test("a malformed or out-of-order candle is rejected and changes nothing")
  func rejection() throws {
    let candles = try IndicatorTestData.referenceCandles()
    var clean = IndicatorSet()
    var disturbed = IndicatorSet()
    let bad: [Candle] = [
      Candle(time: UnixTime(seconds: 2e9), open: 1, high: 0.9, low: 1, close: 1, volume: 1),
      Candle(time: UnixTime(seconds: 2e9), open: 1, high: 1, low: 1, close: 1, volume: -1),
      Candle(time: UnixTime(seconds: 2e9), open: 1, high: .infinity, low: 1, close: 1, volume: 1),
      Candle(time: UnixTime(seconds: 2e9), open: 0, high: 1, low: 0, close: 1, volume: 1),
    ]
    for (index, candle) in candles.enumerated() {
      try clean.update(candle)
      try disturbed.update(candle)
      guard index % 37 == 5 else { continue }
      let (snapshot, previous) = (disturbed.snapshot, disturbed.previous)
      for candle in bad {
        #expect(throws: IndicatorSet.Rejection.notWellFormed) { try disturbed.update(candle) }
      }
      var late = candle
      late.time = candle.time.adding(-1)
      #expect(throws: IndicatorSet.Rejection.notAfterLatest(latest: candle.time)) { try disturbed.update(late) }
      #expect(throws: IndicatorSet.Rejection.notAfterLatest(latest: candle.time)) { try disturbed.update(candle) }
      #expect(disturbed.snapshot == snapshot && disturbed.previous == previous)
    }
    #expect(disturbed.snapshot == clean.snapshot && disturbed.previous == clean.previous)
  }

  @Test("previous is the snapshot before the latest candle; count and close follow the candles")
  func snapshots() throws {
    var set = IndicatorSet()
    #expect(set.snapshot == IndicatorSnapshot() && set.previous == IndicatorSnapshot())
    var last = IndicatorSnapshot()
    for candle in try IndicatorTestData.referenceCandles() {
      try set.update(candle)
      #expect(set.previous == last)
      #expect(set.snapshot.close == candle.close && set.snapshot.time == candle.time)
      last = set.snapshot
    }
    #expect(set.snapshot.count == 300)
  }

  @Test("after 100,000 updates every buffer is the same allocation with the same capacity")
  func storageIsFixed() throws {
    let candles = try IndicatorTestData.realCandles("ETH-BTC_5m.csv")
    var set = IndicatorSet()
    func feed(_ count: Int, from start: Int) throws {
      for step in start..<(start + count) {
        var candle = candles[step % candles.count]
        candle.time = UnixTime(seconds: 1_500_000_000 + Double(step) * 300)
        try set.update(candle)
      }
    }
    try feed(1_000, from: 0)
    let before = StorageInventory(of: set)
    try feed(100_000, from: 1_000)
    let after = StorageInventory(of: set)
    // 21 ring buffers (one array each), 9 rolling extremes (two arrays each) and 2 tagged
    // rolling extremes (three arrays each).
    #expect(before.buffers.count >= 45, "found only \(before.buffers.count) buffers")
    #expect(before == after)
    #expect(set.snapshot.count == 101_000)
    // The long run did not drift: the SMA equals a fresh mean of the last 20 closes.
    let lastCloses = (101_000 - 20..<101_000).map { candles[$0 % candles.count].close }
    #expect(agrees(set.snapshot.sma20, lastCloses.reduce(0, +) / 20, relative: 1e-13))
  }
}

/// Every contiguous array reachable from a value, with its storage address and capacity.
///
/// Found by reflection, so the test sees every buffer the set owns without the set exposing
/// them; equal inventories before and after many updates mean no buffer was reallocated or grew.
struct StorageInventory: Equatable {
  struct Buffer: Equatable {
    var path: String
    var address: UInt
    var capacity: Int
  }

  var buffers: [Buffer] = []

  init(of value: Any) {
    collect(value, path: "set")
  }

  mutating func collect(_ value: Any, path: String) {
    if let array = value as? ContiguousArray<Double> {
      record(array, path: path)
    } else if let array = value as? ContiguousArray<Int> {
      record(array, path: path)
    } else {
      for child in Mirror(reflecting: value).children {
        collect(child.value, path: path + "." + (child.label ?? "?"))
      }
    }
  }

  mutating func record<Element>(_ array: ContiguousArray<Element>, path: String) {
    let address = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    buffers.append(Buffer(path: path, address: address, capacity: array.capacity))
  }
}
