public import AsyncHTTPClient
import AutoEngineCore
import FoundationEssentials
public import Logging
import NIOHTTP1

/// Coinbase Advanced Trade order and account requests, authenticated with a fresh ES256 JWT per
/// request (`CoinbaseJWT`; its `uri` claim names this client's host).
///
/// Orders are rounded to the product's increments (`base_increment`; `quote_increment` for quote
/// sizes and, unless the product lists `price_increment`, limit prices) and checked against
/// `base_min_size`/`base_max_size`/`quote_min_size`/`quote_max_size` before sending, read from
/// `GET /market/products/{id}` for each new order (so the notional check of a market order by
/// base size uses a fresh price). A violation throws `.ruleViolation` and sends nothing.
/// Requests spend from `budget` (30 requests per second for the private endpoints).
public struct CoinbaseOrderClient: Sendable {
  /// The production host.
  public static let defaultBaseURL = "https://api.coinbase.com"
  /// The path prefix of the Advanced Trade API.
  public static let apiPrefix = "/api/v3/brokerage"

  /// The request budget every call of this client spends from.
  public let budget: RequestBudget
  /// The host named in the JWT `uri` claim, e.g. `api.coinbase.com`.
  public let host: String
  /// Most pages of 100 orders `findOrder(clientOrderId:productId:)` reads (≥ 1).
  public let maxLookupPages: Int
  let jwt: CoinbaseJWT
  let transport: OrderTransport

  /// Creates a client of `baseURL` (scheme and host, e.g. a local mock's `http://127.0.0.1:PORT`).
  ///
  /// - Parameter budget: the limiter to spend from; by default a new one with
  ///   `RequestBudgetPolicy.coinbasePrivate`.
  public init(
    baseURL: String = CoinbaseOrderClient.defaultBaseURL, jwt: CoinbaseJWT,
    settings: HTTPRequestSettings = HTTPRequestSettings(), httpClient: HTTPClient = .shared,
    budget: RequestBudget? = nil, maxLookupPages: Int = 5,
    logger: Logger = Logger(label: "autoengine.exchanges.coinbase.orders")
  ) {
    let budget = budget ?? RequestBudget(service: Exchange.coinbase.displayName, policy: .coinbasePrivate)
    self.budget = budget
    self.jwt = jwt
    self.host = CoinbaseJWT.host(ofBaseURL: baseURL)
    self.maxLookupPages = max(1, maxLookupPages)
    self.transport = OrderTransport(
      service: Exchange.coinbase.displayName, baseURL: baseURL, http: httpClient, budget: budget,
      settings: settings, logger: logger)
  }

  // MARK: - Orders

  /// Places `placement` (`POST /orders`): `market_market_ioc` with `quote_size` (quote amount)
  /// or `base_size` (base amount); `limit_limit_gtc` with `base_size`, `limit_price` and
  /// `post_only: false`.
  ///
  /// - Returns: the acknowledgement with the exchange's order id (status and fills come from
  ///   `order(id:)` and `fills(orderId:)`).
  /// - Throws: `.ruleViolation` (nothing sent); `.notSent` when reading the product failed;
  ///   `.rejected` with the failure reason (`INSUFFICIENT_FUND` …) of `{"success":false,…}` or
  ///   of an error body; `.unknownOutcome` or `.malformed` when the order may exist — look it
  ///   up with `findOrder(clientOrderId:productId:)` before anything else.
  public func place(_ placement: OrderPlacement) async throws(OrderAPIError) -> CoinbaseOrderAcceptance {
    let endpoint = transport.endpoint(Self.apiPrefix + "/orders")
    if let problem = placement.problem {
      throw .ruleViolation(OrderRuleViolation(rule: "INVALID_ORDER", detail: problem))
    }
    let product: CoinbaseProductRulesAnswer
    do { product = try await self.product(placement.symbol) } catch { throw error.beforeSending(endpoint) }
    var checked = placement
    if checked.referencePrice == nil { checked.referencePrice = product.price }
    let prepared: PreparedOrder
    switch product.rules.prepare(checked) {
    case .success(let value): prepared = value
    case .failure(let violation): throw .ruleViolation(violation)
    }
    var configuration = CoinbaseCreateOrderBody.Configuration()
    if let price = prepared.price, let quantity = prepared.quantity {
      configuration.limit = .init(baseSize: "\(quantity)", limitPrice: "\(price)", postOnly: false)
    } else {
      configuration.market = .init(
        quoteSize: prepared.quoteAmount.map { "\($0)" }, baseSize: prepared.quantity.map { "\($0)" })
    }
    let body = CoinbaseCreateOrderBody(
      clientOrderId: placement.clientOrderId, productId: placement.symbol, side: placement.side.rawValue,
      configuration: configuration)
    let answer = try await authorized(.POST, path: endpoint.path, json: body)
    let created: CoinbaseCreateOrderAnswer
    do {
      created = try JSONDecoder().decode(CoinbaseCreateOrderAnswer.self, from: Data(answer.body))
    } catch {
      guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
      throw .malformed(endpoint, reason: (error as? DecodingError)?.summary ?? "\(error)")
    }
    guard created.success else {
      throw .rejected(endpoint, status: answer.status, code: created.failureCode, message: created.failureMessage)
    }
    guard let orderId = created.successResponse?.orderId ?? created.orderId, !orderId.isEmpty else {
      throw .malformed(endpoint, reason: "success without an order id")
    }
    return CoinbaseOrderAcceptance(
      orderId: orderId, clientOrderId: created.successResponse?.clientOrderId ?? placement.clientOrderId,
      productId: created.successResponse?.productId ?? placement.symbol)
  }

