import AsyncHTTPClient
import AutoEngineRuntime
import Foundation
import GRPCCore
import NIOCore
import NIOHTTP1
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// `server.max_request_bytes` on both real listeners: gRPC answers RESOURCE_EXHAUSTED, REST 413.
@Suite(.timeLimit(.minutes(1))) struct RequestLimitTests {
  static let token = "test-token-123"

  @Test func aGRPCRequestOverTheLimitIsResourceExhausted() async throws {
    try await withRunningServer(configure: { $0.maxRequestBytes = 1024 }) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        await #expect {
          try await health.check(.with { $0.service = String(repeating: "x", count: 1500) })
        } throws: { error in
          let error = error as? RPCError
          return error?.code == .resourceExhausted && error?.message.contains("limit of 1024 bytes") == true
        }
        // Far over the limit the transport resets the stream without reading the message.
        await #expect(throws: RPCError.self) {
          try await health.check(.with { $0.service = String(repeating: "x", count: 4096) })
        }
        // A request under the limit on the same connection is served as usual.
        let small = try await health.check(.init())
        #expect(small.status == .serving)
      }
    }
  }

  @Test func aRESTBodyOverTheLimitIs413OverTheWire() async throws {
    let access = APIAccessPolicy(token: Self.token)
    try await withRunningServer(access: access, configure: { $0.maxRequestBytes = 1024 }) { _, _, httpPort in
      let http = HTTPClient(eventLoopGroupProvider: .singleton)
      var request = HTTPClientRequest(url: "http://127.0.0.1:\(httpPort)/api/trading/order")
      request.method = .POST
      request.headers.add(name: "Authorization", value: "Bearer \(Self.token)")
      request.body = .bytes(ByteBuffer(repeating: UInt8(ascii: " "), count: 4096))
      let response = try await http.execute(request, timeout: .seconds(10))
      let body = try await response.body.collect(upTo: 1 << 20)
      try await http.shutdown()
      #expect(response.status == .payloadTooLarge)
      let error = try JSONDecoder().decode(ErrorBody.self, from: Data(String(buffer: body).utf8))
      #expect(error.code == "REQUEST_TOO_LARGE")
      #expect(error.message.contains("1024 bytes"))
    }
  }
}
