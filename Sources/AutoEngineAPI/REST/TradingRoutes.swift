import AutoEngineCore
import AutoEngineRuntime
import Hummingbird
import NIOCore
import SwiftProtobuf

/// The `/api/trading` routes of the REST bridge: each a one-line call into the server's
/// `EngineControl` (the local engine, or on an API replica the engine it forwards to), reading
/// and answering the proto3 JSON of `TradingService`'s messages.
///
/// POST routes change state and need the bearer token (`BearerTokenMiddleware`); GET routes are
/// reads. Their bodies are ignored except for `POST /api/trading/order` (`PlaceOrderBody`).
enum TradingRoutes {
  /// Most bytes of a request body (an order is a few hundred).
  static let maxBodyBytes = 64 * 1024

  /// The trading routes' entries of `RESTRouteTable`.
  static let table: [RESTRoute] = [
    RESTRoute(
      method: .get, path: "/api/trading", operationID: "getTradingInfo", tag: "trading",
      summary: "Mode, statistics, positions, open orders, balances and risk rules (GetTradingInfo)",
      answer: .message("autoengine.v1.TradingInfo"), errors: [.fixConfiguration, .unavailable], access: .read),
    RESTRoute(
      method: .post, path: "/api/trading/start", operationID: "startAutobuy", tag: "trading",
      summary: "Turn autobuy on (StartAutobuy)", answer: .message("autoengine.v1.AutobuyStateResponse"),
      errors: [.fixConfiguration, .unavailable], access: .changesState),
    RESTRoute(
      method: .post, path: "/api/trading/stop", operationID: "stopAutobuy", tag: "trading",
      summary: "Turn autobuy off; open positions keep their exits (StopAutobuy)",
      answer: .message("autoengine.v1.AutobuyStateResponse"), errors: [.fixConfiguration, .unavailable],
      access: .changesState),
    RESTRoute(
      method: .post, path: "/api/trading/cancel/{symbol}", operationID: "cancelOrders", tag: "trading",
      summary: "Cancel the open orders of one coin (CancelOrders)", parameters: [.symbol],
      answer: .message("autoengine.v1.CancelOrdersResponse"),
      errors: [.notFound, .fixConfiguration, .unavailable, .retryLater], access: .changesState),
    RESTRoute(
      method: .post, path: "/api/trading/cancel-all", operationID: "cancelAllOrders", tag: "trading",
      summary: "Cancel every open order (CancelAllOrders)", answer: .message("autoengine.v1.CancelOrdersResponse"),
      errors: [.fixConfiguration, .unavailable, .retryLater], access: .changesState),
    RESTRoute(
      method: .post, path: "/api/trading/order", operationID: "placeOrder", tag: "trading",
      summary: "Place a manual order (PlaceOrder)",
      description: """
        `side` and `type` may also be written short (`BUY`, `sell`, `LIMIT`); amounts and prices are \
        decimal strings; give `quoteAmount` or `baseAmount`. An unknown field is refused with 400 \
        naming it. A repeated `clientOrderId` returns the order placed first.
        """,
      requestBody: "autoengine.v1.PlaceOrderRequest", answer: .message("autoengine.v1.Order"),
      errors: [
        .invalidArgument, .notFound, .conflict, .insufficientFunds, .fixConfiguration, .unavailable, .retryLater,
      ],
      access: .changesState),
    RESTRoute(
      method: .get, path: "/api/trading/orders", operationID: "listOrders", tag: "trading",
      summary: "Orders, newest first, a page at a time (ListOrders)",
      parameters: [
        .oneSymbol,
        .init(
          name: "status", description: "Only orders in these states, comma-separated (`open,partially_filled`).",
          example: "open"),
        .flag("openOnly", "Only orders that are not final."), .limit, .pageToken,
      ],
      answer: .message("autoengine.v1.ListOrdersResponse"),
      errors: [.invalidArgument, .notFound, .fixConfiguration, .unavailable],
      access: .read),
    RESTRoute(
      method: .get, path: "/api/trading/positions", operationID: "listPositions", tag: "trading",
      summary: "Open positions with P&L and exit prices (ListPositions)",
      parameters: [.oneSymbol, .flag("includeClosed", "Closed positions too.")],
      answer: .message("autoengine.v1.ListPositionsResponse"), errors: [.notFound, .fixConfiguration, .unavailable],
      access: .read),
    RESTRoute(
      method: .get, path: "/api/trading/trades", operationID: "listTrades", tag: "trading",
      summary: "Trade decisions (executed, refused, failed), newest first (ListTrades)",
      parameters: [
        .oneSymbol,
        .init(
          name: "outcome", description: "Only decisions of this outcome (`executed`, `refused`, `failed`).",
          example: "executed"),
        .init(
          name: "since", description: "Only decisions at or after this time: RFC 3339 or Unix seconds.",
          example: "2025-01-13T22:26:51Z"),
        .limit, .pageToken,
      ],
      answer: .message("autoengine.v1.ListTradesResponse"),
      errors: [.invalidArgument, .notFound, .fixConfiguration, .unavailable],
      access: .read),
    RESTRoute(
      method: .get, path: "/api/trading/events", operationID: "watchTradeEvents", tag: "trading",
      summary: "Orders, fills, decisions, positions as Server-Sent Events (WatchTradeEvents)",
      description: """
        The first event (`snapshot`) carries the open orders and positions; then one event per trade \
        event, named by its kind (`order`, `fill`, `decision`, `position`, `autobuy`); `: heartbeat` \
        comment lines keep idle connections alive. Each event's `data:` is one line of `TradeEvent` \
        JSON and its `id:` the per-stream sequence number.
        """,
      parameters: [.symbols, .flag("includeRefused", "Refused decisions too."), .heartbeat],
      answer: .eventStream("autoengine.v1.TradeEvent"),
      errors: [.invalidArgument, .notFound, .fixConfiguration, .unavailable],
      access: .read),
  ]

