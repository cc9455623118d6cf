import AutoEngineCore
import FoundationEssentials

extension MockEndpoint {
  /// `POST /api/v3/brokerage/orders`.
  public static let coinbaseCreateOrder = MockEndpoint("coinbase.orders.create")
  /// `POST /api/v3/brokerage/orders/batch_cancel`.
  public static let coinbaseBatchCancel = MockEndpoint("coinbase.orders.batch_cancel")
  /// `GET /api/v3/brokerage/orders/historical/batch`.
  public static let coinbaseListOrders = MockEndpoint("coinbase.orders.list")
  /// `GET /api/v3/brokerage/orders/historical/fills`.
  public static let coinbaseListFills = MockEndpoint("coinbase.orders.fills")
  /// `GET /api/v3/brokerage/orders/historical/{order_id}`.
  public static let coinbaseGetOrder = MockEndpoint("coinbase.orders.get")
  /// `GET /api/v3/brokerage/accounts`.
  public static let coinbaseAccounts = MockEndpoint("coinbase.accounts")
}

extension MockRoute {
  /// Coinbase Advanced Trade order and account endpoints over `state.coinbaseOrders`, every one
  /// checked by `MockJWTVerifier` (401 otherwise). A new order is checked against the product's
  /// increments (`INVALID_SIZE_PRECISION`, `INVALID_PRICE_PRECISION`), sizes and the balance
  /// (`INSUFFICIENT_FUND`), answered `{"success":false,…}`; a `client_order_id` already used
  /// answers the existing order instead of placing another, as Coinbase does.
  public static let coinbaseOrders: [MockRoute] = [
    MockRoute(.coinbaseCreateOrder, method: "POST", path: "/api/v3/brokerage/orders", family: .coinbase) {
      request, state in
      authenticated(request, state) { CoinbaseMockOrders.create(request, state) }
    },
    MockRoute(
      .coinbaseBatchCancel, method: "POST", path: "/api/v3/brokerage/orders/batch_cancel", family: .coinbase
    ) { request, state in
      authenticated(request, state) { CoinbaseMockOrders.batchCancel(request, state) }
    },
    MockRoute(.coinbaseListOrders, path: "/api/v3/brokerage/orders/historical/batch", family: .coinbase) {
      request, state in
      authenticated(request, state) { CoinbaseMockOrders.list(request, state) }
    },
    MockRoute(.coinbaseListFills, path: "/api/v3/brokerage/orders/historical/fills", family: .coinbase) {
      request, state in
      authenticated(request, state) { CoinbaseMockOrders.fills(request, state) }
    },
    MockRoute(.coinbaseGetOrder, path: "/api/v3/brokerage/orders/historical/{order_id}", family: .coinbase) {
      request, state in
      authenticated(request, state) {
        state.matchOpenOrders(on: .coinbase)
        guard let order = state.coinbaseOrders.order(id: request.pathParameters["order_id"] ?? "") else {
          return .json(
            MockJSON.object([
              ("error", MockJSON.string("NOT_FOUND")),
              ("error_details", MockJSON.string("order with this orderID was not found")),
              ("message", MockJSON.string("order with this orderID was not found")),
            ]), status: 404)
        }
        return .json(MockJSON.object([("order", CoinbaseMockOrderFormat.order(order))]))
      }
    },
    MockRoute(.coinbaseAccounts, path: "/api/v3/brokerage/accounts", family: .coinbase) { request, state in
      authenticated(request, state) {
        state.matchOpenOrders(on: .coinbase)
        let balances = state.coinbaseOrders.balances
        let (page, next) = CoinbaseMockOrders.page(balances, request, defaultLimit: 49)
        return .json(
          MockJSON.object([
            ("accounts", MockJSON.array(page.map(CoinbaseMockOrderFormat.account))),
            ("has_next", MockJSON.bool(next != nil)), ("cursor", MockJSON.string(next ?? "")),
            ("size", String(page.count)),
          ]))
      }
    },
  ]

  private static func authenticated(
    _ request: MockRequest, _ state: MockExchangeState, _ body: () -> MockResponse
  ) -> MockResponse {
    if let problem = MockJWTVerifier.problem(with: request, state) {
      return CoinbaseMockOrderFormat.unauthenticated(problem)
    }
    return body()
  }
}

/// The order logic of the Coinbase mock routes.
enum CoinbaseMockOrders {
  /// A refused order's answer.
  struct Refusal: Error {
    var response: MockResponse
  }

  private struct CreateBody: Decodable {
    struct Configuration: Decodable {
      var market: Market?
      var limit: Limit?

