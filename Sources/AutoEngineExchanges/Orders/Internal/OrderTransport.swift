import AsyncHTTPClient
import AutoEngineCore
import FoundationEssentials
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sends one signed request through a `RequestBudget` and classifies its outcome for
/// `OrderAPIError`: the one place where the order clients meet HTTP.
///
/// It returns 2xx answers and 4xx refusals (other than 429/418) for the exchange client to read;
/// everything else throws: budget denial and connection failures before anything was written
/// → `.notSent`; 429 → `.rateLimited`; 418 → `.banned` (both recorded in the budget, which then
/// admits nothing before `Retry-After`); 5xx, timeouts and any other transport failure →
/// `.unknownOutcome`.
struct OrderTransport: Sendable {
  /// An HTTP answer the exchange client reads: status, headers (names lower-cased) and body.
  typealias Answer = JSONFetcher.Answer

  /// The connection: base URL, HTTP client, budget, settings and logger, shared with the
  /// market-data clients' way of sending a request.
  let connection: JSONFetcher
  private var budget: RequestBudget { connection.budget }
  private var logger: Logger { connection.logger }

  init(
    service: String, baseURL: String, http: HTTPClient, budget: RequestBudget, settings: HTTPRequestSettings,
    logger: Logger
  ) {
    connection = JSONFetcher(
      service: service, baseURL: baseURL, http: http, budget: budget, settings: settings, logger: logger)
  }

  /// The endpoint name of `path` for errors and logs.
  func endpoint(_ path: String) -> ExchangeEndpoint { connection.endpoint(path) }

  /// Sends `method path?query` with `body` and `headers`, spending `weight` from the budget.
  ///
  /// - Parameter query: the encoded query without `?` (empty for none).
  func send(
    _ method: HTTPMethod, path: String, query: String = "", body: [UInt8]? = nil,
    headers: [(String, String)] = [], weight: Int = 1
  ) async throws(OrderAPIError) -> Answer {
    let endpoint = endpoint(path)
    do {
      try await budget.acquire(weight: weight)
    } catch let error as ExchangeError {
      throw .notSent(endpoint, reason: error.description, retryAt: error.retryAt)
    } catch {
      throw .notSent(endpoint, reason: "cancelled before sending", retryAt: nil)
    }
    let answer: Answer
    do {
      answer = try await connection.exchange(
        method, path: path, querySuffix: query.isEmpty ? "" : "?" + query, body: body, headers: headers)
    } catch {
      throw await failure(error, endpoint: endpoint)
    }
    let state = answer.budgetState
    switch answer.status {
    case 429:
      logger.warning("rate limited", metadata: ["endpoint": "\(endpoint)", "state": "\(state)"])
      throw .rateLimited(endpoint, until: state.until ?? budget.clock.now())
    case 418:
      logger.error("IP banned", metadata: ["endpoint": "\(endpoint)", "state": "\(state)"])
      throw .banned(endpoint, until: state.until ?? budget.clock.now())
    case 500...:
      logger.warning("server error", metadata: ["endpoint": "\(endpoint)", "status": "\(answer.status)"])
      let excerpt = String(decoding: answer.body.prefix(200), as: UTF8.self)
      throw .unknownOutcome(endpoint, reason: "HTTP \(answer.status): \(excerpt)")
    default:
      return answer
    }
  }

  /// The error of a request that got no complete answer: `.notSent` when the connection was
  /// never made, `.unknownOutcome` otherwise.
  private func failure(_ error: any Error, endpoint: ExchangeEndpoint) async -> OrderAPIError {
    if Self.neverConnected(error) {
      await budget.recordFailure(.transport)
      logger.warning("no connection", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
      return .notSent(endpoint, reason: "no connection: \(error)", retryAt: nil)
    }
    if let error = error as? HTTPClientError, Self.timeouts.contains(error) {
      await budget.recordFailure(.timeout)
      logger.warning("request timed out", metadata: ["endpoint": "\(endpoint)"])
      return .unknownOutcome(endpoint, reason: "no answer within \(connection.settings.timeoutSeconds) s")
    }
    await budget.recordFailure(.transport)
    logger.warning("request failed", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
    return .unknownOutcome(endpoint, reason: "connection failed: \(error)")
  }

  private static let timeouts: [HTTPClientError] = [.deadlineExceeded, .readTimeout, .writeTimeout]

  /// Whether `error` proves that no connection existed, so nothing was written: a refused or
  /// timed-out connect, or no connection from the pool. Resets, closes and deadlines are not
  /// proof (the request may have been written first).
  static func neverConnected(_ error: any Error) -> Bool {
    if let error = error as? HTTPClientError {
      return error == .connectTimeout || error == .getConnectionFromPoolTimeout || error == .invalidURL
        || error == .emptyHost || error == .emptyScheme
    }
    if error is NIOConnectionError { return true }
    if let error = error as? ChannelError, case .connectTimeout = error { return true }
    if let error = error as? IOError { return error.errnoCode == ECONNREFUSED }
    return false
  }
}
