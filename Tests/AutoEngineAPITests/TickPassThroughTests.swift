import AutoEngineCore
import AutoEngineRuntime
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// A tick's coin states cross Redis already encoded: the engine's publisher sends the bytes its
/// own streams send, and an API replica gives them to its hub as the tick's shared encoding, so
/// its subscribers receive the engine's bytes. These tests pin the pieces of that pass-through:
/// the wire scan that finds the states' bytes, and the shared fields a replica builds from them.
@Suite struct TickPassThroughTests {
  private let states: [Autoengine_V1_CoinState] = [
    .with {
      $0.symbol = "BTC-USD"
      $0.price = "90000.5"
      // Long enough for a two-byte length prefix.
      $0.priceSummary.sparkline = (0..<100).map(Double.init)
      $0.trading.positionQuantity = "0.5"
    },
    .with { $0.symbol = "ETHUSDT" },
    .init(),
  ]

  @Test func theScanFindsEveryStateEntryWhereverItStands() throws {
    let header = Autoengine_V1_CoinStateUpdate.with {
      $0.sequence = 300
      $0.conflated = 2
      $0.tickTime = .with { $0.seconds = 1_700_000_000 }
      $0.sentAt = .with { $0.nanos = 5 }
    }
    // The states after the other fields (the publisher's fallback), and in number order.
    let appended = Array(buffer: ReplicaPublisher.updateBytes(header, states: states.map(ReplicaPublisher.bytes)))
    var whole = header
    whole.states = states
    let ordered: [UInt8] = try whole.serializedBytes()
    for bytes in [appended, ordered] {
      let found = try #require(ProtobufFieldRanges(field: 4, in: bytes))
      #expect(found.occurrences.count == 3)
      for (occurrence, state) in zip(found.occurrences, states) {
        #expect(Array(bytes[occurrence.payload]) == (try state.serializedBytes() as [UInt8]))
        // The field's bytes re-emit it: key, length, payload.
        #expect(
          try Autoengine_V1_CoinStateUpdate(serializedBytes: Array(bytes[occurrence.field])).states == [state])
      }
    }
    // A field that is absent has no occurrences; field 6 (a message) is found as well.
    #expect(ProtobufFieldRanges(field: 9, in: ordered)?.occurrences == [])
    #expect(ProtobufFieldRanges(field: 6, in: ordered)?.occurrences.count == 1)
  }

  @Test func theScanRefusesBytesThatAreNotProtobuf() throws {
    let good: [UInt8] = try Autoengine_V1_CoinStateUpdate.with { $0.states = states }.serializedBytes()
    // Truncated inside an entry, an end-group wire type, field number 0, an overlong varint.
    #expect(ProtobufFieldRanges(field: 4, in: Array(good.dropLast(3))) == nil)
    #expect(ProtobufFieldRanges(field: 4, in: [4 << 3 | 4]) == nil)
    #expect(ProtobufFieldRanges(field: 4, in: [0 << 3 | 0, 1]) == nil)
    #expect(ProtobufFieldRanges(field: 1, in: [1 << 3 | 0] + Array(repeating: 0xFF, count: 11)) == nil)
    // Field 1 of a CoinStateUpdate is a varint: asked for as length-delimited, refused.
    #expect(ProtobufFieldRanges(field: 1, in: [1 << 3 | 0, 7]) == nil)
    #expect(ProtobufFieldRanges(field: 4, in: []) == ProtobufFieldRanges(field: 4, in: [UInt8]()))
  }

  @Test func aReplicasSharedFieldsAreWhatItsStreamsWouldHaveEncoded() throws {
    let tickTime = UnixTime(seconds: 1_700_000_123.25)
    let header = Autoengine_V1_CoinStateUpdate.with {
      $0.sequence = 9
      $0.conflated = 4
      $0.tickTime = .init(tickTime)
      $0.sentAt = .with { $0.seconds = 1_700_000_124 }
    }
    let message = Array(buffer: ReplicaPublisher.updateBytes(header, states: states.map(ReplicaPublisher.bytes)))
    let shared = try #require(ReplicaFeed.sharedFields(of: message, conflated: 4, tickTime: tickTime))
    #expect(shared == (try CoinStateUpdateWire.fields(states: states, conflated: 4, tickTime: tickTime)))
    // Between a stream's own sequence and send time it is the whole update, as encoded at once.
    let sent = Autoengine_V1_CoinStateUpdate.with { $0.sequence = 2 }
    let tail = Autoengine_V1_CoinStateUpdate.with { $0.sentAt = .with { $0.seconds = 5 } }
    let bytes: [UInt8] = try sent.serializedBytes() + shared + tail.serializedBytes()
    var expected = header
    expected.states = states
    expected.sequence = 2
    expected.sentAt = tail.sentAt
    #expect(bytes == (try expected.serializedBytes() as [UInt8]))
    #expect(ReplicaFeed.sharedFields(of: [0xFF], conflated: 0, tickTime: tickTime) == nil)
  }
}