  /// Adds the trading routes to `router`, each a one-line call into `control`.
  static func add(to router: Router<BasicRequestContext>, control: any EngineControl) {
    router.get("/api/trading") { request, _ in
      ProtoJSON(message: try await control.tradingInfo(.init(), caller: Caller(request)))
    }
    router.post("/api/trading/start") { request, _ in
      ProtoJSON(message: try await control.startAutobuy(.init(), caller: Caller(request)))
    }
    router.post("/api/trading/stop") { request, _ in
      ProtoJSON(message: try await control.stopAutobuy(.init(), caller: Caller(request)))
    }
    router.post("/api/trading/cancel/{symbol}") { request, context in
      let symbol = try context.parameters.require("symbol")
      return ProtoJSON(message: try await control.cancelOrders(.with { $0.symbol = symbol }, caller: Caller(request)))
    }
    router.post("/api/trading/cancel-all") { request, _ in
      ProtoJSON(message: try await control.cancelAllOrders(.init(), caller: Caller(request)))
    }
    router.post("/api/trading/order") { request, _ in
      var request = request
      let body = try PlaceOrderBody.decode(try await request.collectBody(upTo: maxBodyBytes))
      return ProtoJSON(message: try await control.placeOrder(body, caller: Caller(request)))
    }
    router.get("/api/trading/orders") { request, _ in
      ProtoJSON(message: try await control.listOrders(try request.listOrdersRequest(), caller: Caller(request)))
    }
    router.get("/api/trading/positions") { request, _ in
      ProtoJSON(message: try await control.listPositions(request.listPositionsRequest(), caller: Caller(request)))
    }
    router.get("/api/trading/trades") { request, _ in
      ProtoJSON(message: try await control.listTrades(try request.listTradesRequest(), caller: Caller(request)))
    }
    router.get("/api/trading/events") { request, _ in
      try await TradeEventStream.response(for: request, control: control)
    }
  }
}