      private enum CodingKeys: String, CodingKey { case market = "market_market_ioc", limit = "limit_limit_gtc" }
    }

    struct Market: Decodable {
      var quoteSize: String?
      var baseSize: String?

      private enum CodingKeys: String, CodingKey { case quoteSize = "quote_size", baseSize = "base_size" }
    }

    struct Limit: Decodable {
      var baseSize: String
      var limitPrice: String
      var postOnly: Bool?

      private enum CodingKeys: String, CodingKey {
        case baseSize = "base_size", limitPrice = "limit_price", postOnly = "post_only"
      }
    }

    var clientOrderId: String
    var productId: String
    var side: String
    var configuration: Configuration

    private enum CodingKeys: String, CodingKey {
      case clientOrderId = "client_order_id", productId = "product_id", side, configuration = "order_configuration"
    }
  }

  private struct CancelBody: Decodable {
    var orderIds: [String]

    private enum CodingKeys: String, CodingKey { case orderIds = "order_ids" }
  }

  static func create(_ request: MockRequest, _ state: MockExchangeState) -> MockResponse {
    guard let body = try? JSONDecoder().decode(CreateBody.self, from: Data(request.body)),
      let side = OrderSide(rawValue: body.side), !body.clientOrderId.isEmpty
    else {
      return CoinbaseMockFormat.invalidArgument(
        "client_order_id, product_id, side and order_configuration are required")
    }
    let book = state.coinbaseOrders
    if let existing = book.order(clientOrderId: body.clientOrderId) {
      return CoinbaseMockOrderFormat.createSuccess(existing)
    }
    guard let market = state.market(body.productId, on: .coinbase) else {
      return CoinbaseMockOrderFormat.createFailure(
        error: "INVALID_PRODUCT_ID", message: "Invalid product_id", reason: "INVALID_PRODUCT_ID")
    }
    let ticket: MockOrderTicket
    switch self.ticket(body, side: side, market: market) {
    case .failure(let refusal): return refusal.response
    case .success(let value): ticket = value
    }
    state.matchOpenOrders(on: .coinbase)
    switch book.place(ticket, on: market, now: state.now()) {
    case .success(let order):
      return CoinbaseMockOrderFormat.createSuccess(order)
    case .failure(.zeroQuantity):
      return CoinbaseMockOrderFormat.createFailure(
        error: "INVALID_SIZE_PRECISION", message: "size rounds to zero", reason: "INVALID_SIZE_PRECISION")
    case .failure:
      return CoinbaseMockOrderFormat.createFailure(
        error: "INSUFFICIENT_FUND", message: "Insufficient balance in source account", reason: "INSUFFICIENT_FUND")
    }
  }

  /// The ticket of a create body, checked against the product's increments and sizes.
  private static func ticket(_ body: CreateBody, side: OrderSide, market: MockMarket) -> Result<
    MockOrderTicket, Refusal
  > {
    let rules = market.rules
    func failure(_ reason: String, _ message: String, preview: String? = nil) -> Result<MockOrderTicket, Refusal> {
      .failure(
        Refusal(
          response: CoinbaseMockOrderFormat.createFailure(
            error: reason, message: message, reason: reason, preview: preview)))
    }
    func number(_ text: String?) -> Decimal? { BinanceMockFormat.parameterDecimal(text).flatMap { $0 > 0 ? $0 : nil } }
    var ticket = MockOrderTicket(clientOrderId: body.clientOrderId, side: side, type: .market)
    if let limit = body.configuration.limit {
      guard let size = number(limit.baseSize), let price = number(limit.limitPrice) else {
        return failure("INVALID_ARGUMENT", "base_size and limit_price must be positive numbers")
      }
      guard MockTradingRules.isOnGrid(price, step: rules.priceTick) else {
        return failure("INVALID_PRICE_PRECISION", "limit_price has too many decimals")
      }
      ticket.type = .limit
      ticket.quantity = size
      ticket.limitPrice = price
    } else if let marketOrder = body.configuration.market {
      if let quote = number(marketOrder.quoteSize) {
        guard MockTradingRules.isOnGrid(quote, step: rules.priceTick) else {
          return failure("INVALID_SIZE_PRECISION", "quote_size has too many decimals")
        }
        ticket.quoteQuantity = quote
      } else if let size = number(marketOrder.baseSize) {
        ticket.quantity = size
      } else {
        return failure("INVALID_ARGUMENT", "market_market_ioc needs quote_size or base_size")
      }
    } else {
      return failure("UNSUPPORTED_ORDER_CONFIGURATION", "only market_market_ioc and limit_limit_gtc are served")
    }
    if let size = ticket.quantity {
      guard MockTradingRules.isOnGrid(size, step: rules.quantityStep) else {
        return failure("INVALID_SIZE_PRECISION", "base_size has too many decimals")
      }
      if rules.minQuantity > 0, size < rules.minQuantity {
        return failure(
          "INVALID_ARGUMENT", "base_size is below base_min_size", preview: "PREVIEW_INVALID_BASE_SIZE_TOO_SMALL")
      }
      if rules.maxQuantity > 0, size > rules.maxQuantity {
        return failure(
          "INVALID_ARGUMENT", "base_size is above base_max_size", preview: "PREVIEW_INVALID_BASE_SIZE_TOO_LARGE")
      }
    }
    let value = ticket.quoteQuantity ?? (ticket.quantity ?? 0) * (ticket.limitPrice ?? market.price)
    if rules.minNotional > 0, value < rules.minNotional {
      return failure(
        "INVALID_ARGUMENT", "order value is below quote_min_size", preview: "PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL")
    }
    if rules.maxNotional > 0, value > rules.maxNotional {
      return failure(
        "INVALID_ARGUMENT", "order value is above quote_max_size", preview: "PREVIEW_INVALID_QUOTE_SIZE_TOO_LARGE")
    }
    return .success(ticket)
  }

