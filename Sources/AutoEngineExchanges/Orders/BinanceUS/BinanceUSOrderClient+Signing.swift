import AutoEngineCore
public import FoundationEssentials
import NIOHTTP1

extension BinanceUSOrderClient {
  /// Learns the server clock's offset from `GET /api/v3/time` (weight 1): server time minus the
  /// midpoint of the request on our clock, ms. Later timestamps add it.
  @discardableResult
  public func synchronizeTime() async throws(OrderAPIError) -> Int64 {
    let endpoint = transport.endpoint("/api/v3/time")
    let before = budget.clock.now().seconds
    let answer = try await transport.send(.GET, path: endpoint.path, weight: 1)
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    let after = budget.clock.now().seconds
    let server = try decode(BinanceUSServerTime.self, from: answer.body, endpoint: endpoint).serverTime
    let offset = server - Int64(((before + after) / 2 * 1000).rounded())
    session.offsetMillis = offset
    return offset
  }

  /// The rules of `symbol` from `exchangeInfo` (cached after the first request).
  ///
  /// - Throws: `.rejected` with `-1121` for a symbol Binance.US does not list.
  public func rules(for symbol: String) async throws(OrderAPIError) -> SymbolOrderRules {
    if let cached = session.rules(symbol) { return cached }
    let loaded = try await loadRules(symbols: [symbol])
    guard let rules = loaded.first(where: { $0.symbol == symbol }) else {
      throw .malformed(transport.endpoint("/api/v3/exchangeInfo"), reason: "no entry for \(symbol)")
    }
    return rules
  }

  /// Loads and caches the rules of `symbols` with one `exchangeInfo?symbols=[…]` request (weight 10).
  @discardableResult
  public func loadRules(symbols: [String]) async throws(OrderAPIError) -> [SymbolOrderRules] {
    let endpoint = transport.endpoint("/api/v3/exchangeInfo")
    let query = BinanceUSMarketData.symbolsQuery(symbols)
    let answer = try await transport.send(
      .GET, path: endpoint.path, query: String(query.suffix.dropFirst()), weight: 10)
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    let rules = try decode(BinanceUSSymbolRulesAnswer.self, from: answer.body, endpoint: endpoint).symbols.map(\.rules)
    session.store(rules)
    return rules
  }

  /// The last price of `symbol` (`GET /api/v3/ticker/price?symbol=`, weight 1), quote per base.
  public func lastPrice(symbol: String) async throws(OrderAPIError) -> Decimal {
    let endpoint = transport.endpoint("/api/v3/ticker/price")
    let query = String(QueryString([("symbol", symbol)]).suffix.dropFirst())
    let answer = try await transport.send(.GET, path: endpoint.path, query: query, weight: 1)
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    return try decode(BinancePriceTicker.self, from: answer.body, endpoint: endpoint).price
  }

  /// Sends a signed request and returns the body of its 2xx answer. A `-1021` refusal (clock
  /// outside the receive window: nothing happened) re-learns the server time and tries once more.
  func signed(_ method: HTTPMethod, path: String, parameters: [(String, String)], weight: Int)
    async throws(OrderAPIError) -> [UInt8]
  {
    let endpoint = transport.endpoint(path)
    var retried = false
    while true {
      let timestamp: Int64
      do { timestamp = try await serverTimestampMillis() } catch { throw error.beforeSending(endpoint) }
      let items = parameters + [("recvWindow", String(recvWindowMillis)), ("timestamp", String(timestamp))]
      let payload = String(QueryString(items).suffix.dropFirst())
      let signedText = payload + "&signature=" + signer.signature(for: payload)
      let answer: OrderTransport.Answer
      if method == .POST {
        answer = try await transport.send(
          method, path: path, body: Array(signedText.utf8),
          headers: [
            (BinanceUSSigner.apiKeyHeader, signer.apiKey), ("Content-Type", "application/x-www-form-urlencoded"),
          ], weight: weight)
      } else {
        answer = try await transport.send(
          method, path: path, query: signedText, headers: [(BinanceUSSigner.apiKeyHeader, signer.apiKey)],
          weight: weight)
      }
      if answer.isSuccess { return answer.body }
      let rejection = Self.rejection(answer, endpoint)
      guard rejection.code == Self.timestampOutsideWindowCode, !retried else { throw rejection }
      retried = true
      session.offsetMillis = nil
    }
  }

  /// Our clock plus the learned offset, ms; learns the offset first when unknown.
  func serverTimestampMillis() async throws(OrderAPIError) -> Int64 {
    let offset: Int64
    if let known = session.offsetMillis { offset = known } else { offset = try await synchronizeTime() }
    return Int64((budget.clock.now().seconds * 1000).rounded()) + offset
  }

  /// The refusal of a 4xx answer: Binance's `{"code","msg"}`, or the status and body text.
  static func rejection(_ answer: OrderTransport.Answer, _ endpoint: ExchangeEndpoint) -> OrderAPIError {
    if let body = try? JSONDecoder().decode(BinanceUSErrorBody.self, from: Data(answer.body)) {
      return .rejected(endpoint, status: answer.status, code: String(body.code), message: body.msg ?? "")
    }
    let text = String(decoding: answer.body.prefix(200), as: UTF8.self)
    return .rejected(endpoint, status: answer.status, code: "HTTP \(answer.status)", message: text)
  }

  /// `body` decoded as `T`, or `.malformed` naming what was wrong.
  func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], endpoint: ExchangeEndpoint) throws(OrderAPIError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(body))
    } catch let error as DecodingError {
      throw .malformed(endpoint, reason: error.summary)
    } catch {
      throw .malformed(endpoint, reason: "\(error)")
    }
  }
}
