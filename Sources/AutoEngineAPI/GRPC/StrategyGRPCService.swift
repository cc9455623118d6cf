import AutoEngineCore
import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf

/// `autoengine.v1.StrategyService` over gRPC: each RPC is a call into the `Engine` facade plus
/// the message mapping.
struct StrategyGRPCService: Autoengine_V1_StrategyService.SimpleServiceProtocol {
  let engine: Engine
  var clock: any WallClock { engine.clock }

  func listStrategies(
    request: Autoengine_V1_ListStrategiesRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListStrategiesResponse {
    Autoengine_V1_ListStrategiesResponse(engine.strategies(in: request.category.domain))
  }

  func getSignals(
    request: Autoengine_V1_GetSignalsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CoinSignals {
    Autoengine_V1_CoinSignals(try await engine.signals(request.symbol))
  }

  func listSignals(
    request: Autoengine_V1_ListSignalsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListSignalsResponse {
    Autoengine_V1_ListSignalsResponse(
      try await engine.signals(CoinFilter(symbols: request.symbols, exchange: request.exchange.domain)),
      firedOnly: request.firedOnly, asOf: clock.now())
  }

  func watchSignals(
    request: Autoengine_V1_WatchSignalsRequest,
    response: RPCWriter<Autoengine_V1_SignalsUpdate>,
    context: ServerContext
  ) async throws {
    let filter = CoinFilter(symbols: request.symbols, exchange: request.exchange.domain)
    // Signals change when a coin is evaluated (a candle closes); the coin-state stream says when.
    let subscription = try await engine.subscribeCoinStates(filter)
    // Ended however the watch ends: the client leaving, a failed write, the server stopping.
    defer { subscription.cancel() }
    let heartbeat = Duration.seconds(request.heartbeatSeconds > 0 ? Int64(request.heartbeatSeconds) : 15)
    let clock = self.clock
    try await withRPCCancellationHandler {
      var sequence: UInt64 = 1
      let snapshot = try await engine.signals(filter)
      var evaluated = Dictionary(
        snapshot.map { ($0.coin.symbol, $0.evaluatedAt) }, uniquingKeysWith: { first, _ in first })
      try await response.write(
        Autoengine_V1_SignalsUpdate(
          sequence: sequence, snapshot: true, coins: snapshot, firedOnly: request.firedOnly, tickTime: clock.now(),
          sentAt: clock.now()))
      // A heartbeat is due `heartbeat` after the last message sent: ticks that change no
      // signal send nothing and must not push it back.
      var lastSent = ContinuousClock.now
      while let delivery = await subscription.next(orHeartbeatAt: lastSent + heartbeat) {
        switch delivery {
        case .batch(let batch):
          var changed: [CoinSignals] = []
          for state in batch.states where state.indicatorsUpdatedAt != evaluated[state.coin.symbol] ?? nil {
            evaluated[state.coin.symbol] = state.indicatorsUpdatedAt
            changed.append(try await engine.signals(state.coin.symbol))
          }
          guard !changed.isEmpty else { continue }
          sequence += 1
          var update = Autoengine_V1_SignalsUpdate(
            sequence: sequence, snapshot: false, coins: changed, firedOnly: request.firedOnly, tickTime: batch.tickTime,
            sentAt: clock.now())
          update.conflated = batch.conflated
          try await response.write(update)
          lastSent = ContinuousClock.now
        case .heartbeat:
          sequence += 1
          try await response.write(
            .with {
              $0.sequence = sequence
              $0.heartbeat = true
              $0.sentAt = .init(clock.now())
            })
          lastSent = ContinuousClock.now
        }
      }
    } onCancelRPC: {
      subscription.cancel()
    }
  }
}
