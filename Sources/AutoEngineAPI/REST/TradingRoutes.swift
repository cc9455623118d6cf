import AutoEngineCore
import AutoEngineRuntime
import Hummingbird
import NIOCore

/// The `/api/trading` routes of the REST bridge: each a one-line call into the `Engine` facade,
/// reading and answering the proto3 JSON of `TradingService`'s messages.
///
/// POST routes change state and need the bearer token (`BearerTokenMiddleware`); GET routes are
/// reads. Their bodies are ignored except for `POST /api/trading/order` (`PlaceOrderBody`).
enum TradingRoutes {
  /// Most bytes of a request body (an order is a few hundred).
  static let maxBodyBytes = 64 * 1024

  /// Every trading route, for documentation, tests and the 405 answers.
  static let routes: [(HTTPRequest.Method, String)] = [
    (.get, "/api/trading"), (.post, "/api/trading/start"), (.post, "/api/trading/stop"),
    (.post, "/api/trading/cancel/{symbol}"), (.post, "/api/trading/cancel-all"), (.post, "/api/trading/order"),
    (.get, "/api/trading/orders"), (.get, "/api/trading/positions"), (.get, "/api/trading/trades"),
    (.get, "/api/trading/events"),
  ]

  /// Adds the trading routes to `router`.
  static func add(to router: Router<BasicRequestContext>, engine: Engine) {
    router.get("/api/trading") { _, _ in
      ProtoJSON(message: Autoengine_V1_TradingInfo(try await engine.tradingInfo()))
    }
    router.post("/api/trading/start") { _, _ in
      ProtoJSON(message: Autoengine_V1_AutobuyStateResponse(try await engine.startAutobuy()))
    }
    router.post("/api/trading/stop") { _, _ in
      ProtoJSON(message: Autoengine_V1_AutobuyStateResponse(try await engine.stopAutobuy()))
    }
    router.post("/api/trading/cancel/{symbol}") { _, context in
      ProtoJSON(
        message: Autoengine_V1_CancelOrdersResponse(
          try await engine.cancelOrders(symbol: try context.parameters.require("symbol"))))
    }
    router.post("/api/trading/cancel-all") { _, _ in
      ProtoJSON(message: Autoengine_V1_CancelOrdersResponse(try await engine.cancelAllOrders()))
    }
    router.post("/api/trading/order") { request, _ in
      var request = request
      let body = try PlaceOrderBody.decode(try await request.collectBody(upTo: maxBodyBytes))
      return ProtoJSON(message: Autoengine_V1_Order(try await engine.placeOrder(try ManualOrder(body))))
    }
    router.get("/api/trading/orders") { request, _ in
      ProtoJSON(
        message: Autoengine_V1_ListOrdersResponse(try await engine.orders(try OrderQuery(request.listOrdersRequest()))))
    }
    router.get("/api/trading/positions") { request, _ in
      let query = request.listPositionsRequest()
      return ProtoJSON(
        message: Autoengine_V1_ListPositionsResponse(
          try await engine.positions(
            symbol: query.symbol.isEmpty ? nil : query.symbol, includeClosed: query.includeClosed)))
    }
    router.get("/api/trading/trades") { request, _ in
      ProtoJSON(
        message: Autoengine_V1_ListTradesResponse(
          try await engine.tradeDecisions(try DecisionQuery(request.listTradesRequest()))))
    }
    router.get("/api/trading/events") { request, _ in
      try await TradeEventStream.response(for: request, engine: engine)
    }
  }
}
