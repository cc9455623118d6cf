import AutoEngineRuntime
import Foundation
import Hummingbird
import HummingbirdTesting
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// The REST bridge's routes, in process (no socket).
@Suite struct RESTRouterTests {
  private func withRouter(_ engine: Engine = Engine(), _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = Application(router: RESTRouter.build(engine: engine))
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

  @Test(arguments: RESTRouter.pendingRoutes.map { "\($0.0.rawValue) \($0.1)" })
  func seedPathsOfLaterIssuesAnswer501WithAJSONError(route: String) async throws {
    let parts = route.split(separator: " ")
    let method = HTTPRequest.Method(String(parts[0]))!
    let path = String(parts[1]).replacingOccurrences(of: "{symbol}", with: "BTC-USD")
    try await withRouter { client in
      try await client.execute(uri: path, method: method) { response in
        #expect(response.status == .notImplemented)
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(String(buffer: response.body).utf8))
        #expect(body.code == "NOT_IMPLEMENTED")
        #expect(body.message.contains(String(parts[1])))
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
  }

  @Test func unknownPathIs404() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/api/nothing-here", method: .get) { response in
        #expect(response.status == .notFound)
      }
    }
  }
}
