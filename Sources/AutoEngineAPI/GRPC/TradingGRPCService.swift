import AutoEngineRuntime
import GRPCCore

/// `autoengine.v1.TradingService` over gRPC: each RPC is a one-line call into the `Engine` facade.
///
/// The engine features behind these RPCs land with later issues; until then each RPC answers
/// UNIMPLEMENTED with a message saying so, never a made-up value.
struct TradingGRPCService: Autoengine_V1_TradingService.SimpleServiceProtocol {
  let engine: Engine

  func getTradingInfo(
    request: Autoengine_V1_GetTradingInfoRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_TradingInfo {
    throw EngineError.notBuiltYet("TradingService.GetTradingInfo")
  }

  func startAutobuy(
    request: Autoengine_V1_StartAutobuyRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    throw EngineError.notBuiltYet("TradingService.StartAutobuy")
  }

  func stopAutobuy(
    request: Autoengine_V1_StopAutobuyRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    throw EngineError.notBuiltYet("TradingService.StopAutobuy")
  }

  func cancelOrders(
    request: Autoengine_V1_CancelOrdersRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    throw EngineError.notBuiltYet("TradingService.CancelOrders")
  }

  func cancelAllOrders(
    request: Autoengine_V1_CancelAllOrdersRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    throw EngineError.notBuiltYet("TradingService.CancelAllOrders")
  }

  func placeOrder(
    request: Autoengine_V1_PlaceOrderRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_Order {
    throw EngineError.notBuiltYet("TradingService.PlaceOrder")
  }

  func listOrders(
    request: Autoengine_V1_ListOrdersRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListOrdersResponse {
    throw EngineError.notBuiltYet("TradingService.ListOrders")
  }

  func listPositions(
    request: Autoengine_V1_ListPositionsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListPositionsResponse {
    throw EngineError.notBuiltYet("TradingService.ListPositions")
  }

  func listTrades(
    request: Autoengine_V1_ListTradesRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListTradesResponse {
    throw EngineError.notBuiltYet("TradingService.ListTrades")
  }

  func watchTradeEvents(
    request: Autoengine_V1_WatchTradeEventsRequest,
    response: GRPCCore.RPCWriter<Autoengine_V1_TradeEvent>,
    context: ServerContext
  ) async throws {
    throw EngineError.notBuiltYet("TradingService.WatchTradeEvents")
  }
}
