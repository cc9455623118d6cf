import AutoEngineCore
import FoundationEssentials
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 (an ephemeral port) that speaks the documented Coinbase
/// Advanced Trade, Binance.US and NOAA SWPC formats, for tests and benchmarks.
///
/// One server serves all three APIs (their paths do not collide), so the three base URLs are the
/// same. It counts calls per endpoint and injects faults on demand, both through `state`:
///
/// ```swift
/// let mock = MockExchangeServer(state: MockExchangeState(markets: MockMarket.many(["BTC-USD"])))
/// try await mock.start()
/// mock.state.inject(.rateLimited(retryAfterSeconds: 30), on: .coinbaseProducts)
/// let client = CoinbaseMarketData(baseURL: mock.coinbaseBaseURL)
/// …
/// await mock.stop()
/// ```
///
/// Routes are values (`MockRoute`); by default the server answers the market-data and the order
/// endpoints of both exchanges (`MockRoute.binanceUSOrders`, `.coinbaseOrders`), whose orders
/// and balances live in `state.binanceUSOrders` and `state.coinbaseOrders`.
public final class MockExchangeServer: Sendable {
  private struct Running {
    var task: Task<Void, Never>
    var port: Int
  }

  /// What the server serves and records; tests change it while it runs.
  public let state: MockExchangeState
  private let routes: [MockRoute]
  private let running = Mutex<Running?>(nil)

  /// Creates a stopped server answering `routes` (by default every market-data route) from `state`.
  public init(
    state: MockExchangeState = MockExchangeState(),
    routes: [MockRoute] = MockRoute.coinbaseMarketData + MockRoute.binanceUSMarketData + MockRoute.swpc
      + MockRoute.coinbaseOrders + MockRoute.binanceUSOrders
  ) {
    self.state = state
    self.routes = routes
  }

  /// The port bound, or nil while stopped.
  public var port: Int? { running.withLock { $0?.port } }

  /// `http://127.0.0.1:PORT`, the server's origin (empty while stopped).
  public var baseURL: String { port.map { "http://127.0.0.1:\($0)" } ?? "" }
  /// Base URL for the Coinbase client (it adds `/api/v3/brokerage`).
  public var coinbaseBaseURL: String { baseURL }
  /// Base URL for the Binance.US client.
  public var binanceUSBaseURL: String { baseURL }
  /// Base URL for the SWPC client.
  public var swpcBaseURL: String { baseURL }

  /// Starts listening on 127.0.0.1 and returns once the port is bound.
  ///
  /// - Throws: `MockExchangeServerError.alreadyRunning`, or `.failedToStart` when the server could not bind.
  public func start() async throws {
    guard port == nil else { throw MockExchangeServerError.alreadyRunning }
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "autoengine.mock-exchange")
    logger.logLevel = .critical
    let app = Application(
      responder: CallbackResponder<BasicRequestContext> { request, _ in
        var request = request
        return await self.respond(to: &request)
      },
      configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in
        portContinuation.yield(channel.localAddress?.port ?? 0)
        portContinuation.finish()
      },
      logger: logger)
    let task = Task {
      try? await app.run()
      portContinuation.finish()
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next(), port > 0 else {
      task.cancel()
      await task.value
      throw MockExchangeServerError.failedToStart
    }
    running.withLock { $0 = Running(task: task, port: port) }
  }

  /// Stops the server and waits until it has closed; requests in flight are cut off.
  public func stop() async {
    guard
      let current = running.withLock({ running -> Running? in
        defer { running = nil }
        return running
      })
    else { return }
    current.task.cancel()
    await current.task.value
  }

  /// Starts a server, runs `body` with it and stops it, also when `body` throws.
  public static func withRunning<T: Sendable>(
    state: MockExchangeState = MockExchangeState(), _ body: (MockExchangeServer) async throws -> T
  ) async throws -> T {
    let server = MockExchangeServer(state: state)
    try await server.start()
    do {
      let result = try await body(server)
      await server.stop()
      return result
    } catch {
      await server.stop()
      throw error
    }
  }

  // MARK: - Dispatch

  private func respond(to request: inout Request) async -> Response {
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name.canonicalName] = field.value }
    // HTTP/1's Host header arrives as the request's authority.
    if headers["host"] == nil, let authority = request.head.authority { headers["host"] = authority }
    let body = (try? await request.collectBody(upTo: 1 << 20)).map { Array(buffer: $0) } ?? []
    var mockRequest = MockRequest(
      method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query, headers: headers, body: body
    )
    let matched = routes.lazy.compactMap { route in
      route.match(method: mockRequest.method, path: mockRequest.path).map { (route, $0) }
    }.first
    let fault = state.beginCall(matched?.0.endpoint, request: mockRequest)
    guard let (route, parameters) = matched else {
      return Self.response(.json(#"{"message":"NotFound"}"#, status: 404))
    }
    mockRequest.pathParameters = parameters
    var answer: MockResponse
    switch fault {
    case .some(let fault):
      if let faulted = await apply(fault, route: route) {
        answer = faulted
      } else {
        answer = await route.handler(mockRequest, state)
        answer = await applyAfterHandling(fault, route: route, answer: answer)
      }
    case .none:
      answer = await route.handler(mockRequest, state)
    }
    if route.family == .binanceUS {
      let used = state.spendBinanceWeight(route.weight(mockRequest))
      answer.headers.append(("X-MBX-USED-WEIGHT-1M", "\(used)"))
    }
    return Self.response(answer)
  }

  /// The faulted answer, or nil when the fault only changes state or timing before the normal answer.
  private func apply(_ fault: MockFault, route: MockRoute) async -> MockResponse? {
    switch fault {
    case .rateLimited(let retryAfter):
      return MockFaultAnswers.rateLimited(route.family, retryAfter: retryAfter)
    case .banned(let retryAfter):
      return MockFaultAnswers.banned(route.family, retryAfter: retryAfter)
    case .serverError(let status):
      return MockFaultAnswers.serverError(route.family, status: status)
    case .delay(let seconds):
      try? await Task.sleep(for: .seconds(seconds))
      return nil
    case .malformedJSON:
      return MockFaultAnswers.malformedJSON(route.family)
    case .respond(let status, let body):
      return .json(body, status: status)
    case .priceGap(let percent):
      switch route.family {
      case .coinbase: state.movePrices(on: .coinbase, byPercent: percent)
      case .binanceUS: state.movePrices(on: .binanceUS, byPercent: percent)
      case .swpc: break
      }
      return nil
    case .rejectOrder:
      return MockFaultAnswers.orderRejected(route.family)
    case .acceptThenFail, .acceptThenDelay:
      return nil
    }
  }

  /// The answer after the handler ran: replaced by a server error, or delayed.
  private func applyAfterHandling(_ fault: MockFault, route: MockRoute, answer: MockResponse) async -> MockResponse {
    switch fault {
    case .acceptThenFail(let status):
      return MockFaultAnswers.serverError(route.family, status: status)
    case .acceptThenDelay(let seconds):
      try? await Task.sleep(for: .seconds(seconds))
      return answer
    default:
      return answer
    }
  }

  private static func response(_ answer: MockResponse) -> Response {
    var fields = HTTPFields()
    for (name, value) in answer.headers {
      if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
    }
    return Response(
      status: HTTPResponse.Status(code: answer.status), headers: fields,
      body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
  }
}
