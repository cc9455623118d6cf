import Foundation
import Testing

@testable import AutoEngineCore

/// The building blocks: ring buffer, rolling extremes, drift-free sums, the logarithm.
@Suite("Rolling windows")
struct RollingWindowTests {
  @Test("a ring buffer keeps the newest `capacity` elements, oldest first, and returns evictions")
  func ringBuffer() {
    var ring = RingBuffer(capacity: 3, filler: 0)
    #expect(ring.isEmpty && ring.oldest == nil && ring.newest == nil)
    var evicted: [Int?] = []
    for value in 1...5 { evicted.append(ring.push(value)) }
    #expect(evicted == [nil, nil, nil, 1, 2])
    #expect((0..<ring.count).map { ring[$0] } == [3, 4, 5])
    #expect(ring.isFull && ring.capacity == 3 && ring.oldest == 3 && ring.newest == 5)
    #expect(ring.newest(lag: 2) == 3 && ring.newest(lag: 3) == nil)
    ring.removeAll()
    #expect(ring.isEmpty && ring.capacity == 3)
  }

  @Test("rolling maximum and minimum equal a brute-force scan", arguments: [1, 2, 5, 14, 50])
  func rollingExtremes(period: Int) {
    var random = SplitMix64(state: UInt64(period))
    var maximum = RollingExtreme(period: period, kind: .maximum)
    var minimum = RollingExtreme(period: period, kind: .minimum)
    var values: [Double] = []
    for _ in 0..<2_000 {
      // Few distinct values, so ties are common.
      let value = Double(Int.random(in: 0..<8, using: &random))
      values.append(value)
      maximum.push(value)
      minimum.push(value)
      let window = values.suffix(period)
      if values.count < period {
        #expect(maximum.value == nil && minimum.value == nil)
        #expect(maximum.partialValue == window.max())
      } else {
        #expect(maximum.value == window.max() && minimum.value == window.min())
      }
    }
  }

  @Test("sums and moments stay exact over a million updates (no drift)")
  func noDrift() {
    var random = SplitMix64(state: 42)
    var sum = RollingSum(period: 20)
    var moments = RollingMoments(period: 20)
    var recent: [Double] = []
    for step in 0..<1_000_000 {
      // Prices drifting around 0.1 with occasional large jumps.
      let jump = step % 9_973 == 0 ? 1_000.0 : 0
      let value = 0.1 + Double.random(in: -0.001...0.001, using: &random) + jump
      sum.push(value)
      moments.push(value)
      recent.append(value)
      if recent.count > 20 { recent.removeFirst() }
    }
    let mean = recent.reduce(0, +) / 20
    let variance = recent.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20
    #expect(agrees(sum.sum, recent.reduce(0, +), relative: 1e-13))
    #expect(agrees(moments.mean, mean, relative: 1e-13))
    #expect(agrees(moments.variance, variance, relative: 1e-9))
  }

  @Test("moments match a two-pass computation at every step", arguments: [2, 7, 20])
  func movingMoments(period: Int) {
    var random = SplitMix64(state: 7)
    var moments = RollingMoments(period: period)
    var values: [Double] = []
    for _ in 0..<500 {
      let value = 1_000 + Double.random(in: -1...1, using: &random)
      values.append(value)
      moments.push(value)
      guard values.count >= period else {
        #expect(moments.mean == nil && moments.variance == nil)
        continue
      }
      let window = values.suffix(period)
      let mean = window.reduce(0, +) / Double(period)
      let variance = window.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(period)
      #expect(agrees(moments.mean, mean, relative: 1e-14))
      #expect(agrees(moments.variance, variance, relative: 1e-9))
    }
  }

  @Test("a compensated sum of a million terms is exact where plain addition drifts")
  func compensatedSum() {
    var compensated = CompensatedSum()
    var plain = 0.0
    for _ in 0..<1_000_000 {
      compensated.add(0.1)
      plain += 0.1
    }
    #expect(compensated.value == 100_000)
    #expect(plain != 100_000)
  }
}
