import AutoEngineRuntime
import GRPCCore

/// `autoengine.v1.CoinStateService` over gRPC: each RPC is a one-line call into the `Engine` facade.
///
/// The engine features behind these RPCs land with later issues; until then each RPC answers
/// UNIMPLEMENTED with a message saying so, never a made-up value.
struct CoinStateGRPCService: Autoengine_V1_CoinStateService.SimpleServiceProtocol {
  let engine: Engine

  func listCoins(
    request: Autoengine_V1_ListCoinsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListCoinsResponse {
    throw EngineError.notBuiltYet("CoinStateService.ListCoins")
  }

  func getCoinState(
    request: Autoengine_V1_GetCoinStateRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CoinState {
    throw EngineError.notBuiltYet("CoinStateService.GetCoinState")
  }

  func listCoinStates(
    request: Autoengine_V1_ListCoinStatesRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListCoinStatesResponse {
    throw EngineError.notBuiltYet("CoinStateService.ListCoinStates")
  }

  func watchCoinStates(
    request: Autoengine_V1_WatchCoinStatesRequest,
    response: GRPCCore.RPCWriter<Autoengine_V1_CoinStateUpdate>,
    context: ServerContext
  ) async throws {
    throw EngineError.notBuiltYet("CoinStateService.WatchCoinStates")
  }
}
