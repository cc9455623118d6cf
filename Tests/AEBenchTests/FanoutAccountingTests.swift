import AutoEngineAPI
import AutoEngineCore
import SwiftProtobuf
import Testing

@testable import aebench

/// The fan-out benchmark's own logic: reading update headers off the wire, and the accounting of
/// sequence numbers, conflation, missed ticks and latency.
@Suite struct FanoutAccountingTests {
  private func header(of update: Autoengine_V1_CoinStateUpdate) throws -> UpdateHeader {
    let bytes: [UInt8] = try update.serializedBytes()
    return try bytes.withUnsafeBytes { try UpdateHeader(parsing: $0) }
  }

  @Test func theHeaderReaderAgreesWithSwiftProtobuf() throws {
    let update = Autoengine_V1_CoinStateUpdate.with {
      $0.sequence = 1 << 35
      $0.states = [
        .with {
          $0.symbol = "BTC-USD"
          $0.price = "90000.5"
          $0.priceSummary.sparkline = [1, 2, 3]
        },
        .with { $0.symbol = "ETHUSDT" },
      ]
      $0.conflated = 300
      $0.tickTime = .with {
        $0.seconds = 1_700_000_000
        $0.nanos = 250_000_000
      }
      $0.sentAt = .with {
        $0.seconds = 1_700_000_001
        $0.nanos = 5
      }
    }
    let read = try header(of: update)
    #expect(read.sequence == 1 << 35)
    #expect(read.stateCount == 2)
    #expect(read.conflated == 300)
    #expect(read.tickTimeNanos == 1_700_000_000_250_000_000)
    #expect(read.sentAtNanos == 1_700_000_001_000_000_005)
    #expect(!read.snapshot && !read.heartbeat)
    let flags = try header(
      of: .with {
        $0.sequence = 2
        $0.snapshot = true
        $0.heartbeat = true
      })
    #expect(flags.snapshot && flags.heartbeat && flags.stateCount == 0 && flags.tickTimeNanos == 0)
  }

  @Test func unknownFieldsAreSkippedAndTruncatedMessagesRefused() throws {
    let update = Autoengine_V1_CoinStateUpdate.with {
      $0.sequence = 7
      $0.states = [.with { $0.symbol = "BTC-USD" }]
    }
    // Field 99 as fixed32, fixed64, varint and bytes: a newer server's additions.
    let unknown: [UInt8] = [
      0x9D, 0x06, 1, 2, 3, 4, 0x99, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, 0x98, 0x06, 0x96, 0x01, 0x9A, 0x06, 2, 0xAA, 0xBB,
    ]
    let bytes: [UInt8] = try update.serializedBytes() + unknown
    #expect(try Autoengine_V1_CoinStateUpdate(serializedBytes: bytes).sequence == 7)  // well-formed
    let read = try bytes.withUnsafeBytes { try UpdateHeader(parsing: $0) }
    #expect(read.sequence == 7 && read.stateCount == 1)
    for cut in [1, 3, bytes.count - 1] {
      let truncated = Array(bytes.prefix(cut))
      #expect(throws: UpdateHeader.Malformed.self) {
        _ = try truncated.withUnsafeBytes { try UpdateHeader(parsing: $0) }
      }
    }
  }

  private func message(_ sequence: UInt64, tick: Int64 = 0, conflated: UInt64 = 0, snapshot: Bool = false)
    -> UpdateHeader
  {
    var header = UpdateHeader()
    header.sequence = sequence
    header.snapshot = snapshot
    header.tickTimeNanos = tick
    header.conflated = conflated
    header.stateCount = 40
    return header
  }

  @Test func gapsAndReorderingsAreCountedAndConflationIsNot() {
    var tally = StreamTally()
    tally.record(message(1, snapshot: true), receivedAt: 5)
    tally.record(message(2, tick: 100), receivedAt: 130)
    tally.record(message(5, tick: 300, conflated: 4), receivedAt: 310)  // 3 and 4 lost
    tally.record(message(4, tick: 200), receivedAt: 320)  // late: out of order
    var heartbeat = message(6)
    heartbeat.heartbeat = true
    tally.record(heartbeat, receivedAt: 400)
    #expect(tally.hasSnapshot)
    #expect(tally.messages == 5)
    #expect(tally.lost == 2)
    #expect(tally.outOfOrder == 1)
    #expect(tally.heartbeats == 1)
    #expect(tally.lastSequence == 6)
    #expect(tally.updates.map(\.latency) == [30, 10, 120])
  }

  @Test func totalsMeasureTheWindowAndFindTicksMissedBySubscribersThatKeptUp() {
    var complete = StreamTally()
    var missing = StreamTally()
    var slow = StreamTally()
    complete.record(message(1, snapshot: true), receivedAt: 0)
    missing.record(message(1, snapshot: true), receivedAt: 0)
    slow.record(message(1, snapshot: true), receivedAt: 0)
    for (index, tick) in [Int64(1_000), 2_000, 3_000, 4_000].enumerated() {
      complete.record(message(UInt64(index) + 2, tick: tick), receivedAt: tick + 10)
      if tick != 3_000 { missing.record(message(missing.lastSequence + 1, tick: tick), receivedAt: tick + 20) }
    }
    // The slow one got ticks 1,000 and 4,000, the latter carrying 2 conflated updates.
    slow.record(message(2, tick: 1_000), receivedAt: 1_500)
    slow.record(message(3, tick: 4_000, conflated: 2), receivedAt: 4_900)
    let totals = FanoutTotals([complete, missing, slow], window: 2_000...4_000)
    #expect(totals.subscribers == 3)
    #expect(totals.ticks == 3)  // 2,000, 3,000 and 4,000 fall in the window
    #expect(totals.keptUp == 2)
    #expect(totals.missedTicks == 1)  // the 3,000 tick, by `missing`
    #expect(totals.conflated == 2)
    #expect(totals.lost == 0 && totals.outOfOrder == 0)
    #expect(totals.latencies.sorted() == [10, 10, 10, 20, 20, 900])
    #expect(totals.statesPerUpdate == 40)
  }

  @Test func serverPortsAndMemoryAreReadFromItsLogAndProc() {
    let log = """
      2026-11-25T09:00:00Z info autoengine: market simulated
      2026-11-25T09:00:01Z info autoengine: gRPC listening on 127.0.0.1:40123 [scheme: plaintext]
      2026-11-25T09:00:01Z info autoengine: REST listening on http://127.0.0.1:40777
      """
    #expect(ServerProcess.port(after: "gRPC listening on ", in: log) == 40123)
    #expect(ServerProcess.port(after: "REST listening on ", in: log) == 40777)
    #expect(ServerProcess.port(after: "TLS listening on ", in: log) == nil)
    let status = "Name:\tautoengine\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\n"
    #expect(ProcStatus.kilobytes("VmHWM", in: status) == 524_288)
    #expect(ProcStatus.kilobytes("VmRSS", in: status) == 262_144)
    #expect(ProcStatus.kilobytes("VmSwap", in: status) == 0)
  }
}
