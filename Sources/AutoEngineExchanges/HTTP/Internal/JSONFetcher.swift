import AsyncHTTPClient
import AutoEngineCore
import FoundationEssentials
import Logging
import NIOCore
import NIOHTTP1

/// Sends GET requests through a `RequestBudget` and turns every answer into decoded JSON or an
/// `ExchangeError`: the one place where HTTP meets the budget.
struct JSONFetcher: Sendable {
  /// An error body as an exchange sends it: Binance.US `{"code","msg"}`, Coinbase
  /// `{"error","message"}` or `{"message"}`.
  private struct ErrorBody: Decodable {
    var code: Int?
    var msg: String?
    var message: String?
    var error: String?
  }

  let service: String
  let baseURL: String
  let http: HTTPClient
  let budget: RequestBudget
  let settings: HTTPRequestSettings
  let logger: Logger

  init(
    service: String, baseURL: String, http: HTTPClient, budget: RequestBudget, settings: HTTPRequestSettings,
    logger: Logger
  ) {
    self.service = service
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    self.baseURL = base
    self.http = http
    self.budget = budget
    self.settings = settings
    self.logger = logger
  }

  /// The endpoint name of `path` for errors and logs.
  func endpoint(_ path: String) -> ExchangeEndpoint { ExchangeEndpoint(service: service, path: path) }

  /// GETs `path` with `query` (already percent-encoded by `QueryString`) and decodes the answer
  /// as `T`, spending `weight` from the budget.
  func get<T: Decodable>(_ type: T.Type, path: String, query: QueryString = QueryString(), weight: Int = 1)
    async throws -> T
  {
    let body = try await fetch(path: path, query: query, weight: weight)
    return try await decode(type, from: body, endpoint: endpoint(path))
  }

  /// Decodes `body` as `T`, or counts and logs a malformed answer and throws `.malformed`.
  func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], endpoint: ExchangeEndpoint) async throws -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(body))
    } catch let error as DecodingError {
      throw await malformed(endpoint, reason: error.summary)
    } catch let error as ExchangeError {
      throw await malformed(endpoint, reason: error.description)
    } catch {
      throw await malformed(endpoint, reason: "\(error)")
    }
  }

  /// Counts and logs a malformed answer of `endpoint`, returning the error to throw.
  func malformed(_ endpoint: ExchangeEndpoint, reason: String) async -> ExchangeError {
    await budget.recordMalformed()
    logger.warning(
      "malformed answer", metadata: ["endpoint": "\(endpoint)", "reason": "\(reason)"])
    return .malformed(endpoint, reason: reason)
  }

  /// An HTTP answer: status, headers (names lower-cased), body, and the budget's state after
  /// recording the status (rate limits and bans included).
  struct Answer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var budgetState: BudgetState

    var isSuccess: Bool { (200..<300).contains(status) }
  }

  /// Sends `method` `path` + `querySuffix` (empty or `?…`, already encoded) with `body` and
  /// `headers`, collects the answer and records its status in the budget. The caller has
  /// acquired the request's weight. A request that got no complete answer throws the HTTP
  /// client's error unchanged, for the caller to classify (market data and orders read it
  /// differently) and to record as a budget failure.
  func exchange(
    _ method: HTTPMethod, path: String, querySuffix: String, body: [UInt8]? = nil, headers: [(String, String)] = []
  ) async throws -> Answer {
    var request = HTTPClientRequest(url: baseURL + path + querySuffix)
    request.method = method
    request.headers.add(name: "User-Agent", value: settings.userAgent)
    request.headers.add(name: "Accept", value: "application/json")
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    let timeout = TimeAmount.nanoseconds(Int64(settings.timeoutSeconds * 1e9))
    let response = try await http.execute(request, deadline: .now() + timeout, logger: logger)
    var fields: [String: String] = [:]
    for field in response.headers { fields[field.name.lowercased()] = fields[field.name.lowercased()] ?? field.value }
    let bytes = Array(buffer: try await response.body.collect(upTo: settings.maxBodyBytes))
    let state = await budget.record(status: Int(response.status.code), headers: fields)
    return Answer(status: Int(response.status.code), headers: fields, body: bytes, budgetState: state)
  }

  /// GETs `path` and returns the body of a 2xx answer; any other outcome throws `ExchangeError`.
  func fetch(path: String, query: QueryString, weight: Int) async throws -> [UInt8] {
    let endpoint = endpoint(path)
    try await budget.acquire(weight: weight)
    let answer: Answer
    do {
      answer = try await exchange(.GET, path: path, querySuffix: query.suffix)
    } catch let error as HTTPClientError where Self.isTimeout(error) {
      await budget.recordFailure(.timeout)
      logger.warning("request timed out", metadata: ["endpoint": "\(endpoint)"])
      throw ExchangeError.timeout(endpoint, afterSeconds: settings.timeoutSeconds)
    } catch let error as HTTPClientError where error == .cancelled {
      throw CancellationError()
    } catch is CancellationError {
      throw CancellationError()
    } catch let error as NIOTooManyBytesError {
      throw await malformed(endpoint, reason: "body larger than \(settings.maxBodyBytes) bytes (\(error))")
    } catch {
      await budget.recordFailure(.transport)
      logger.warning("request failed", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
      throw ExchangeError.transport(endpoint, detail: "\(error)")
    }
    let (status, state, body) = (answer.status, answer.budgetState, answer.body)
    switch status {
    case 200..<300:
      return body
    case 429:
      logger.warning("rate limited", metadata: ["endpoint": "\(endpoint)", "state": "\(state)"])
      throw ExchangeError.rateLimited(endpoint, until: state.until ?? budget.clock.now())
    case 418:
      logger.error("IP banned", metadata: ["endpoint": "\(endpoint)", "state": "\(state)"])
      throw ExchangeError.banned(endpoint, until: state.until ?? budget.clock.now())
    case 500...:
      logger.warning("server error", metadata: ["endpoint": "\(endpoint)", "status": "\(status)"])
      throw ExchangeError.serverError(endpoint, status: status)
    default:
      let error = Self.rejection(endpoint, status: status, body: body)
      logger.notice("request rejected", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
      throw error
    }
  }

  /// The `.rejected` error of a refused request, reading the exchange's error body when it has one.
  static func rejection(_ endpoint: ExchangeEndpoint, status: Int, body: [UInt8]) -> ExchangeError {
    if let parsed = try? JSONDecoder().decode(ErrorBody.self, from: Data(body)) {
      let message = parsed.msg ?? parsed.message ?? parsed.error
      if parsed.code != nil || message != nil {
        return .rejected(endpoint, status: status, code: parsed.code, message: message ?? "")
      }
    }
    let text = String(decoding: body.prefix(200), as: UTF8.self)
    return .rejected(endpoint, status: status, code: nil, message: text)
  }

  private static func isTimeout(_ error: HTTPClientError) -> Bool {
    error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
      || error == .getConnectionFromPoolTimeout || error == .writeTimeout
  }
}

extension DecodingError {
  /// What was wrong and where, e.g. `products[2].price: not a decimal number: "abc"`.
  var summary: String {
    func path(_ keys: [any CodingKey]) -> String {
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text.isEmpty ? "answer" : text
    }
    switch self {
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(type)"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): missing \(type)"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing field"
    case .dataCorrupted(let context):
      let underlying = context.underlyingError.map { " (\($0))" } ?? ""
      return "\(path(context.codingPath)): \(context.debugDescription)\(underlying)"
    @unknown default:
      return "\(self)"
    }
  }
}
