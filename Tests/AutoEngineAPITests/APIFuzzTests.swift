import AsyncHTTPClient
import AutoEngineCore
import AutoEngineRuntime
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import NIOCore
import NIOHTTP1
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// Random and truncated protobuf bodies to every RPC, and random JSON to every POST path (and
/// random queries to the GET paths), against the real server on a paper desk: no crash, no hang,
/// and every answer a proper status.
///
/// Deterministic: the cases come from a SplitMix64 generator with a fixed seed (printed), and
/// are generated before any is sent. The outcomes are asserted exactly:
/// - gRPC: a state-changing RPC without the right token is UNAUTHENTICATED; a body that does not
///   decode as the request message is INVALID_ARGUMENT (grpc-swift-protobuf's `ProtobufDeserializer`
///   answers so); anything else is OK or one of INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION,
///   RESOURCE_EXHAUSTED (the engine's error mapping). Never UNKNOWN (a handler's unmapped error),
///   INTERNAL, UNAVAILABLE or UNIMPLEMENTED. A server stream counts when its first message
///   arrives; one quiet until its deadline is DEADLINE_EXCEEDED, allowed for streams only.
/// - REST: 2xx with a JSON body, or 4xx with a `{"code","message"}` body; never 5xx, never a
///   dropped connection. A POST without the right token is 401.
@Suite(.serialized) struct APIFuzzTests {
  /// The seed of a run: fixed, unless `AUTOENGINE_FUZZ_SEED` (hex) names another to explore with.
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["AUTOENGINE_FUZZ_SEED"]
    .flatMap { UInt64($0, radix: 16) } ?? 0xAE_F022_2026
  /// Times the default iterations (`AUTOENGINE_FUZZ_SCALE`, 1 unless set), for longer runs by hand.
  static let scale = ProcessInfo.processInfo.environment["AUTOENGINE_FUZZ_SCALE"].flatMap { Int($0) } ?? 1
  static let token = "fuzz-token-1"
  static let access = APIAccessPolicy(token: token)
  static let grpcIterations = 200 * scale
  static let restIterations = 300 * scale
  /// How many calls are in flight at once.
  static let parallelism = 8

  // MARK: - gRPC

  /// One method under fuzz: its descriptor, whether it streams, whether it needs the token, a
  /// valid request with random field values, and whether bytes decode as its request message.
  struct FuzzedMethod: Sendable {
    let descriptor: MethodDescriptor
    let streaming: Bool
    let changesState: Bool
    let valid: @Sendable (inout SeededGenerator) -> [UInt8]
    let decodes: @Sendable ([UInt8]) -> Bool

    init<M: SwiftProtobuf.Message>(
      _ descriptor: MethodDescriptor, streaming: Bool = false, _ make: @escaping @Sendable (inout SeededGenerator) -> M
    ) {
      self.descriptor = descriptor
      self.streaming = streaming
      self.changesState = APIAccessPolicy.stateChangingRPCs.contains(descriptor.fullyQualifiedMethod)
      self.valid = { rng in (try? make(&rng).serializedBytes()) ?? [] }
      self.decodes = { bytes in (try? M(serializedBytes: bytes)) != nil }
    }
  }