  /// Cancels orders by exchange id (`POST /orders/batch_cancel`): one result per id.
  public func cancel(orderIds: [String]) async throws(OrderAPIError) -> [CoinbaseCancelResult] {
    let endpoint = transport.endpoint(Self.apiPrefix + "/orders/batch_cancel")
    let answer = try await authorized(.POST, path: endpoint.path, json: CoinbaseBatchCancelBody(orderIds: orderIds))
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    return try decode(CoinbaseBatchCancelAnswer.self, from: answer.body, endpoint: endpoint).results
  }

  /// The order with exchange id `id` (`GET /orders/historical/{id}`), or nil when Coinbase
  /// answers 404.
  public func order(id: String) async throws(OrderAPIError) -> CoinbaseOrderRecord? {
    let endpoint = transport.endpoint(Self.apiPrefix + "/orders/historical/" + QueryString.encode(id))
    let answer = try await authorized(.GET, path: endpoint.path)
    if answer.status == 404 { return nil }
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    return try decode(CoinbaseOrderEnvelope.self, from: answer.body, endpoint: endpoint).order
  }

  /// One page of orders (`GET /orders/historical/batch`), newest first, of `productId` (all when
  /// nil) in `statuses` (all when empty).
  public func orders(productId: String?, statuses: [String] = [], limit: Int = 100, cursor: String? = nil)
    async throws(OrderAPIError) -> CoinbaseOrderPage
  {
    let endpoint = transport.endpoint(Self.apiPrefix + "/orders/historical/batch")
    var query = QueryString()
    if let productId { query.append("product_ids", productId) }
    for status in statuses { query.append("order_status", status) }
    query.append("limit", String(max(1, limit)))
    if let cursor, !cursor.isEmpty { query.append("cursor", cursor) }
    let answer = try await authorized(.GET, path: endpoint.path, query: query)
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    let page = try decode(CoinbaseOrdersAnswer.self, from: answer.body, endpoint: endpoint)
    let more = (page.hasNext ?? false) && !(page.cursor ?? "").isEmpty
    return CoinbaseOrderPage(orders: page.orders, nextCursor: more ? page.cursor : nil)
  }

  /// The order of `productId` with `clientOrderId`, found by listing the product's orders (newest
  /// first, at most `maxLookupPages` pages of 100) and matching `client_order_id`; nil when none
  /// matches. A server that filters the list itself is served the same way.
  public func findOrder(clientOrderId: String, productId: String) async throws(OrderAPIError) -> CoinbaseOrderRecord? {
    var cursor: String?
    for _ in 0..<maxLookupPages {
      let page = try await orders(productId: productId, cursor: cursor)
      if let match = page.orders.first(where: { $0.clientOrderId == clientOrderId }) { return match }
      guard let next = page.nextCursor else { return nil }
      cursor = next
    }
    return nil
  }

  /// Every fill of order `orderId` (`GET /orders/historical/fills?order_ids=`), oldest first.
  public func fills(orderId: String) async throws(OrderAPIError) -> [CoinbaseFill] {
    let endpoint = transport.endpoint(Self.apiPrefix + "/orders/historical/fills")
    var fills: [CoinbaseFill] = []
    var cursor: String?
    for _ in 0..<50 {
      var query = QueryString([("order_ids", orderId), ("limit", "100")])
      if let cursor { query.append("cursor", cursor) }
      let answer = try await authorized(.GET, path: endpoint.path, query: query)
      guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
      let page = try decode(CoinbaseFillsAnswer.self, from: answer.body, endpoint: endpoint)
      fills += page.fills
      guard let next = page.cursor, !next.isEmpty, !page.fills.isEmpty else { break }
      cursor = next
    }
    var seen: Set<String> = []
    return fills.filter { seen.insert($0.tradeId).inserted }.sorted {
      ($0.tradeTime?.seconds ?? 0, $0.tradeId) < ($1.tradeTime?.seconds ?? 0, $1.tradeId)
    }
  }

  /// Every account's balance (`GET /accounts`, 250 per page).
  public func accounts() async throws(OrderAPIError) -> [CoinbaseAccount] {
    let endpoint = transport.endpoint(Self.apiPrefix + "/accounts")
    var accounts: [CoinbaseAccount] = []
    var cursor: String?
    for _ in 0..<50 {
      var query = QueryString([("limit", "250")])
      if let cursor { query.append("cursor", cursor) }
      let answer = try await authorized(.GET, path: endpoint.path, query: query)
      guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
      let page = try decode(CoinbaseAccountsAnswer.self, from: answer.body, endpoint: endpoint)
      accounts += page.accounts
      guard page.hasNext == true, let next = page.cursor, !next.isEmpty else { break }
      cursor = next
    }
    return accounts
  }
}
