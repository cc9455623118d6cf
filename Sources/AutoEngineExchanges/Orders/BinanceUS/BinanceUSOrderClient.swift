public import AsyncHTTPClient
import AutoEngineCore
import FoundationEssentials
public import Logging
import NIOHTTP1
import Synchronization

/// Binance.US signed order and account requests.
///
/// Every signed request carries `recvWindow` and a `timestamp` in ms on the server's clock (our
/// clock plus an offset learned from `GET /api/v3/time` on first use and again after `-1021`),
/// is signed with `BinanceUSSigner` and sends the key in `X-MBX-APIKEY`. `POST` sends its
/// parameters as a form body, `GET`/`DELETE` as the query. Orders are checked against the
/// symbol's `exchangeInfo` filters before sending (`SymbolOrderRules`): a violation throws
/// `.ruleViolation` and sends nothing. Requests spend from `budget` with their documented
/// weights: new order 1, cancel 1, query order 2, open orders 3 (40 without a symbol),
/// account 10, `myTrades` 10 (Binance.US's published weight; not among the verified facts of
/// exchanges.md, and binance.com charges less with `orderId`, so 10 errs on the safe side),
/// exchangeInfo 10, time 1, ticker price 1.
public struct BinanceUSOrderClient: Sendable {
  /// The production host.
  public static let defaultBaseURL = "https://api.binance.us"
  /// Binance's default `recvWindow`, ms.
  public static let defaultRecvWindowMillis = 5000
  /// Binance's code for a request whose timestamp is outside the receive window.
  public static let timestampOutsideWindowCode = "-1021"
  /// Binance's code for an order it does not have.
  public static let orderDoesNotExistCode = "-2013"

  /// The request budget every call of this client spends from.
  public let budget: RequestBudget
  /// `recvWindow` sent with every signed request, ms (1…60000).
  public let recvWindowMillis: Int
  let signer: BinanceUSSigner
  let transport: OrderTransport
  let session = BinanceUSOrderSession()

  /// Creates a client of `baseURL` (scheme and host, e.g. a local mock's `http://127.0.0.1:PORT`).
  ///
  /// - Parameters:
  ///   - budget: the limiter to spend from — share the market-data client's, since Binance
  ///     counts weight per IP; by default a new one with `RequestBudgetPolicy.binanceUS`.
  ///   - recvWindowMillis: how long after its timestamp a request stays valid, ms (clamped to 1…60000).
  public init(
    baseURL: String = BinanceUSOrderClient.defaultBaseURL, signer: BinanceUSSigner,
    settings: HTTPRequestSettings = HTTPRequestSettings(), httpClient: HTTPClient = .shared,
    budget: RequestBudget? = nil, recvWindowMillis: Int = BinanceUSOrderClient.defaultRecvWindowMillis,
    logger: Logger = Logger(label: "autoengine.exchanges.binanceus.orders")
  ) {
    let budget = budget ?? RequestBudget(service: Exchange.binanceUS.displayName, policy: .binanceUS)
    self.budget = budget
    self.signer = signer
    self.recvWindowMillis = min(60_000, max(1, recvWindowMillis))
    self.transport = OrderTransport(
      service: Exchange.binanceUS.displayName, baseURL: baseURL, http: httpClient, budget: budget,
      settings: settings, logger: logger)
  }

  // MARK: - Orders

  /// Places `placement` (`POST /api/v3/order`, `newOrderRespType=FULL`): a market order by quote
  /// amount as `quoteOrderQty`, by base amount as `quantity`; a limit order as `LIMIT GTC` with
  /// `price` and `quantity`, all rounded to the symbol's filters first.
  ///
  /// - Returns: the exchange's answer with the fills so far.
  /// - Throws: `.ruleViolation` (nothing sent) when the rounded order breaks a filter or the
  ///   placement is invalid; `.notSent` when a preparatory request (time, exchangeInfo) failed;
  ///   `.rejected` with Binance's code (`-2010` …); `.unknownOutcome` or `.malformed` when the
  ///   order may exist — look it up with `order(symbol:clientOrderId:)` before anything else.
  public func place(_ placement: OrderPlacement) async throws(OrderAPIError) -> BinanceUSOrderAnswer {
    let endpoint = transport.endpoint("/api/v3/order")
    if let problem = placement.problem {
      throw .ruleViolation(OrderRuleViolation(rule: "INVALID_ORDER", detail: problem))
    }
    let rules: SymbolOrderRules
    do { rules = try await self.rules(for: placement.symbol) } catch { throw error.beforeSending(endpoint) }
    var checked = placement
    if placement.type == .market, placement.amount.baseAmount != nil, placement.referencePrice == nil,
      rules.notionalAppliesToMarket, rules.minNotional > 0 || rules.maxNotional > 0
    {
      // The notional bounds of a market order by quantity need a price: the last trade's.
      checked.referencePrice = try? await lastPrice(symbol: placement.symbol)
    }
    let prepared: PreparedOrder
    switch rules.prepare(checked) {
    case .success(let value): prepared = value
    case .failure(let violation): throw .ruleViolation(violation)
    }
    var parameters: [(String, String)] = [
      ("symbol", placement.symbol), ("side", placement.side.rawValue), ("type", placement.type.rawValue),
    ]
    if placement.type == .limit { parameters.append(("timeInForce", "GTC")) }
    if let quantity = prepared.quantity { parameters.append(("quantity", "\(quantity)")) }
    if let quote = prepared.quoteAmount { parameters.append(("quoteOrderQty", "\(quote)")) }
    if let price = prepared.price { parameters.append(("price", "\(price)")) }
    parameters += [("newClientOrderId", placement.clientOrderId), ("newOrderRespType", "FULL")]
    let body = try await signed(.POST, path: endpoint.path, parameters: parameters, weight: 1)
    return try decode(BinanceUSOrderAnswer.self, from: body, endpoint: endpoint)
  }

