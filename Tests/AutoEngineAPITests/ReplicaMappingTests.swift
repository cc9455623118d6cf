import AutoEngineCore
import AutoEngineRuntime
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
}
