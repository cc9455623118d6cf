import AutoEngineCore
import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf

/// `autoengine.v1.TradingService` over gRPC: each RPC is a one-line call into the `Engine` facade
/// plus the message mapping.
///
/// StartAutobuy, StopAutobuy, CancelOrders, CancelAllOrders and PlaceOrder change state:
/// `BearerTokenInterceptor` lets them through only with the API token. An engine without a
/// trading desk answers FAILED_PRECONDITION ("trading is not enabled on this server").
struct TradingGRPCService: Autoengine_V1_TradingService.SimpleServiceProtocol {
  let engine: Engine
  var clock: any WallClock { engine.clock }
  /// Heartbeat interval of WatchTradeEvents when the request gives none, seconds.
  var defaultHeartbeat: Double = 15

  func getTradingInfo(
    request: Autoengine_V1_GetTradingInfoRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_TradingInfo {
    Autoengine_V1_TradingInfo(try await engine.tradingInfo())
  }

  func startAutobuy(
    request: Autoengine_V1_StartAutobuyRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    Autoengine_V1_AutobuyStateResponse(try await engine.startAutobuy())
  }

  func stopAutobuy(
    request: Autoengine_V1_StopAutobuyRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    Autoengine_V1_AutobuyStateResponse(try await engine.stopAutobuy())
  }

  func cancelOrders(
    request: Autoengine_V1_CancelOrdersRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    Autoengine_V1_CancelOrdersResponse(try await engine.cancelOrders(symbol: request.symbol))
  }

  func cancelAllOrders(
    request: Autoengine_V1_CancelAllOrdersRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    Autoengine_V1_CancelOrdersResponse(try await engine.cancelAllOrders())
  }

  func placeOrder(
    request: Autoengine_V1_PlaceOrderRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_Order {
    Autoengine_V1_Order(try await engine.placeOrder(try ManualOrder(request)))
  }

  func listOrders(
    request: Autoengine_V1_ListOrdersRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListOrdersResponse {
    Autoengine_V1_ListOrdersResponse(try await engine.orders(try OrderQuery(request)))
  }

  func listPositions(
    request: Autoengine_V1_ListPositionsRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListPositionsResponse {
    Autoengine_V1_ListPositionsResponse(
      try await engine.positions(
        symbol: request.symbol.isEmpty ? nil : request.symbol, includeClosed: request.includeClosed))
  }

  func listTrades(
    request: Autoengine_V1_ListTradesRequest,
    context: ServerContext
  ) async throws -> Autoengine_V1_ListTradesResponse {
    Autoengine_V1_ListTradesResponse(try await engine.tradeDecisions(try DecisionQuery(request)))
  }

  /// Snapshot first (sequence 1), then one message per trade event and a heartbeat after
  /// `heartbeat_seconds` without one (0: 15 s), each numbered +1; ends when the client leaves
  /// (RPC cancellation) or the server stops (the engine ends every subscription).
  func watchTradeEvents(
    request: Autoengine_V1_WatchTradeEventsRequest,
    response: RPCWriter<Autoengine_V1_TradeEvent>,
    context: ServerContext
  ) async throws {
    let filter = try TradeEventHub.Filter(request, catalogue: engine.catalogue)
    let heartbeat = request.heartbeatSeconds > 0 ? Double(request.heartbeatSeconds) : defaultHeartbeat
    let (id, snapshot, events) = try await engine.watchTradeEvents(filter)
    let engine = self.engine
    let clock = self.clock
    defer { engine.unwatchTradeEvents(id) }
    try await withRPCCancellationHandler {
      try await response.write(Autoengine_V1_TradeEvent(snapshot: snapshot, now: clock.now()))
      var sequence: UInt64 = 1
      let deliveries = HeartbeatStream.merge(events, heartbeatAfter: .milliseconds(Int64(heartbeat * 1000)))
      for await delivery in deliveries {
        sequence += 1
        switch delivery {
        case .element(let event):
          try await response.write(Autoengine_V1_TradeEvent(sequence: sequence, event: event, now: clock.now()))
        case .heartbeat:
          try await response.write(Autoengine_V1_TradeEvent(heartbeatAt: clock.now(), sequence: sequence))
        }
      }
    } onCancelRPC: {
      engine.unwatchTradeEvents(id)
    }
  }
}
