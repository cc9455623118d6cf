import AutoEngineCore
import FoundationEssentials

extension MockEndpoint {
  /// `GET /api/v3/time`.
  public static let binanceTime = MockEndpoint("binanceus.time")
  /// `POST /api/v3/order`.
  public static let binanceNewOrder = MockEndpoint("binanceus.order.new")
  /// `DELETE /api/v3/order`.
  public static let binanceCancelOrder = MockEndpoint("binanceus.order.cancel")
  /// `GET /api/v3/order`.
  public static let binanceQueryOrder = MockEndpoint("binanceus.order.query")
  /// `GET /api/v3/openOrders`.
  public static let binanceOpenOrders = MockEndpoint("binanceus.openOrders")
  /// `GET /api/v3/account`.
  public static let binanceAccount = MockEndpoint("binanceus.account")
  /// `GET /api/v3/myTrades`.
  public static let binanceMyTrades = MockEndpoint("binanceus.myTrades")
}

extension MockRoute {
  /// Binance.US signed order and account endpoints over `state.binanceUSOrders`, every one
  /// checked by `BinanceMockAuthentication` (key, HMAC signature, timestamp within recvWindow),
  /// with the documented weights. New orders are checked against the market's `LOT_SIZE`,
  /// `PRICE_FILTER` and `NOTIONAL` rules (`-1013 Filter failure: NAME`) and the balance
  /// (`-2010`); a `newClientOrderId` already used by an open order is `-2010 Duplicate order sent.`
  public static let binanceUSOrders: [MockRoute] = [
    MockRoute(.binanceTime, path: "/api/v3/time", family: .binanceUS, weight: { _ in 1 }) { _, state in
      .json(MockJSON.object([("serverTime", String(BinanceMockFormat.millis(state.now())))]))
    },
    MockRoute(.binanceNewOrder, method: "POST", path: "/api/v3/order", family: .binanceUS, weight: { _ in 1 }) {
      request, state in
      signed(request, state) { BinanceMockOrders.newOrder($0, state) }
    },
    MockRoute(.binanceCancelOrder, method: "DELETE", path: "/api/v3/order", family: .binanceUS, weight: { _ in 1 }) {
      request, state in
      signed(request, state) { parameters in
        BinanceMockOrders.withOrder(parameters, state) { book, symbol in
          let now = state.now()
          let cancelled = book.cancel(at: now) { BinanceMockOrders.matches($0, symbol: symbol, parameters) }
          guard case .success(let order) = cancelled else {
            return BinanceMockFormat.error(-2011, "Unknown order sent.")
          }
          return .json(BinanceMockOrderFormat.cancel(order, at: now))
        }
      }
    },
    MockRoute(.binanceQueryOrder, path: "/api/v3/order", family: .binanceUS, weight: { _ in 2 }) { request, state in
      signed(request, state) { parameters in
        BinanceMockOrders.withOrder(parameters, state) { book, symbol in
          guard let order = book.orders.last(where: { BinanceMockOrders.matches($0, symbol: symbol, parameters) })
          else { return BinanceMockFormat.error(-2013, "Order does not exist.") }
          return .json(BinanceMockOrderFormat.query(order))
        }
      }
    },
    MockRoute(
      .binanceOpenOrders, path: "/api/v3/openOrders", family: .binanceUS,
      weight: { $0.queryValue("symbol") == nil ? 40 : 3 }
    ) { request, state in
      signed(request, state) { parameters in
        let symbol = parameters["symbol"]
        if let symbol, state.market(symbol, on: .binanceUS) == nil { return BinanceMockFormat.invalidSymbol.response }
        state.matchOpenOrders(on: .binanceUS)
        let open = state.binanceUSOrders.orders.filter { !$0.status.isFinal && (symbol == nil || $0.symbol == symbol) }
        return .json(MockJSON.array(open.map(BinanceMockOrderFormat.query)))
      }
    },
    MockRoute(.binanceAccount, path: "/api/v3/account", family: .binanceUS, weight: { _ in 10 }) { request, state in
      signed(request, state) { _ in
        state.matchOpenOrders(on: .binanceUS)
        return .json(BinanceMockOrderFormat.account(state.binanceUSOrders.balances, at: state.now()))
      }
    },
    MockRoute(.binanceMyTrades, path: "/api/v3/myTrades", family: .binanceUS, weight: { _ in 10 }) { request, state in
      signed(request, state) { parameters in
        guard let symbol = parameters["symbol"], !symbol.isEmpty else {
          return BinanceMockFormat.error(
            -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.")
        }
        guard state.market(symbol, on: .binanceUS) != nil else { return BinanceMockFormat.invalidSymbol.response }
        state.matchOpenOrders(on: .binanceUS)
        let orderNumber = parameters["orderId"].flatMap(Int64.init)
        let orders = state.binanceUSOrders.orders.filter {
          $0.symbol == symbol && (orderNumber == nil || $0.number == orderNumber)
        }
        let trades = orders.flatMap { order in order.fills.map { (fill: $0, order: order) } }
          .sorted { $0.fill.tradeId < $1.fill.tradeId }
        return .json(MockJSON.array(trades.map { BinanceMockOrderFormat.trade($0.fill, of: $0.order) }))
      }
    },
  ]

  /// The answer of `body` for a request that passes authentication, else the refusal.
  private static func signed(
    _ request: MockRequest, _ state: MockExchangeState,
    _ body: (BinanceMockAuthentication.Parameters) -> MockResponse
  ) -> MockResponse {
    switch BinanceMockAuthentication.verify(request, state) {
    case .failure(let refusal): refusal.response
    case .success(let parameters): body(parameters)
    }
  }
}

/// The order logic of the Binance.US mock routes.
enum BinanceMockOrders {
  /// Runs `body` with the book and the request's known symbol, else answers the refusal.
  static func withOrder(
    _ parameters: BinanceMockAuthentication.Parameters, _ state: MockExchangeState,
    _ body: (MockOrderBook, String) -> MockResponse
  ) -> MockResponse {
    guard let symbol = parameters["symbol"], !symbol.isEmpty else {
      return BinanceMockFormat.error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.")
    }
    guard state.market(symbol, on: .binanceUS) != nil else { return BinanceMockFormat.invalidSymbol.response }
    guard parameters["orderId"] != nil || parameters["origClientOrderId"] != nil else {
      return BinanceMockFormat.error(
        -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!")
    }
    state.matchOpenOrders(on: .binanceUS)
    return body(state.binanceUSOrders, symbol)
  }

  /// Whether `order` is the one named by `orderId` or `origClientOrderId`.
  static func matches(_ order: MockOrder, symbol: String, _ parameters: BinanceMockAuthentication.Parameters) -> Bool {
    guard order.symbol == symbol else { return false }
    if let number = parameters["orderId"].flatMap(Int64.init) { return order.number == number }
    return order.clientOrderId == parameters["origClientOrderId"]
  }

  static func newOrder(_ parameters: BinanceMockAuthentication.Parameters, _ state: MockExchangeState) -> MockResponse {
    func error(_ code: Int, _ message: String) -> MockResponse { BinanceMockFormat.error(code, message) }
    func mandatory(_ name: String) -> MockResponse {
      error(-1102, "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
    }
    guard let symbol = parameters["symbol"], !symbol.isEmpty else { return mandatory("symbol") }
    guard let market = state.market(symbol, on: .binanceUS) else { return BinanceMockFormat.invalidSymbol.response }
    guard let sideText = parameters["side"] else { return mandatory("side") }
    guard let side = OrderSide(rawValue: sideText) else { return error(-1117, "Invalid side.") }
    guard let typeText = parameters["type"] else { return mandatory("type") }
    guard let type = OrderType(rawValue: typeText) else { return error(-1116, "Invalid orderType.") }
    var decimals: [String: Decimal] = [:]
    for name in ["quantity", "quoteOrderQty", "price"] {
      guard let text = parameters[name] else { continue }
      guard let value = BinanceMockFormat.parameterDecimal(text), value > 0 else {
        return error(
          -1100, "Illegal characters found in parameter '\(name)'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.")
      }
      decimals[name] = value
    }
    let quantity = decimals["quantity"]
    let quote = decimals["quoteOrderQty"]
    let price = decimals["price"]
    switch type {
    case .limit:
      guard let timeInForce = parameters["timeInForce"] else { return mandatory("timeInForce") }
      guard timeInForce == "GTC" else { return error(-1115, "Invalid timeInForce.") }
      guard quantity != nil else { return mandatory("quantity") }
      guard price != nil else { return mandatory("price") }
      if quote != nil { return error(-1106, "Parameter 'quoteOrderQty' sent when not required.") }
    case .market:
      if price != nil { return error(-1106, "Parameter 'price' sent when not required.") }
      guard (quantity == nil) != (quote == nil) else {
        return error(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!")
      }
    }
    if let failure = filterFailure(market, quantity: quantity, quote: quote, price: price) {
      return error(-1013, "Filter failure: \(failure)")
    }
    if let quote, MockTradingRules.places(quote) > market.rules.quotePrecision {
      return error(-1111, "Precision is over the maximum defined for this asset.")
    }
    let book = state.binanceUSOrders
    state.matchOpenOrders(on: .binanceUS)
    let ticket = MockOrderTicket(
      clientOrderId: parameters["newClientOrderId"] ?? "mock-\(book.orderCount + 1)", side: side, type: type,
      quantity: quantity, quoteQuantity: quote, limitPrice: price)
    switch book.place(ticket, on: market, now: state.now()) {
    case .success(let order):
      return .json(BinanceMockOrderFormat.newOrder(order, respType: parameters["newOrderRespType"]))
    case .failure(.duplicateClientOrderId):
      return error(-2010, "Duplicate order sent.")
    case .failure(.zeroQuantity):
      return error(-1013, "Filter failure: LOT_SIZE")
    case .failure:
      return error(-2010, "Account has insufficient balance for requested action.")
    }
  }

  /// The name of the first filter the order breaks, or nil.
  static func filterFailure(_ market: MockMarket, quantity: Decimal?, quote: Decimal?, price: Decimal?) -> String? {
    let rules = market.rules
    if let quantity {
      if rules.minQuantity > 0, quantity < rules.minQuantity { return "LOT_SIZE" }
      if rules.maxQuantity > 0, quantity > rules.maxQuantity { return "LOT_SIZE" }
      if !MockTradingRules.isOnGrid(quantity, step: rules.quantityStep) { return "LOT_SIZE" }
    }
    if let price {
      if rules.minPrice > 0, price < rules.minPrice { return "PRICE_FILTER" }
      if rules.maxPrice > 0, price > rules.maxPrice { return "PRICE_FILTER" }
      if !MockTradingRules.isOnGrid(price, step: rules.priceTick, from: rules.minPrice) { return "PRICE_FILTER" }
    }
    let value = quote ?? (quantity ?? 0) * (price ?? market.price)
    if rules.minNotional > 0, value < rules.minNotional { return "NOTIONAL" }
    if rules.maxNotional > 0, value > rules.maxNotional { return "NOTIONAL" }
    return nil
  }
}
