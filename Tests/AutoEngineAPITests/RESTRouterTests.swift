import AutoEngineCore
import AutoEngineRuntime
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// The REST bridge's routes, in process (no socket).
@Suite struct RESTRouterTests {
  static let token = "test-token-123"

  private func withRouter(
    _ engine: Engine = Engine(), access: APIAccessPolicy = APIAccessPolicy(token: RESTRouterTests.token),
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
  ) async throws {
    let app = Application(router: RESTRouter.build(engine: engine, access: access))
    try await app.test(.router) { client in try await body(client) }
  }

  @Test func healthIsProtoJSON() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/api/health", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let report = try Autoengine_V1_HealthReport(jsonUTF8Bytes: Array(buffer: response.body))
        #expect(report.status == .serving)
        #expect(report.components.map(\.name).contains("engine"))
      }
    }
  }

  @Test func healthIs503WhenAComponentIsNotServing() async throws {
    let engine = Engine()
    await engine.updateComponent(ComponentHealth(name: "journal", state: .notServing, detail: "disk full"))
    try await withRouter(engine) { client in
      try await client.execute(uri: "/api/health", method: .get) { response in
        #expect(response.status == .serviceUnavailable)
        let report = try Autoengine_V1_HealthReport(jsonUTF8Bytes: Array(buffer: response.body))
        #expect(report.status == .notServing)
      }
    }
  }

  @Test(arguments: TradingRoutes.table.map { "\($0.method.rawValue) \($0.path)" })
  func tradingRoutesOfAnEngineWithoutADeskSaySo(route: String) async throws {
    let parts = route.split(separator: " ")
    let method = HTTPRequest.Method(String(parts[0]))!
    let path = String(parts[1]).replacingOccurrences(of: "{symbol}", with: "BTC-USD")
    let body = path.hasSuffix("/order") ? ByteBuffer(string: PlaceOrderBody.example) : nil
    try await withRouter { client in
      try await client.execute(
        uri: path, method: method, headers: [.authorization: "Bearer \(Self.token)"], body: body
      ) { response in
        #expect(response.status == .conflict)
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(String(buffer: response.body).utf8))
        #expect(body.code == "FIX_CONFIGURATION")
        #expect(body.message.contains("trading is not enabled"))
      }
    }
  }

  @Test func everySeedPathIsRouted() {
    let served = Set(RESTRouter.servedRoutes.map { "\($0.0.rawValue) \($0.1)" })
    let seedPaths: Set<String> = [
      "GET /api/coinstate", "GET /api/coinstate/{symbol}", "GET /api/coins", "GET /api/strategies",
      "GET /api/strategies/{symbol}", "GET /api/trading", "POST /api/trading/start", "POST /api/trading/stop",
      "POST /api/trading/cancel/{symbol}", "POST /api/trading/cancel-all", "GET /api/system/status",
      "POST /api/system/start", "POST /api/system/stop", "GET /api/health",
    ]
    #expect(seedPaths.isSubset(of: served))
    let bridgeAdditions: Set<String> = [
      "POST /api/trading/order", "GET /api/trading/orders", "GET /api/trading/positions", "GET /api/trading/trades",
      "GET /api/trading/events",
    ]
    #expect(bridgeAdditions.isSubset(of: served))
  }

  @Test func wrongMethodsOnTradingPathsAre405() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/api/trading/start", method: .get) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(String(buffer: response.body).contains("use POST"))
      }
      try await client.execute(
        uri: "/api/trading/orders", method: .post, headers: [.authorization: "Bearer \(Self.token)"]
      ) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(String(buffer: response.body).contains("use GET"))
      }
      try await client.execute(uri: "/api/trading/cancel/BTCUSDT", method: .delete) { response in
        #expect(response.status == .methodNotAllowed)
      }
    }
  }

  @Test func stateChangingCallsNeedTheBearerToken() async throws {
    let engine = Engine()
    try await withRouter(engine) { client in
      try await client.execute(uri: "/api/system/stop", method: .post) { response in
        #expect(response.status == .unauthorized)
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(String(buffer: response.body).utf8))
        #expect(body.code == "UNAUTHENTICATED")
      }
      try await client.execute(uri: "/api/system/stop", method: .post, headers: [.authorization: "Bearer wrong"]) {
        response in
        #expect(response.status == .unauthorized)
      }
      try await client.execute(
        uri: "/api/system/stop", method: .post, headers: [.authorization: "Bearer \(Self.token)"]
      ) { response in
        #expect(response.status == .ok)
        let answer = try Autoengine_V1_SystemStateResponse(jsonUTF8Bytes: Array(buffer: response.body))
        #expect(!answer.running && answer.changed)
      }
      try await client.execute(uri: "/api/health", method: .get) { response in
        #expect(response.status == .serviceUnavailable)  // stopped
      }
      try await client.execute(
        uri: "/api/system/start", method: .post, headers: [.authorization: "Bearer \(Self.token)"]
      ) {
        response in
        #expect(response.status == .ok)
      }
      try await client.execute(uri: "/api/coins", method: .get) { response in
        #expect(response.status == .ok)  // reads are open by default
      }
    }
  }

  @Test func withoutAConfiguredTokenStateChangesAreRefusedWithTheWayOut() async throws {
    try await withRouter(access: APIAccessPolicy()) { client in
      try await client.execute(uri: "/api/system/stop", method: .post, headers: [.authorization: "Bearer anything"]) {
        response in
        #expect(response.status == .unauthorized)
        #expect(String(buffer: response.body).contains("AUTOENGINE_API_TOKEN"))
      }
    }
  }

  @Test func readsCanBeClosedButHealthStaysOpen() async throws {
    try await withRouter(access: APIAccessPolicy(token: Self.token, requireTokenForReads: true)) { client in
      try await client.execute(uri: "/api/coins", method: .get) { response in
        #expect(response.status == .unauthorized)
      }
      try await client.execute(uri: "/api/coins", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) {
        response in
        #expect(response.status == .ok)
      }
      try await client.execute(uri: "/api/health", method: .get) { response in
        #expect(response.status == .ok)
      }
    }
  }

  @Test func tokenComparisonIsExact() {
    #expect(APIAccessPolicy.constantTimeEquals("abc", "abc"))
    #expect(!APIAccessPolicy.constantTimeEquals("abc", "abd"))
    #expect(!APIAccessPolicy.constantTimeEquals("abc", "abcd"))
    #expect(!APIAccessPolicy.constantTimeEquals("", "a"))
  }

  @Test func metricsArePrometheusText() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/metrics", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = String(buffer: response.body)
        for name in [
          "autoengine_system_running 1", "# TYPE autoengine_cache_hit_ratio gauge", "autoengine_stream_subscribers",
          "autoengine_fetch_to_publish_seconds{quantile=\"0.5\"}", "autoengine_strategy_evaluation_seconds",
        ] {
          #expect(text.contains(name), "missing \(name) in:\n\(text)")
        }
      }
    }
  }

  @Test func metricsCountTradesByResultAndShowTheDesk() async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000])
    _ = try await trading.engine.placeOrder(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 20))
    try await withRouter(trading.engine) { client in
      try await client.execute(uri: "/metrics", method: .get) { response in
        let text = String(buffer: response.body)
        for line in [
          "autoengine_trades{result=\"attempted\"} 1", "autoengine_trades{result=\"succeeded\"} 1",
          "autoengine_trades{result=\"failed\"} 0", "autoengine_open_positions 1", "autoengine_autobuy_running 0",
          "autoengine_kill_switch_active 0",
        ] {
          #expect(text.contains(line), "missing \(line) in:\n\(text)")
        }
      }
    }
  }

  @Test func coinStatesCarryTheCoinsTradingState() async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000])
    let order = try await trading.engine.placeOrder(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 20))
    try await withRouter(trading.engine) { client in
      try await client.execute(uri: "/api/coinstate/BTCUSDT", method: .get) { response in
        let state = try Autoengine_V1_CoinState(jsonString: String(buffer: response.body))
        #expect(state.hasTrading)
        #expect(state.trading.positionQuantity == order.filledBase.description)
        #expect(state.trading.openOrders == 0)
        #expect(state.trading.hasLastTradeAt && state.trading.hasCooldownUntil)
        #expect(state.trading.realizedPnlToday == "0")
      }
      try await client.execute(uri: "/api/coinstate/ETHUSDT", method: .get) { response in
        let state = try Autoengine_V1_CoinState(jsonString: String(buffer: response.body))
        #expect(state.trading.positionQuantity == "0")
        #expect(state.trading.averageEntryPrice == "")
        #expect(!state.trading.hasCooldownUntil)
      }
    }
    // An engine without a desk has no trading state to report.
    try await withRouter { client in
      try await client.execute(uri: "/api/coinstate/BTCUSDT", method: .get) { response in
        let state = try Autoengine_V1_CoinState(jsonString: String(buffer: response.body))
        #expect(!state.hasTrading)
      }
    }
  }

  @Test func wrongMethodIs405NamingTheAllowedOnes() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/api/coins", method: .post, headers: [.authorization: "Bearer \(Self.token)"]) {
        response in
        #expect(response.status == .methodNotAllowed)
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(String(buffer: response.body).utf8))
        #expect(body.code == "METHOD_NOT_ALLOWED")
        #expect(body.message.contains("use GET"))
      }
      try await client.execute(uri: "/api/system/start", method: .delete) { response in
        #expect(response.status == .methodNotAllowed)
      }
    }
  }

  @Test func unknownPathIs404() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/api/nothing-here", method: .get) { response in
        #expect(response.status == .notFound)
      }
    }
  }
}
