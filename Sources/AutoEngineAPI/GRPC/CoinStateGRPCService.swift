import AutoEngineCore
import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf

/// `autoengine.v1.CoinStateService` over gRPC: each RPC is a call into the `Engine` facade plus
/// the message mapping.
struct CoinStateGRPCService: Autoengine_V1_CoinStateService.SimpleServiceProtocol {
  let engine: Engine
  var clock: any WallClock { engine.clock }
  /// Heartbeat interval when the request gives none, seconds.
  var defaultHeartbeat: Double = 15

  func listCoins(
    request: Autoengine_V1_ListCoinsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListCoinsResponse {
    Autoengine_V1_ListCoinsResponse(
      await engine.coinListing(exchange: request.exchange.domain, enabledOnly: request.enabledOnly))
  }

  func getCoinState(
    request: Autoengine_V1_GetCoinStateRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CoinState {
    engine.contract(try await engine.coinState(request.symbol))
  }

  func listCoinStates(
    request: Autoengine_V1_ListCoinStatesRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListCoinStatesResponse {
    Autoengine_V1_ListCoinStatesResponse(
      try await engine.coinStates(CoinFilter(symbols: request.symbols, exchange: request.exchange.domain)),
      asOf: clock.now(), engine: engine)
  }

  /// Snapshot first, then one message per engine tick with the coins that changed, heartbeats
  /// when idle; ends when the client leaves (RPC cancellation) or the server stops.
  func watchCoinStates(
    request: Autoengine_V1_WatchCoinStatesRequest,
    response: RPCWriter<Autoengine_V1_CoinStateUpdate>,
    context: ServerContext
  ) async throws {
    let filter = CoinFilter(symbols: request.symbols, exchange: request.exchange.domain)
    let subscription = try await engine.subscribeCoinStates(filter)
    let heartbeat = request.heartbeatSeconds > 0 ? Double(request.heartbeatSeconds) : defaultHeartbeat
    let clock = self.clock
    try await withRPCCancellationHandler {
      var sequence: UInt64 = 1
      let snapshot = try await engine.coinStates(filter)
      try await response.write(
        .with {
          $0.sequence = sequence
          $0.snapshot = true
          $0.states = snapshot.map(engine.contract)
          $0.tickTime = .init(clock.now())
          $0.sentAt = .init(clock.now())
        })
      while let next = await subscription.next(orHeartbeatAfter: heartbeat) {
        sequence += 1
        let update: Autoengine_V1_CoinStateUpdate
        switch next {
        case .batch(let batch):
          update = .with {
            $0.sequence = sequence
            $0.states = batch.states.map(engine.contract)
            $0.conflated = batch.conflated
            $0.tickTime = .init(batch.tickTime)
            $0.sentAt = .init(clock.now())
          }
        case .heartbeat:
          update = .with {
            $0.sequence = sequence
            $0.heartbeat = true
            $0.sentAt = .init(clock.now())
          }
        }
        try await response.write(update)
      }
    } onCancelRPC: {
      subscription.cancel()
    }
    subscription.cancel()
  }
}
