import AsyncHTTPClient
import AutoEngineTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// An `--role api` replica's trading and start/stop calls, over REST and gRPC, act on the engine
/// (`ForwardedEngineControl`), and its GetSignals and coin states' trading blocks answer as the
/// engine's: one engine and one replica on loopback through a real redis-server.
@Suite struct RedisReplicaForwardingProcessTests {
  static let token = "replica-forwarding-token-1234"

  /// A started `autoengine serve` and its two listeners' ports.
  struct Served {
    let process: ChildProcess
    let grpcPort: Int
    let httpPort: Int
  }

  /// One REST answer: status, body, and the body as a JSON object.
  struct Answer {
    let status: Int
    let body: Data
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
  }

  private func serve(_ arguments: [String]) async throws -> Served {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-test-\(UUID().uuidString)")
    let process = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: ["serve", "--grpc-port", "0", "--http-port", "0", "--data-dir", dataDir.path] + arguments,
      environment: ["AUTOENGINE_API_TOKEN": Self.token])
    let grpc = try await process.waitForStderrLine(containing: "gRPC listening on 127.0.0.1:", seconds: 60)
    let rest = try await process.waitForStderrLine(containing: "REST listening on http://127.0.0.1:", seconds: 60)
    func port(_ line: String) throws -> Int {
      try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
    }
    return Served(process: process, grpcPort: try port(grpc), httpPort: try port(rest))
  }

  /// `method path` on the REST listener at `port`, with the bearer token unless `token` is nil.
  private func call(
    _ method: String, _ path: String, port: Int, token: String? = token, body: String? = nil
  ) async throws -> Answer {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    if let body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = Data(body.utf8)
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
  }

  /// The WatchTradeEvents messages of BTC-USD at `port`, from the snapshot to the position
  /// event that follows the order `clientOrderID` filling; `ready` is told once the snapshot is in.
  private func tradeEvents(
    port: Int, until clientOrderID: String, ready: AsyncStream<Void>.Continuation
  ) async throws -> [Autoengine_V1_TradeEvent] {
    try await withLoopbackClient(port: port) { client in
      let trading = Autoengine_V1_TradingService.Client(wrapping: client)
      return try await trading.watchTradeEvents(.with { $0.symbols = ["BTC-USD"] }) { response in
        var seen: [Autoengine_V1_TradeEvent] = []
        var filled = false
        for try await event in response.messages {
          seen.append(event)
          if event.sequence == 1 { ready.yield() }
          if case .order(let order) = event.event, order.clientOrderID == clientOrderID, order.status == .filled {
            filled = true
          }
          if filled, case .position = event.event { break }
        }
        return seen
      }
    }
  }

  /// The trade events of a stream as (kind, order or fill client id, order status), heartbeats
  /// left out: what two streams of the same trades must agree on.
  private func story(_ events: [Autoengine_V1_TradeEvent]) -> [String] {
    events.compactMap { event in
      switch event.event {
      case .order(let order): "order \(order.clientOrderID) \(order.status)"
      case .fill(let fill): "fill \(fill.clientOrderID) \(fill.price) \(fill.baseQuantity)"
      case .position(let position): "position \(position.symbol) \(position.baseQuantity)"
      case .decision(let decision): "decision \(decision.symbol) \(decision.outcome)"
      case .autobuy(let state): "autobuy \(state.autobuyRunning)"
      case .snapshot, .heartbeat, nil: nil
      }
    }
  }

  @Test(.timeLimit(.minutes(3)))
  func aReplicasRESTTradingActsOnTheEngineAndItsTradeStreamRelaysTheEngines() async throws {
    let redis = try await RedisTestServer()
    defer { redis.stop() }
    let common = ["--redis-url", redis.url, "--set", "cache.redis_prefix=rest-forward:"]
    let engine = try await serve(
      ["--role", "engine", "--set", "fetch.price_fetch_interval=0.5", "--set", "fetch.stale_threshold_multiplier=100"]
        + common)
    defer { engine.process.kill() }
    let replica = try await serve(["--role", "api", "--engine-address", "127.0.0.1:\(engine.grpcPort)"] + common)
    defer { replica.process.kill() }
    #expect(replica.process.standardError().contains("(gRPC and REST) are forwarded to the engine"))

    // The replica checks the token itself; with it, the call reaches the engine's desk.
    let refused = try await call("POST", "/api/trading/stop", port: replica.httpPort, token: nil)
    #expect(refused.status == 401 && refused.json["code"] as? String == "UNAUTHENTICATED")
    let stopped = try await call("POST", "/api/trading/stop", port: replica.httpPort)
    #expect(stopped.status == 200 && stopped.json["message"] as? String == "autobuy was not running", "\(stopped.text)")

    // A WatchTradeEvents subscriber on the replica and one on the engine, both in before the order.
    let (readiness, ready) = AsyncStream.makeStream(of: Void.self)
    let clientOrderID = "rest-via-replica"
    async let fromReplica = tradeEvents(port: replica.grpcPort, until: clientOrderID, ready: ready)
    async let fromEngine = tradeEvents(port: engine.grpcPort, until: clientOrderID, ready: ready)
    var subscribed = 0
    for await _ in readiness {
      subscribed += 1
      if subscribed == 2 { break }
    }

    // The order placed through the replica's REST; UNAVAILABLE until the engine's first price.
    let body = #"{"symbol":"BTC-USD","side":"BUY","quoteAmount":"25","clientOrderId":"\#(clientOrderID)"}"#
    var placed = try await call("POST", "/api/trading/order", port: replica.httpPort, body: body)
    for _ in 0..<200 where placed.status == 503 && placed.text.contains("no fresh price") {
      try await Task.sleep(for: .milliseconds(100))
      placed = try await call("POST", "/api/trading/order", port: replica.httpPort, body: body)
    }
    #expect(placed.status == 200 && placed.json["clientOrderId"] as? String == clientOrderID, "\(placed.text)")

    // The replica's stream: snapshot 1, then 2, 3… with the same trade events, in the same
    // order, as the engine's own stream.
    let (relayed, direct) = try await (fromReplica, fromEngine)
    #expect(
      relayed.first?.sequence == 1 && relayed.first.map { if case .snapshot = $0.event { true } else { false } } == true
    )
    #expect(relayed.map(\.sequence) == Array(1...UInt64(relayed.count)))
    #expect(story(relayed) == story(direct))
    #expect(story(relayed).contains("order \(clientOrderID) filled"))

    // Reads through the replica are the engine's answers, byte for byte.
    for path in ["/api/trading/orders", "/api/trading/trades?limit=10"] {
      let (viaReplica, fromTheEngine) = try await (
        call("GET", path, port: replica.httpPort), call("GET", path, port: engine.httpPort)
      )
      #expect(viaReplica.status == 200 && viaReplica.body == fromTheEngine.body, "\(path): \(viaReplica.text)")
    }
    #expect(try await call("GET", "/api/trading/orders", port: replica.httpPort).text.contains(clientOrderID))
    let positions = try await call("GET", "/api/trading/positions", port: replica.httpPort)
    #expect(positions.text.contains("BTC-USD"))

    // The engine's errors pass through with their own status and body: a code that shares its
    // gRPC status with others (e.g. INSUFFICIENT_FUNDS, FAILED_PRECONDITION on the wire) too.
    let oversold = #"{"symbol":"BTC-USD","side":"SELL","baseAmount":"5"}"#
    let insufficient = try await call("POST", "/api/trading/order", port: replica.httpPort, body: oversold)
    #expect(insufficient.status == 422 && insufficient.json["code"] as? String == "INSUFFICIENT_FUNDS")
    for (method, path, body) in [
      ("POST", "/api/trading/cancel/NOPE-USD", nil), ("POST", "/api/trading/order", oversold),
    ] {
      let viaReplica = try await call(method, path, port: replica.httpPort, body: body)
      let fromTheEngine = try await call(method, path, port: engine.httpPort, body: body)
      #expect(viaReplica.status >= 400 && viaReplica.status == fromTheEngine.status, "\(path): \(viaReplica.text)")
      #expect(viaReplica.json["code"] as? String == fromTheEngine.json["code"] as? String)
      #expect(viaReplica.json["message"] as? String == fromTheEngine.json["message"] as? String)
    }

    // The replica's REST stream of trade events is the engine's: its snapshot holds the position.
    let events = try await HTTPClient.shared.execute(
      HTTPClientRequest(url: "http://127.0.0.1:\(replica.httpPort)/api/trading/events?symbols=BTC-USD"),
      timeout: .seconds(30))
    var firstEvent: [String] = []
    var pending = ""
    reading: for try await chunk in events.body {
      pending += String(buffer: chunk)
      while let end = pending.range(of: "\n\n") {
        firstEvent = pending[..<end.lowerBound].split(separator: "\n").map(String.init)
        break reading
      }
    }
    #expect(firstEvent.prefix(2) == ["event: snapshot", "id: 1"], "\(firstEvent)")
    let snapshot = try Autoengine_V1_TradeEvent(jsonString: String(firstEvent.last?.dropFirst(6) ?? ""))
    #expect(snapshot.snapshot.positions.contains { $0.symbol == "BTC-USD" })

    // The paper buy reaches the replica's BTC-USD trading block with a tick (board, then states).
    var held = false
    for _ in 0..<100 where !held {
      let state = try await call("GET", "/api/coinstate/BTC-USD", port: replica.httpPort).json
      let quantity = (state["trading"] as? [String: Any])?["positionQuantity"] as? String
      held = quantity.flatMap { Decimal(string: $0) }.map { $0 > 0 } == true
      if !held { try await Task.sleep(for: .milliseconds(100)) }
    }
    #expect(held, "the paper buy shows in the replica's trading block")

    // A replica's WatchCoinStates subscribers are sent the engine's bytes of a tick (the
    // engine's stream encoding, passed through Redis): an unfiltered watch's BTC-USD carries the
    // engine's trading block, and its states decode as the contract's.
    let streamed = try await withLoopbackClient(port: replica.grpcPort) { client in
      var options = CallOptions.defaults
      options.timeout = .seconds(30)
      return try await Autoengine_V1_CoinStateService.Client(wrapping: client).watchCoinStates(
        .init(), options: options
      ) { response -> Autoengine_V1_CoinState? in
        for try await update in response.messages where !update.snapshot && !update.heartbeat {
          if let state = update.states.first(where: { $0.symbol == "BTC-USD" }) { return state }
        }
        return nil
      }
    }
    #expect(streamed.flatMap { Decimal(string: $0.trading.positionQuantity) }.map { $0 > 0 } == true)
    #expect(streamed?.price.isEmpty == false && streamed?.hasFreshness == true)

    // POST /api/system/stop on the replica pauses the engine's fetchers; start resumes them.
    let systemStopped = try await call("POST", "/api/system/stop", port: replica.httpPort)
    #expect(systemStopped.status == 200 && systemStopped.json["changed"] as? Bool == true, "\(systemStopped.text)")
    #expect(try await call("GET", "/api/system/status", port: engine.httpPort).json["running"] == nil)

    // With the engine paused, the replica's GetSignals and BTC-USD's trading block settle on
    // the engine's (the last tick, its signals and board reach it through Redis). Unrealised
    // P&L is at each one's own price, which may differ by less than the cache's change
    // threshold (such moves are not published); at equal prices it is equal too.
    let boardFields = [
      "positionQuantity", "averageEntryPrice", "realizedPnlToday", "cooldownUntil", "openOrders", "lastTradeAt",
    ]
    func board(_ state: [String: Any]) -> NSDictionary {
      NSDictionary(dictionary: ((state["trading"] as? [String: Any]) ?? [:]).filter { boardFields.contains($0.key) })
    }
    var same = false
    var last = ""
    var states: (engine: [String: Any], replica: [String: Any]) = ([:], [:])
    for _ in 0..<100 where !same {
      let engineSignals = try await call("GET", "/api/strategies/BTC-USD", port: engine.httpPort)
      let replicaSignals = try await call("GET", "/api/strategies/BTC-USD", port: replica.httpPort)
      states.engine = try await call("GET", "/api/coinstate/BTC-USD", port: engine.httpPort).json
      states.replica = try await call("GET", "/api/coinstate/BTC-USD", port: replica.httpPort).json
      same =
        engineSignals.body == replicaSignals.body && board(states.engine).count >= 4
        && board(states.engine) == board(states.replica)
      last = "engine \(states.engine["trading"] ?? "-") replica \(states.replica["trading"] ?? "-")"
      if !same { try await Task.sleep(for: .milliseconds(100)) }
    }
    #expect(same, "\(last)")
    let replicaTrading = states.replica["trading"] as? [String: Any] ?? [:]
    #expect(!(replicaTrading["unrealizedPnl"] as? String ?? "").isEmpty)
    if states.engine["price"] as? String == states.replica["price"] as? String {
      #expect(
        NSDictionary(dictionary: replicaTrading)
          == NSDictionary(dictionary: states.engine["trading"] as? [String: Any] ?? [:]))
    }
    let signals = try await call("GET", "/api/strategies/BTC-USD", port: replica.httpPort).json
    #expect((signals["signals"] as? [Any])?.count == 70, "per-strategy details on the replica")

    let systemStarted = try await call("POST", "/api/system/start", port: replica.httpPort)
    #expect(systemStarted.status == 200 && systemStarted.json["running"] as? Bool == true, "\(systemStarted.text)")
    #expect(try await call("GET", "/api/system/status", port: engine.httpPort).json["running"] as? Bool == true)
    for process in [engine.process, replica.process] {
      process.signal(SIGTERM)
      #expect(try await process.waitForExit(seconds: 10) == 0)
    }
  }

  @Test(.timeLimit(.minutes(2)))
  func aReplicaWithoutAnEngineOrWithItsEngineDownSaysWhy() async throws {
    let redis = try await RedisTestServer()
    defer { redis.stop() }
    let common = ["--role", "api", "--redis-url", redis.url, "--set", "cache.redis_prefix=no-engine:"]
    let unconnected = try await serve(common)
    defer { unconnected.process.kill() }
    let deadPort = try RedisTestServer.freeLoopbackPort()
    let orphan = try await serve(common + ["--engine-address", "127.0.0.1:\(deadPort)"])
    defer { orphan.process.kill() }

    // No --engine-address: every trading and start/stop call, REST or gRPC, says to pass it.
    for (method, path) in [("POST", "/api/trading/start"), ("GET", "/api/trading"), ("POST", "/api/system/stop")] {
      let answer = try await call(method, path, port: unconnected.httpPort)
      #expect(answer.status == 409 && answer.json["code"] as? String == "FIX_CONFIGURATION", "\(path)")
      #expect((answer.json["message"] as? String ?? "").contains("--engine-address"), "\(answer.text)")
    }
    var authorized = Metadata()
    authorized.addString("Bearer \(Self.token)", forKey: "authorization")
    try await withLoopbackClient(port: unconnected.grpcPort) { client in
      let system = Autoengine_V1_SystemService.Client(wrapping: client)
      await #expect {
        _ = try await system.startSystem(Autoengine_V1_StartSystemRequest(), metadata: authorized)
      } throws: { error in
        (error as? RPCError).map { $0.code == .failedPrecondition && $0.message.contains("--engine-address") } == true
      }
    }

    // An engine that does not answer: 503 UNAVAILABLE naming its address, on both transports.
    let order = #"{"symbol":"BTC-USD","side":"BUY","quoteAmount":"25"}"#
    for (method, path, body) in [("POST", "/api/trading/order", order), ("GET", "/api/trading/orders", nil)] {
      let answer = try await call(method, path, port: orphan.httpPort, body: body)
      #expect(answer.status == 503 && answer.json["code"] as? String == "UNAVAILABLE", "\(path): \(answer.text)")
      #expect((answer.json["message"] as? String ?? "").contains("127.0.0.1:\(deadPort)"), "\(answer.text)")
    }
    try await withLoopbackClient(port: orphan.grpcPort) { client in
      let trading = Autoengine_V1_TradingService.Client(wrapping: client)
      await #expect {
        _ = try await trading.getTradingInfo(Autoengine_V1_GetTradingInfoRequest())
      } throws: { error in
        (error as? RPCError).map { $0.code == .unavailable && $0.message.contains("127.0.0.1:\(deadPort)") } == true
      }
    }
  }
}