  static func batchCancel(_ request: MockRequest, _ state: MockExchangeState) -> MockResponse {
    guard let body = try? JSONDecoder().decode(CancelBody.self, from: Data(request.body)) else {
      return CoinbaseMockFormat.invalidArgument("order_ids is required")
    }
    state.matchOpenOrders(on: .coinbase)
    let now = state.now()
    let results = body.orderIds.map { id in
      let cancelled = state.coinbaseOrders.cancel(at: now) { $0.orderId == id }
      let success: Bool
      if case .success = cancelled { success = true } else { success = false }
      return MockJSON.object([
        ("success", MockJSON.bool(success)),
        ("failure_reason", MockJSON.string(success ? "UNKNOWN_CANCEL_FAILURE_REASON" : "UNKNOWN_CANCEL_ORDER")),
        ("order_id", MockJSON.string(id)),
      ])
    }
    return .json(MockJSON.object([("results", MockJSON.array(results))]))
  }

  static func list(_ request: MockRequest, _ state: MockExchangeState) -> MockResponse {
    state.matchOpenOrders(on: .coinbase)
    let products = Set(request.queryValues("product_ids"))
    let statuses = Set(request.queryValues("order_status"))
    let orders = state.coinbaseOrders.orders.reversed().filter { order in
      (products.isEmpty || products.contains(order.symbol))
        && (statuses.isEmpty || statuses.contains(CoinbaseMockOrderFormat.status(order)))
    }
    let (page, next) = Self.page(Array(orders), request, defaultLimit: 100)
    return .json(
      MockJSON.object([
        ("orders", MockJSON.array(page.map(CoinbaseMockOrderFormat.order))), ("sequence", MockJSON.string("0")),
        ("has_next", MockJSON.bool(next != nil)), ("cursor", MockJSON.string(next ?? "")),
      ]))
  }

  static func fills(_ request: MockRequest, _ state: MockExchangeState) -> MockResponse {
    state.matchOpenOrders(on: .coinbase)
    let ids = Set(request.queryValues("order_ids"))
    let products = Set(request.queryValues("product_ids"))
    let fills = state.coinbaseOrders.orders.filter { order in
      (ids.isEmpty || ids.contains(order.orderId)) && (products.isEmpty || products.contains(order.symbol))
    }.flatMap { order in order.fills.map { (fill: $0, order: order) } }.sorted { $0.fill.tradeId > $1.fill.tradeId }
    let (page, next) = Self.page(fills, request, defaultLimit: 100)
    return .json(
      MockJSON.object([
        ("fills", MockJSON.array(page.map { CoinbaseMockOrderFormat.fill($0.fill, of: $0.order) })),
        ("cursor", MockJSON.string(next ?? "")),
      ]))
  }

  /// The page of `items` that `limit` and `cursor` (an offset) select, and the next cursor.
  static func page<Item>(_ items: [Item], _ request: MockRequest, defaultLimit: Int) -> ([Item], String?) {
    let limit = max(1, request.queryValue("limit").flatMap(Int.init) ?? defaultLimit)
    let start = min(items.count, max(0, request.queryValue("cursor").flatMap(Int.init) ?? 0))
    let end = min(items.count, start + limit)
    return (Array(items[start..<end]), end < items.count ? String(end) : nil)
  }
}
