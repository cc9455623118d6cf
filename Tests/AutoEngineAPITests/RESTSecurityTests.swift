import AutoEngineRuntime
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AutoEngineAPI

/// The REST listener's request body limit and CORS policy, in process (no socket).
@Suite struct RESTSecurityTests {
  static let token = "test-token-123"
  static let allowed = "https://dash.example.com"

  private func withRouter(
    maxRequestBytes: Int = 1 << 20, corsOrigins: [String] = [],
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
  ) async throws {
    let router = RESTRouter.build(
      engine: Engine(), access: APIAccessPolicy(token: Self.token), maxRequestBytes: maxRequestBytes,
      corsOrigins: corsOrigins)
    try await Application(router: router).test(.router) { client in try await body(client) }
  }

  @Test func aBodyOverTheLimitIs413NamingTheLimit() async throws {
    try await withRouter(maxRequestBytes: 100) { client in
      let auth: HTTPFields = [.authorization: "Bearer \(Self.token)"]
      try await client.execute(
        uri: "/api/trading/order", method: .post, headers: auth,
        body: ByteBuffer(repeating: UInt8(ascii: " "), count: 101)
      ) { response in
        #expect(response.status == .contentTooLarge)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let error = try JSONDecoder().decode(ErrorBody.self, from: Data(String(buffer: response.body).utf8))
        #expect(error.code == "REQUEST_TOO_LARGE")
        #expect(error.message.contains("100 bytes"))
        #expect(error.message.contains("server.max_request_bytes"))
      }
      // At the limit the body reaches the route (which then judges it on its own terms).
      try await client.execute(
        uri: "/api/system/stop", method: .post, headers: auth,
        body: ByteBuffer(repeating: UInt8(ascii: " "), count: 100)
      ) { response in
        #expect(response.status == .ok)
      }
    }
  }

  @Test func theLimitKeeps405And404AndAuth() async throws {
    try await withRouter(maxRequestBytes: 10) { client in
      try await client.execute(uri: "/api/coins", method: .get) { response in #expect(response.status == .ok) }
      try await client.execute(uri: "/api/nothing-here", method: .get) { response in
        #expect(response.status == .notFound)
      }
      try await client.execute(uri: "/api/system/start", method: .delete) { response in
        #expect(response.status == .methodNotAllowed)
      }
      // No token: refused before the body is read.
      try await client.execute(
        uri: "/api/system/stop", method: .post, body: ByteBuffer(repeating: UInt8(ascii: " "), count: 50)
      ) { response in
        #expect(response.status == .unauthorized)
      }
    }
  }

  @Test func aPreflightFromAnAllowedOriginGetsTheCORSHeaders() async throws {
    try await withRouter(corsOrigins: [Self.allowed]) { client in
      let preflight: HTTPFields = [.origin: Self.allowed, .accessControlRequestMethod: "POST"]
      try await client.execute(uri: "/api/system/stop", method: .options, headers: preflight) { response in
        #expect(response.status == .noContent)
        #expect(response.headers[.accessControlAllowOrigin] == Self.allowed)
        #expect(response.headers[.accessControlAllowMethods] == "GET, POST")
        #expect(response.headers[.accessControlAllowHeaders]?.lowercased() == "authorization, content-type")
      }
      try await client.execute(uri: "/api/coins", method: .get, headers: [.origin: Self.allowed]) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.accessControlAllowOrigin] == Self.allowed)
      }
    }
  }

  @Test func aDisallowedOriginGetsNoCORSHeaders() async throws {
    try await withRouter(corsOrigins: [Self.allowed]) { client in
      let other: HTTPFields = [.origin: "https://evil.example.com", .accessControlRequestMethod: "POST"]
      try await client.execute(uri: "/api/system/stop", method: .options, headers: other) { response in
        #expect(response.headers[.accessControlAllowOrigin] == nil)
        #expect(response.headers[.accessControlAllowMethods] == nil)
      }
      try await client.execute(uri: "/api/coins", method: .get, headers: other) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.accessControlAllowOrigin] == nil)
      }
    }
  }

  @Test func aStarAllowsAnyOriginAndNoOriginsSendNoHeaders() async throws {
    let preflight: HTTPFields = [.origin: "http://localhost:3000", .accessControlRequestMethod: "GET"]
    try await withRouter(corsOrigins: ["*"]) { client in
      try await client.execute(uri: "/api/coins", method: .options, headers: preflight) { response in
        #expect(response.headers[.accessControlAllowOrigin] == "*")
      }
    }
    try await withRouter { client in
      try await client.execute(uri: "/api/coins", method: .options, headers: preflight) { response in
        #expect(response.headers[.accessControlAllowOrigin] == nil)
      }
    }
  }
}
