import AutoEngineCore
import AutoEngineRuntime
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// An API replica rebuilds the engine's coin states from the contract messages on Redis: mapped
/// out again, they must be the same messages.
@Suite struct ReplicaMappingTests {
  @Test(.timeLimit(.minutes(1)))
  func coinStatesSurviveTheRoundTripThroughTheContract() async throws {
    let (engine, scheduler) = simulatedEngine()
    let running = Task { try await scheduler.run() }
    var states: [CoinState] = []
    while states.count < 40 {
      try await Task.sleep(for: .milliseconds(100))
      states = try await engine.coinStates().filter { $0.price != nil && $0.aggregate != nil }
    }
    running.cancel()
    _ = try? await running.value
    for state in states {
      let message = Autoengine_V1_CoinState(state)
      let replica = try #require(CoinState(contract: message, catalogue: engine.catalogue))
      #expect(Autoengine_V1_CoinState(replica) == message, "\(state.coin.symbol)")
    }
    let unknown = Autoengine_V1_CoinState.with { $0.symbol = "NOPE-USD" }
    #expect(CoinState(contract: unknown, catalogue: engine.catalogue) == nil)
  }

  @Test func aTicksMessageCarriesTheHashsEncodedStatesAsIfEncodedWhole() throws {
    let states: [Autoengine_V1_CoinState] = [
      .with {
        $0.symbol = "BTC-USD"
        $0.price = "90000.5"
        // Long enough for a two-byte length prefix.
        $0.priceSummary.sparkline = (0..<100).map(Double.init)
      },
      .with { $0.symbol = "ETHUSDT" },
      .init(),
    ]
    let header = Autoengine_V1_CoinStateUpdate.with {
      $0.sequence = 42
      $0.conflated = 3
      $0.tickTime = .with { $0.seconds = 1_700_000_000 }
      $0.sentAt = .with { $0.nanos = 5 }
    }
    let bytes = ReplicaPublisher.updateBytes(header, states: states.map(ReplicaPublisher.bytes))
    var whole = header
    whole.states = states
    let decoded = try Autoengine_V1_CoinStateUpdate(serializedBytes: Array(buffer: bytes))
    #expect(decoded == whole)
    #expect(bytes.readableBytes == (try whole.serializedBytes() as [UInt8]).count)
  }
}
