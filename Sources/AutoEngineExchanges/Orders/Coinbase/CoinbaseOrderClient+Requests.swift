import AutoEngineCore
import FoundationEssentials
import NIOHTTP1

extension CoinbaseOrderClient {
  /// The product's order rules and last price (`GET /market/products/{id}`, public).
  ///
  /// - Throws: `.rejected` (`NOT_FOUND`) for a product Coinbase does not list.
  public func rules(for productId: String) async throws(OrderAPIError) -> SymbolOrderRules {
    try await product(productId).rules
  }

  func product(_ productId: String) async throws(OrderAPIError) -> CoinbaseProductRulesAnswer {
    let endpoint = transport.endpoint(Self.apiPrefix + "/market/products/" + QueryString.encode(productId))
    let answer = try await transport.send(.GET, path: endpoint.path)
    guard answer.isSuccess else { throw Self.rejection(answer, endpoint) }
    return try decode(CoinbaseProductRulesAnswer.self, from: answer.body, endpoint: endpoint)
  }

  /// Sends an authenticated request with a JSON body.
  func authorized(_ method: HTTPMethod, path: String, json body: some Encodable) async throws(OrderAPIError)
    -> OrderTransport.Answer
  {
    let bytes: [UInt8]
    do {
      bytes = Array(try JSONEncoder().encode(body))
    } catch {
      throw .notSent(transport.endpoint(path), reason: "could not encode the request: \(error)", retryAt: nil)
    }
    return try await authorized(method, path: path, body: bytes)
  }

  /// Sends an authenticated request: `Authorization: Bearer <JWT>` with a token made now for
  /// `method host path`.
  func authorized(_ method: HTTPMethod, path: String, query: QueryString = QueryString(), body: [UInt8]? = nil)
    async throws(OrderAPIError) -> OrderTransport.Answer
  {
    let token = jwt.token(method: method.rawValue, host: host, path: path, now: budget.clock.now())
    var headers = [("Authorization", "Bearer " + token)]
    if body != nil { headers.append(("Content-Type", "application/json")) }
    return try await transport.send(
      method, path: path, query: String(query.suffix.dropFirst()), body: body, headers: headers, weight: 1)
  }

  /// The refusal of a 4xx answer: Coinbase's `{"error","message","error_details"}`, or the
  /// status and body text.
  static func rejection(_ answer: OrderTransport.Answer, _ endpoint: ExchangeEndpoint) -> OrderAPIError {
    if let body = try? JSONDecoder().decode(CoinbaseErrorBody.self, from: Data(answer.body)),
      body.error != nil || body.message != nil
    {
      let message = [body.message, body.errorDetails].compactMap { $0 }.first { !$0.isEmpty } ?? ""
      return .rejected(endpoint, status: answer.status, code: body.error ?? "HTTP \(answer.status)", message: message)
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

extension RequestBudgetPolicy {
  /// Coinbase Advanced Trade private endpoints: 30 requests per second per user.
  public static let coinbasePrivate = RequestBudgetPolicy(limit: 30, windowSeconds: 1, maxWaitSeconds: 1.5)
}
