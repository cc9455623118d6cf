import AutoEngineCore
import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf

/// `autoengine.v1.StrategyService` over gRPC: each RPC is a call into the `Engine` facade plus
/// the message mapping. WatchSignals lands with the API issue.
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
    throw EngineError.notBuiltYet("StrategyService.WatchSignals")
  }
}