  /// Every RPC of the four services, plus the health check.
  static let methods: [FuzzedMethod] = {
    typealias V = FuzzValues
    @Sendable func exchange(_ rng: inout SeededGenerator) -> Autoengine_V1_Exchange {
      Autoengine_V1_Exchange(rawValue: V.enumNumber(&rng, cases: 3)) ?? .unspecified
    }
    @Sendable func symbols(_ rng: inout SeededGenerator) -> [String] {
      (0..<Int.random(in: 0...3, using: &rng)).map { _ in V.symbol(&rng) }
    }
    typealias Coin = Autoengine_V1_CoinStateService.Method
    typealias Strategy = Autoengine_V1_StrategyService.Method
    typealias Trading = Autoengine_V1_TradingService.Method
    typealias System = Autoengine_V1_SystemService.Method
    return [
      FuzzedMethod(Coin.ListCoins.descriptor) { rng in
        Autoengine_V1_ListCoinsRequest.with {
          $0.exchange = exchange(&rng)
          $0.enabledOnly = rng.chance(50)
        }
      },
      FuzzedMethod(Coin.GetCoinState.descriptor) { rng in
        Autoengine_V1_GetCoinStateRequest.with { $0.symbol = V.symbol(&rng) }
      },
      FuzzedMethod(Coin.ListCoinStates.descriptor) { rng in
        Autoengine_V1_ListCoinStatesRequest.with {
          $0.symbols = symbols(&rng)
          $0.exchange = exchange(&rng)
        }
      },
      FuzzedMethod(Coin.WatchCoinStates.descriptor, streaming: true) { rng in
        Autoengine_V1_WatchCoinStatesRequest.with {
          $0.symbols = symbols(&rng)
          $0.exchange = exchange(&rng)
          $0.heartbeatSeconds = V.count(&rng)
        }
      },
      FuzzedMethod(Strategy.ListStrategies.descriptor) { rng in
        Autoengine_V1_ListStrategiesRequest.with {
          $0.category = Autoengine_V1_StrategyCategory(rawValue: V.enumNumber(&rng, cases: 7)) ?? .unspecified
        }
      },
      FuzzedMethod(Strategy.GetSignals.descriptor) { rng in
        Autoengine_V1_GetSignalsRequest.with { $0.symbol = V.symbol(&rng) }
      },
      FuzzedMethod(Strategy.ListSignals.descriptor) { rng in
        Autoengine_V1_ListSignalsRequest.with {
          $0.symbols = symbols(&rng)
          $0.exchange = exchange(&rng)
          $0.firedOnly = rng.chance(50)
        }
      },
      FuzzedMethod(Strategy.WatchSignals.descriptor, streaming: true) { rng in
        Autoengine_V1_WatchSignalsRequest.with {
          $0.symbols = symbols(&rng)
          $0.exchange = exchange(&rng)
          $0.firedOnly = rng.chance(50)
          $0.heartbeatSeconds = V.count(&rng)
        }
      },
      FuzzedMethod(Trading.GetTradingInfo.descriptor) { _ in Autoengine_V1_GetTradingInfoRequest() },
      FuzzedMethod(Trading.StartAutobuy.descriptor) { _ in Autoengine_V1_StartAutobuyRequest() },
      FuzzedMethod(Trading.StopAutobuy.descriptor) { _ in Autoengine_V1_StopAutobuyRequest() },
      FuzzedMethod(Trading.CancelOrders.descriptor) { rng in
        Autoengine_V1_CancelOrdersRequest.with { $0.symbol = V.symbol(&rng) }
      },
      FuzzedMethod(Trading.CancelAllOrders.descriptor) { _ in Autoengine_V1_CancelAllOrdersRequest() },
      FuzzedMethod(Trading.PlaceOrder.descriptor) { rng in
        Autoengine_V1_PlaceOrderRequest.with {
          $0.symbol = V.symbol(&rng)
          $0.side = Autoengine_V1_Side(rawValue: V.enumNumber(&rng, cases: 3)) ?? .unspecified
          if rng.chance(70) { $0.quoteAmount = V.decimal(&rng) }
          if rng.chance(40) { $0.baseAmount = V.decimal(&rng) }
          $0.type = Autoengine_V1_OrderType(rawValue: V.enumNumber(&rng, cases: 3)) ?? .unspecified
          if rng.chance(50) { $0.limitPrice = V.decimal(&rng) }
          if rng.chance(50) { $0.clientOrderID = rng.chance(50) ? "fz-\(rng.next() % 1000)" : V.string(&rng) }
        }
      },
      FuzzedMethod(Trading.ListOrders.descriptor) { rng in
        Autoengine_V1_ListOrdersRequest.with {
          $0.symbol = rng.chance(50) ? V.symbol(&rng) : ""
          $0.statuses = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
            Autoengine_V1_OrderStatus(rawValue: V.enumNumber(&rng, cases: 10)) ?? .unspecified
          }
          $0.openOnly = rng.chance(50)
          $0.limit = V.count(&rng)
          if rng.chance(30) { $0.pageToken = V.string(&rng) }
        }
      },
      FuzzedMethod(Trading.ListPositions.descriptor) { rng in
        Autoengine_V1_ListPositionsRequest.with {
          $0.symbol = rng.chance(50) ? V.symbol(&rng) : ""
          $0.includeClosed = rng.chance(50)
        }
      },
      FuzzedMethod(Trading.ListTrades.descriptor) { rng in
        Autoengine_V1_ListTradesRequest.with {
          $0.symbol = rng.chance(50) ? V.symbol(&rng) : ""
          $0.outcome = Autoengine_V1_TradeOutcome(rawValue: V.enumNumber(&rng, cases: 4)) ?? .unspecified
          if rng.chance(50) {
            $0.since = Google_Protobuf_Timestamp(
              seconds: rng.pick([0, -1, Int64.min, Int64.max, 1_700_000_000, 253_402_300_800]),
              nanos: rng.pick([0, -1, 999_999_999, 1_000_000_000, Int32.max]))
          }
          $0.limit = V.count(&rng)
          if rng.chance(30) { $0.pageToken = V.string(&rng) }
        }
      },
      FuzzedMethod(Trading.WatchTradeEvents.descriptor, streaming: true) { rng in
        Autoengine_V1_WatchTradeEventsRequest.with {
          $0.symbols = symbols(&rng)
          $0.includeRefused = rng.chance(50)
          $0.heartbeatSeconds = V.count(&rng)
        }
      },
      FuzzedMethod(System.GetStatus.descriptor) { _ in Autoengine_V1_GetStatusRequest() },
      FuzzedMethod(System.StartSystem.descriptor) { _ in Autoengine_V1_StartSystemRequest() },
      FuzzedMethod(System.StopSystem.descriptor) { _ in Autoengine_V1_StopSystemRequest() },
      FuzzedMethod(System.GetHealth.descriptor) { _ in Autoengine_V1_GetHealthRequest() },
      FuzzedMethod(Grpc_Health_V1_Health.Method.Check.descriptor) { rng in
        Grpc_Health_V1_HealthCheckRequest.with {
          $0.service = rng.chance(50) ? rng.pick(["", "autoengine.v1.TradingService"]) : V.string(&rng)
        }
      },
    ]
  }()

  /// The authorization a call carries.
  enum Credential: Sendable {
    case right, missing, wrong
  }

  /// One gRPC call to make.
  struct GRPCCase: Sendable {
    let method: FuzzedMethod
    let body: [UInt8]
    let kind: String
    let credential: Credential
  }

  static func credential(_ rng: inout SeededGenerator) -> Credential {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0: .missing
    case 1: .wrong
    default: .right
    }
  }

  /// The cases of a run: every method gets a valid-but-random request first, then random picks.
  static func grpcCases(_ rng: inout SeededGenerator) -> [GRPCCase] {
    (0..<grpcIterations).map { index in
      let method = index < methods.count ? methods[index] : rng.pick(methods)
      let valid = method.valid(&rng)
      let (kind, body): (String, [UInt8]) =
        switch index < methods.count ? 0 : Int.random(in: 0..<5, using: &rng) {
        case 0: ("random fields", valid)
        case 1: ("random bytes", rng.bytes(Int.random(in: 1...48, using: &rng)))
        case 2:
          valid.isEmpty
            ? ("random bytes", rng.bytes(Int.random(in: 1...8, using: &rng)))
            : ("truncated", Array(valid.prefix(Int.random(in: 0..<valid.count, using: &rng))))
        case 3: ("valid + garbage tail", valid + rng.bytes(Int.random(in: 1...16, using: &rng)))
        default: ("empty", [])
        }
      return GRPCCase(
        method: method, body: body, kind: kind, credential: index < methods.count ? .right : credential(&rng))
    }
  }

  /// What one call ended with: a status code, or a description of what went wrong on the wire.
  struct GRPCOutcome: Sendable {
    let code: RPCError.Code?
    let message: String
  }

  static func call(_ fuzz: GRPCCase, client: GRPCClient<HTTP2ClientTransport.Posix>) async -> GRPCOutcome {
    var metadata = Metadata()
    switch fuzz.credential {
    case .right: metadata.addString("Bearer \(token)", forKey: "authorization")
    case .wrong: metadata.addString("Bearer not-\(token)", forKey: "authorization")
    case .missing: break
    }
    var options = CallOptions.defaults
    options.timeout = fuzz.method.streaming ? .milliseconds(1_500) : .seconds(10)
    let request = ClientRequest(message: fuzz.body, metadata: metadata)
    do {
      if fuzz.method.streaming {
        try await client.serverStreaming(
          request: request, descriptor: fuzz.method.descriptor, serializer: RawBytesCoder(),
          deserializer: RawBytesCoder(), options: options
        ) { response in
          for try await _ in response.messages { break }
        }
      } else {
        _ = try await client.unary(
          request: request, descriptor: fuzz.method.descriptor, serializer: RawBytesCoder(),
          deserializer: RawBytesCoder(), options: options
        ) { response in try response.message }
      }
      return GRPCOutcome(code: nil, message: "")
    } catch let error as RPCError {
      return GRPCOutcome(code: error.code, message: error.message)
    } catch {
      return GRPCOutcome(code: .unknown, message: "not an RPCError: \(error)")
    }
  }

  /// Why `outcome` is not what `fuzz` must get, or nil when it is.
  static func problem(_ fuzz: GRPCCase, _ outcome: GRPCOutcome) -> String? {
    let code = outcome.code
    if fuzz.method.changesState && fuzz.credential != .right {
      return code == .unauthenticated ? nil : "expected UNAUTHENTICATED"
    }
    if !fuzz.method.decodes(fuzz.body) {
      return code == .invalidArgument ? nil : "undecodable body: expected INVALID_ARGUMENT"
    }
    let allowed: Set<RPCError.Code?> = [nil, .invalidArgument, .notFound, .failedPrecondition, .resourceExhausted]
    if allowed.contains(code) || (fuzz.method.streaming && code == .deadlineExceeded) { return nil }
    return "status not allowed"
  }

  @Test func everyRPCAnswersRandomAndTruncatedBodiesWithAProperStatus() async throws {
    var rng = SeededGenerator(seed: Self.seed)
    let cases = Self.grpcCases(&rng)
    print("APIFuzzTests gRPC: seed \(String(Self.seed, radix: 16)), \(cases.count) calls")
    let trading = try await PaperTrading.make()
    await trading.observe(Dictionary(uniqueKeysWithValues: trading.engine.catalogue.coins.map { ($0.symbol, 100) }))
    try await withRunningServer(engine: trading.engine, access: Self.access) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let outcomes = await Self.inBatches(cases) { fuzz in await Self.call(fuzz, client: client) }
        var histogram: [String: Int] = [:]
        for (fuzz, outcome) in zip(cases, outcomes) {
          histogram[outcome.code.map { "\($0)" } ?? "ok", default: 0] += 1
          if let problem = Self.problem(fuzz, outcome) {
            Issue.record(
              """
              \(fuzz.method.descriptor.fullyQualifiedMethod) (\(fuzz.kind), \(fuzz.credential), \
              \(fuzz.body.count) bytes): \(problem); got \(outcome.code.map { "\($0)" } ?? "OK") \(outcome.message)
              """)
          }
        }
        print("APIFuzzTests gRPC status histogram: \(histogram.sorted { $0.key < $1.key })")
        // Still serving after all that.
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        _ = try await health.check(.with { $0.service = "" })
      }
    }
  }

  // MARK: - REST

  /// One REST call to make.
  struct RESTCase: Sendable {
    let method: HTTPMethod
    let path: String
    let body: [UInt8]?
    let kind: String
    let credential: Credential
  }

  /// The POST paths, `{symbol}` filled in per case.
  static let postPaths = [
    "/api/trading/start", "/api/trading/stop", "/api/trading/cancel/{symbol}", "/api/trading/cancel-all",
    "/api/trading/order", "/api/system/start", "/api/system/stop",
  ]
  /// The GET paths that answer at once (not the event streams; not /api/health, which is 503 by
  /// design while the system is stopped), `{symbol}` filled in per case.
  static let getPaths = [
    "/api/coins", "/api/coinstate", "/api/coinstate/{symbol}", "/api/strategies", "/api/strategies/{symbol}",
    "/api/system/status", "/api/trading", "/api/trading/orders", "/api/trading/positions", "/api/trading/trades",
    "/metrics",
  ]
  /// Query keys the GET paths read.
  static let queryKeys = [
    "symbols", "exchange", "enabled_only", "fired_only", "symbol", "status", "openOnly", "limit", "pageToken",
    "includeClosed", "outcome", "since",
  ]

  /// A random JSON value, nested up to `depth`.
  static func json(_ rng: inout SeededGenerator, depth: Int) -> String {
    let choice = Int.random(in: 0..<(depth > 0 ? 9 : 7), using: &rng)
    switch choice {
    case 0: return "null"
    case 1: return rng.chance(50) ? "true" : "false"
    case 2: return rng.pick(["0", "-1", "1e400", "-1e400", "123456789012345678901234567890", "0.1", "1E-400", "-0"])
    case 3: return String(Int64.random(in: .min ... .max, using: &rng))
    case 4: return quoted(FuzzValues.string(&rng))
    case 5: return quoted(FuzzValues.decimal(&rng))
    case 6: return quoted(FuzzValues.symbol(&rng))
    case 7:
      return "["
        + (0..<Int.random(in: 0...4, using: &rng)).map { _ in json(&rng, depth: depth - 1) }
        .joined(separator: ",") + "]"
    default: return object(&rng, depth: depth)
    }
  }

  /// A JSON object with random keys, some of them the order's.
  static func object(_ rng: inout SeededGenerator, depth: Int) -> String {
    let keys = [
      "symbol", "side", "type", "quoteAmount", "baseAmount", "limitPrice", "clientOrderId", "quote_amount",
      "client_order_id",
    ]
    let fields = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
      let key = rng.chance(70) ? rng.pick(keys) : FuzzValues.string(&rng)
      return quoted(key) + ":" + json(&rng, depth: depth - 1)
    }
    return "{" + fields.joined(separator: ",") + "}"
  }

  /// An order body a person might write, with random values.
  static func orderBody(_ rng: inout SeededGenerator) -> String {
    var fields = [#""symbol":"# + quoted(FuzzValues.symbol(&rng))]
    fields.append(#""side":"# + quoted(rng.pick(["BUY", "sell", "SIDE_BUY", "hold", "", "Buy"])))
    if rng.chance(60) {
      fields.append(#""type":"# + quoted(rng.pick(["MARKET", "limit", "ORDER_TYPE_LIMIT", "stop"])))
    }
    if rng.chance(70) { fields.append(#""quoteAmount":"# + quoted(FuzzValues.decimal(&rng))) }
    if rng.chance(30) { fields.append(#""baseAmount":"# + quoted(FuzzValues.decimal(&rng))) }
    if rng.chance(40) { fields.append(#""limitPrice":"# + quoted(FuzzValues.decimal(&rng))) }
    if rng.chance(40) { fields.append(#""clientOrderId":"# + quoted("fz-\(rng.next() % 1000)")) }
    return "{" + fields.joined(separator: ",") + "}"
  }

  /// `text` as a JSON string literal.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A random request body.
  static func body(_ rng: inout SeededGenerator) -> (String, [UInt8]?) {
    switch Int.random(in: 0..<8, using: &rng) {
    case 0: return ("no body", nil)
    case 1: return ("empty", [])
    case 2, 3: return ("order", Array(orderBody(&rng).utf8))
    case 4: return ("json", Array(json(&rng, depth: 3).utf8))
    case 5:
      let text = Array((rng.chance(50) ? orderBody(&rng) : object(&rng, depth: 3)).utf8)
      return ("truncated", Array(text.prefix(Int.random(in: 0..<max(text.count, 1), using: &rng))))
    case 6:
      return ("invalid UTF-8", Array(#"{"symbol":""#.utf8) + [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80] + Array(#""}"#.utf8))
    default: return ("random bytes", rng.bytes(Int.random(in: 1...64, using: &rng)))
    }
  }

  /// A path segment or query value: anything, percent-encoded, or a tricky escape.
  static func encoded(_ text: String, _ rng: inout SeededGenerator) -> String {
    if rng.chance(10) { return rng.pick(["%00", "%FF", "%E2%82", "%2F", "..", "%2E%2E", "a%20b", "%25"]) }
    return text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  }

  static func restCases(_ rng: inout SeededGenerator) -> [RESTCase] {
    (0..<restIterations).map { index in
      let post = index < postPaths.count || rng.chance(70)
      var path = post ? (index < postPaths.count ? postPaths[index] : rng.pick(postPaths)) : rng.pick(getPaths)
      let symbol = FuzzValues.symbol(&rng)
      path = path.replacingOccurrences(of: "{symbol}", with: symbol.isEmpty ? "x" : encoded(symbol, &rng))
      if !post {
        let query = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
          let key = rng.chance(80) ? rng.pick(queryKeys) : FuzzValues.string(&rng)
          let value = rng.chance(50) ? FuzzValues.symbol(&rng) : FuzzValues.decimal(&rng)
          return encoded(key, &rng) + "=" + encoded(value, &rng)
        }
        if !query.isEmpty { path += "?" + query.joined(separator: "&") }
      }
      let (kind, requestBody) = post ? body(&rng) : ("no body", nil)
      return RESTCase(
        method: post ? .POST : .GET, path: path, body: requestBody, kind: kind,
        credential: index < postPaths.count ? .right : credential(&rng))
    }
  }

  /// What one REST call ended with.
  struct RESTOutcome: Sendable {
    let status: Int?
    let body: String
  }

  static func call(_ fuzz: RESTCase, port: Int) async -> RESTOutcome {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(fuzz.path)")
    request.method = fuzz.method
    switch fuzz.credential {
    case .right: request.headers.add(name: "Authorization", value: "Bearer \(token)")
    case .wrong: request.headers.add(name: "Authorization", value: "Bearer not-\(token)")
    case .missing: break
    }
    if let body = fuzz.body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: body))
    }
    do {
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
      let bytes = try await response.body.collect(upTo: 4 << 20)
      return RESTOutcome(status: Int(response.status.code), body: String(buffer: bytes))
    } catch {
      return RESTOutcome(status: nil, body: "\(error)")
    }
  }

  /// The `code` of an error body, or nil.
  static func errorCode(_ outcome: RESTOutcome) -> String? {
    try? JSONDecoder().decode(ErrorBody.self, from: Data(outcome.body.utf8)).code
  }

  /// Why `outcome` is not what `fuzz` must get, or nil when it is.
  static func problem(_ fuzz: RESTCase, _ outcome: RESTOutcome) -> String? {
    guard let status = outcome.status else { return "no answer" }
    let path = fuzz.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
    if path.removingPercentEncoding == nil {
      // Escapes that are not UTF-8 match no route: 404 before any token check.
      return status == 404 && errorCode(outcome) == "NOT_FOUND" ? nil : "undecodable path: expected 404 NOT_FOUND"
    }
    if fuzz.method == .POST && fuzz.credential != .right {
      return status == 401 && errorCode(outcome) == "UNAUTHENTICATED" ? nil : "expected 401 UNAUTHENTICATED"
    }
    switch status {
    case 200..<300:
      if fuzz.path.hasPrefix("/metrics") { return nil }
      return (try? JSONSerialization.jsonObject(with: Data(outcome.body.utf8))) == nil ? "2xx body is not JSON" : nil
    case 400..<500:
      guard let error = try? JSONDecoder().decode(ErrorBody.self, from: Data(outcome.body.utf8)),
        !error.code.isEmpty, !error.message.isEmpty
      else { return "4xx body is not {\"code\",\"message\"}" }
      return nil
    default: return "status not 2xx or 4xx"
    }
  }

  @Test func everyPOSTPathAnswersRandomJSONWith2xxOr4xxAndAnErrorBody() async throws {
    var rng = SeededGenerator(seed: Self.seed ^ 0x5E57)
    let cases = Self.restCases(&rng)
    print("APIFuzzTests REST: seed \(String(Self.seed ^ 0x5E57, radix: 16)), \(cases.count) calls")
    let trading = try await PaperTrading.make()
    await trading.observe(Dictionary(uniqueKeysWithValues: trading.engine.catalogue.coins.map { ($0.symbol, 100) }))
    try await withRunningServer(engine: trading.engine, access: Self.access) { _, _, httpPort in
      let outcomes = await Self.inBatches(cases) { fuzz in await Self.call(fuzz, port: httpPort) }
      var histogram: [String: Int] = [:]
      for (fuzz, outcome) in zip(cases, outcomes) {
        let code = Self.errorCode(outcome).map { " \($0)" }
        histogram["\(outcome.status.map(String.init) ?? "none")\(code ?? "")", default: 0] += 1
        if let problem = Self.problem(fuzz, outcome) {
          Issue.record(
            """
            \(fuzz.method) \(fuzz.path) (\(fuzz.kind), \(fuzz.credential)): \(problem); got \
            \(outcome.status.map(String.init) ?? "no answer") \(outcome.body.prefix(300))
            """)
        }
      }
      print("APIFuzzTests REST status histogram: \(histogram.sorted { $0.key < $1.key })")
      // What the fuzz found: `since` beyond a Timestamp trapped; undecodable paths had no body.
      for since in ["NaN", "Infinity", "-inf", "1e400", "1e300", "-1e20", "253402300800"] {
        let answer = await Self.call(
          RESTCase(
            method: .GET, path: "/api/trading/trades?since=\(since)", body: nil, kind: "since", credential: .right),
          port: httpPort)
        #expect(answer.status == 400 && Self.errorCode(answer) == "INVALID_ARGUMENT", "since=\(since)")
      }
      let answer = await Self.call(
        RESTCase(method: .POST, path: "/api/nothing-here", body: nil, kind: "path", credential: .right), port: httpPort)
      #expect(answer.status == 404 && Self.errorCode(answer) == "NOT_FOUND")
      // AsyncHTTPClient sends a URL whose path Foundation cannot percent-decode as "/", which is the
      // dashboard's page (GET only): 405 with the error body.
      for path in ["/api/coinstate/%FF", "/api/trading/cancel/%E2%82"] {
        let answer = await Self.call(
          RESTCase(method: .POST, path: path, body: nil, kind: "path", credential: .right), port: httpPort)
        #expect(answer.status == 405 && Self.errorCode(answer) == "METHOD_NOT_ALLOWED", "\(path)")
      }
      let health = await Self.call(
        RESTCase(method: .GET, path: "/api/system/status", body: nil, kind: "check", credential: .right), port: httpPort
      )
      #expect(health.status == 200)
    }
  }

  // MARK: - Running

  /// Runs `call` on every case, `parallelism` at a time, answering in the cases' order.
  static func inBatches<Case: Sendable, Outcome: Sendable>(
    _ cases: [Case], _ call: @escaping @Sendable (Case) async -> Outcome
  ) async -> [Outcome] {
    var outcomes: [Outcome] = []
    for start in stride(from: 0, to: cases.count, by: parallelism) {
      let batch = Array(cases[start..<min(start + parallelism, cases.count)])
      let answers = await withTaskGroup(of: (Int, Outcome).self) { group in
        for (index, fuzz) in batch.enumerated() { group.addTask { (index, await call(fuzz)) } }
        var answers: [(Int, Outcome)] = []
        for await answer in group { answers.append(answer) }
        return answers.sorted { $0.0 < $1.0 }.map(\.1)
      }
      outcomes += answers
    }
    return outcomes
  }
}
