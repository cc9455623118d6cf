import AutoEngineRuntime
import GRPCCore

/// `autoengine.v1.TradingService` over gRPC: each RPC is a one-line call into the server's
/// `EngineControl` (the local engine, or on an API replica the engine it forwards to), with the
/// caller's `authorization` for the engine.
///
/// StartAutobuy, StopAutobuy, CancelOrders, CancelAllOrders and PlaceOrder change state:
/// `BearerTokenInterceptor` lets them through only with the API token. An engine without a
/// trading desk answers FAILED_PRECONDITION ("trading is not enabled on this server").
struct TradingGRPCService: Autoengine_V1_TradingService.ServiceProtocol {
  let control: any EngineControl

  func getTradingInfo(
    request: ServerRequest<Autoengine_V1_GetTradingInfoRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_TradingInfo> {
    ServerResponse(message: try await control.tradingInfo(request.message, caller: Caller(request.metadata)))
  }

  func startAutobuy(
    request: ServerRequest<Autoengine_V1_StartAutobuyRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_AutobuyStateResponse> {
    ServerResponse(message: try await control.startAutobuy(request.message, caller: Caller(request.metadata)))
  }

  func stopAutobuy(
    request: ServerRequest<Autoengine_V1_StopAutobuyRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_AutobuyStateResponse> {
    ServerResponse(message: try await control.stopAutobuy(request.message, caller: Caller(request.metadata)))
  }

  func cancelOrders(
    request: ServerRequest<Autoengine_V1_CancelOrdersRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_CancelOrdersResponse> {
    ServerResponse(message: try await control.cancelOrders(request.message, caller: Caller(request.metadata)))
  }

  func cancelAllOrders(
    request: ServerRequest<Autoengine_V1_CancelAllOrdersRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_CancelOrdersResponse> {
    ServerResponse(message: try await control.cancelAllOrders(request.message, caller: Caller(request.metadata)))
  }

  func placeOrder(
    request: ServerRequest<Autoengine_V1_PlaceOrderRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_Order> {
    ServerResponse(message: try await control.placeOrder(request.message, caller: Caller(request.metadata)))
  }

  func listOrders(
    request: ServerRequest<Autoengine_V1_ListOrdersRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_ListOrdersResponse> {
    ServerResponse(message: try await control.listOrders(request.message, caller: Caller(request.metadata)))
  }

  func listPositions(
    request: ServerRequest<Autoengine_V1_ListPositionsRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_ListPositionsResponse> {
    ServerResponse(message: try await control.listPositions(request.message, caller: Caller(request.metadata)))
  }

  func listTrades(
    request: ServerRequest<Autoengine_V1_ListTradesRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_ListTradesResponse> {
    ServerResponse(message: try await control.listTrades(request.message, caller: Caller(request.metadata)))
  }

  /// Snapshot first (sequence 1), then one message per trade event or heartbeat, each numbered
  /// +1; ends when the client leaves (RPC cancellation) or the server stops (the engine ends
  /// every subscription).
  func watchTradeEvents(
    request: ServerRequest<Autoengine_V1_WatchTradeEventsRequest>, context: ServerContext
  ) async throws -> StreamingServerResponse<Autoengine_V1_TradeEvent> {
    let watch = try await control.watchTradeEvents(request.message, caller: Caller(request.metadata))
    return StreamingServerResponse { writer in
      defer { watch.cancel() }
      try await withRPCCancellationHandler {
        try await writer.write(watch.snapshot)
        for try await message in watch.messages { try await writer.write(message) }
      } onCancelRPC: {
        watch.cancel()
      }
      return [:]
    }
  }
}

extension Caller {
  /// The caller of a gRPC request: its `authorization` metadata.
  init(_ metadata: Metadata) {
    self.init(authorization: metadata[stringValues: "authorization"].first(where: { _ in true }))
  }
}
