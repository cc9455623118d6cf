import AutoEngineRuntime
import GRPCCore

/// `autoengine.v1.StrategyService` over gRPC: each RPC is a one-line call into the `Engine` facade.
///
/// The engine features behind these RPCs land with later issues; until then each RPC answers
/// UNIMPLEMENTED with a message saying so, never a made-up value.
struct StrategyGRPCService: Autoengine_V1_StrategyService.SimpleServiceProtocol {
  let engine: Engine

  func listStrategies(
    request: Autoengine_V1_ListStrategiesRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListStrategiesResponse {
    throw EngineError.notBuiltYet("StrategyService.ListStrategies")
  }

  func getSignals(
    request: Autoengine_V1_GetSignalsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CoinSignals {
    throw EngineError.notBuiltYet("StrategyService.GetSignals")
  }

  func listSignals(
    request: Autoengine_V1_ListSignalsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListSignalsResponse {
    throw EngineError.notBuiltYet("StrategyService.ListSignals")
  }

  func watchSignals(
    request: Autoengine_V1_WatchSignalsRequest,
    response: GRPCCore.RPCWriter<Autoengine_V1_SignalsUpdate>,
    context: ServerContext
  ) async throws {
    throw EngineError.notBuiltYet("StrategyService.WatchSignals")
  }
}