  /// Cancels the order with `clientOrderId` (`DELETE /api/v3/order?origClientOrderId=`).
  ///
  /// - Throws: `.rejected` with `-2011` when Binance has no open order of that id (unknown or final).
  public func cancel(symbol: String, clientOrderId: String) async throws(OrderAPIError) -> BinanceUSOrderAnswer {
    let endpoint = transport.endpoint("/api/v3/order")
    let body = try await signed(
      .DELETE, path: endpoint.path, parameters: [("symbol", symbol), ("origClientOrderId", clientOrderId)], weight: 1)
    return try decode(BinanceUSOrderAnswer.self, from: body, endpoint: endpoint)
  }

  /// The order with `clientOrderId` (`GET /api/v3/order`, weight 2), or nil when Binance
  /// answers `-2013 Order does not exist.`
  public func order(symbol: String, clientOrderId: String) async throws(OrderAPIError) -> BinanceUSOrderAnswer? {
    let endpoint = transport.endpoint("/api/v3/order")
    do {
      let body = try await signed(
        .GET, path: endpoint.path, parameters: [("symbol", symbol), ("origClientOrderId", clientOrderId)], weight: 2)
      return try decode(BinanceUSOrderAnswer.self, from: body, endpoint: endpoint)
    } catch  where error.code == Self.orderDoesNotExistCode {
      return nil
    }
  }

  /// Open orders of `symbol` (weight 3), or of every symbol when nil (weight 40).
  public func openOrders(symbol: String?) async throws(OrderAPIError) -> [BinanceUSOrderAnswer] {
    let endpoint = transport.endpoint("/api/v3/openOrders")
    let parameters = symbol.map { [("symbol", $0)] } ?? []
    let body = try await signed(.GET, path: endpoint.path, parameters: parameters, weight: symbol == nil ? 40 : 3)
    return try decode([BinanceUSOrderAnswer].self, from: body, endpoint: endpoint)
  }

  /// The trades of order `orderId` (`GET /api/v3/myTrades?symbol=&orderId=`, weight 10), oldest first.
  public func trades(symbol: String, orderId: Int64) async throws(OrderAPIError) -> [BinanceUSTrade] {
    let endpoint = transport.endpoint("/api/v3/myTrades")
    let body = try await signed(
      .GET, path: endpoint.path, parameters: [("symbol", symbol), ("orderId", String(orderId))], weight: 10)
    return try decode([BinanceUSTrade].self, from: body, endpoint: endpoint).sorted { $0.tradeId < $1.tradeId }
  }

  /// Every balance of the account (`GET /api/v3/account`, weight 10).
  public func balances() async throws(OrderAPIError) -> [BinanceUSBalance] {
    let endpoint = transport.endpoint("/api/v3/account")
    let body = try await signed(.GET, path: endpoint.path, parameters: [], weight: 10)
    return try decode(BinanceUSAccountAnswer.self, from: body, endpoint: endpoint).balances
  }
}

/// What a Binance.US order client learned and keeps across calls (shared by its copies): the
/// server clock's offset and the symbols' rules.
final class BinanceUSOrderSession: Sendable {
  private struct Storage {
    /// Server time minus our time, ms; nil until learned.
    var offsetMillis: Int64?
    var rules: [String: SymbolOrderRules] = [:]
  }

  private let storage = Mutex(Storage())

  var offsetMillis: Int64? {
    get { storage.withLock { $0.offsetMillis } }
    set { storage.withLock { $0.offsetMillis = newValue } }
  }

  func rules(_ symbol: String) -> SymbolOrderRules? { storage.withLock { $0.rules[symbol] } }

  func store(_ rules: [SymbolOrderRules]) {
    storage.withLock { storage in
      for rule in rules { storage.rules[rule.symbol] = rule }
    }
  }
}
