import GRPCCore
import GRPCNIOTransportHTTP2

/// `autoengine.v1.TradingService` on an API replica: every RPC forwarded to the engine, which
/// owns the one trading desk (see `EngineUpstream`). Streams are relayed message by message.
struct ForwardingTradingService: Autoengine_V1_TradingService.ServiceProtocol {
  let upstream: EngineUpstream
  private var engine: Autoengine_V1_TradingService.Client<HTTP2ClientTransport.Posix> {
    Autoengine_V1_TradingService.Client(wrapping: upstream.client)
  }

  func getTradingInfo(
    request: ServerRequest<Autoengine_V1_GetTradingInfoRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_TradingInfo> {
    try await upstream.unary(request) { try await engine.getTradingInfo(request: $0) { $0 } }
  }

  func startAutobuy(
    request: ServerRequest<Autoengine_V1_StartAutobuyRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_AutobuyStateResponse> {
    try await upstream.unary(request) { try await engine.startAutobuy(request: $0) { $0 } }
  }

  func stopAutobuy(
    request: ServerRequest<Autoengine_V1_StopAutobuyRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_AutobuyStateResponse> {
    try await upstream.unary(request) { try await engine.stopAutobuy(request: $0) { $0 } }
  }

  func cancelOrders(
    request: ServerRequest<Autoengine_V1_CancelOrdersRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_CancelOrdersResponse> {
    try await upstream.unary(request) { try await engine.cancelOrders(request: $0) { $0 } }
  }

  func cancelAllOrders(
    request: ServerRequest<Autoengine_V1_CancelAllOrdersRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_CancelOrdersResponse> {
    try await upstream.unary(request) { try await engine.cancelAllOrders(request: $0) { $0 } }
  }

  func placeOrder(
    request: ServerRequest<Autoengine_V1_PlaceOrderRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_Order> {
    try await upstream.unary(request) { try await engine.placeOrder(request: $0) { $0 } }
  }

  func listOrders(
    request: ServerRequest<Autoengine_V1_ListOrdersRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_ListOrdersResponse> {
    try await upstream.unary(request) { try await engine.listOrders(request: $0) { $0 } }
  }

  func listPositions(
    request: ServerRequest<Autoengine_V1_ListPositionsRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_ListPositionsResponse> {
    try await upstream.unary(request) { try await engine.listPositions(request: $0) { $0 } }
  }

  func listTrades(
    request: ServerRequest<Autoengine_V1_ListTradesRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_ListTradesResponse> {
    try await upstream.unary(request) { try await engine.listTrades(request: $0) { $0 } }
  }

  func watchTradeEvents(
    request: ServerRequest<Autoengine_V1_WatchTradeEventsRequest>, context: ServerContext
  ) async throws -> StreamingServerResponse<Autoengine_V1_TradeEvent> {
    let forwarded = ClientRequest(message: request.message, metadata: EngineUpstream.forwarded(request.metadata))
    let engine = self.engine
    return StreamingServerResponse { writer in
      do {
        try await engine.watchTradeEvents(request: forwarded) { response in
          for try await message in response.messages { try await writer.write(message) }
        }
      } catch let error as RPCError {
        throw EngineUpstream.relayed(error)
      }
      return [:]
    }
  }
}

/// `autoengine.v1.SystemService` on an API replica: status and health are this replica's own
/// (with its `redis` component); StartSystem and StopSystem are forwarded to the engine, whose
/// fetchers and strategies they switch.
struct ForwardingSystemService: Autoengine_V1_SystemService.ServiceProtocol {
  let local: SystemGRPCService
  let upstream: EngineUpstream
  private var engine: Autoengine_V1_SystemService.Client<HTTP2ClientTransport.Posix> {
    Autoengine_V1_SystemService.Client(wrapping: upstream.client)
  }

  func getStatus(
    request: ServerRequest<Autoengine_V1_GetStatusRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_SystemStatus> {
    ServerResponse(message: try await local.getStatus(request: request.message, context: context))
  }

  func startSystem(
    request: ServerRequest<Autoengine_V1_StartSystemRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_SystemStateResponse> {
    try await upstream.unary(request) { try await engine.startSystem(request: $0) { $0 } }
  }

  func stopSystem(
    request: ServerRequest<Autoengine_V1_StopSystemRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_SystemStateResponse> {
    try await upstream.unary(request) { try await engine.stopSystem(request: $0) { $0 } }
  }

  func getHealth(
    request: ServerRequest<Autoengine_V1_GetHealthRequest>, context: ServerContext
  ) async throws -> ServerResponse<Autoengine_V1_HealthReport> {
    ServerResponse(message: try await local.getHealth(request: request.message, context: context))
  }
}
