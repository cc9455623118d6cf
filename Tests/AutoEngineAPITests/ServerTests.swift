import AutoEngineRuntime
import Foundation
import GRPCCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real server over real sockets: gRPC health (generated client over HTTP/2) and REST health.
@Suite struct ServerTests {
  @Test func grpcHealthCheckAndListAnswerServing() async throws {
    try await withRunningServer { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let whole = try await health.check(.with { $0.service = "" })
        #expect(whole.status == .serving)
        let coinState = try await health.check(.with { $0.service = "autoengine.v1.CoinStateService" })
        #expect(coinState.status == .serving)
        let list = try await health.list(Grpc_Health_V1_HealthListRequest())
        #expect(Set(list.statuses.keys) == Set(HealthGRPCService.serviceNames))
        #expect(list.statuses.values.allSatisfy { $0.status == .serving })
      }
    }
  }

  @Test func grpcHealthCheckOfUnknownServiceIsNotFound() async throws {
    try await withRunningServer { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        await #expect {
          try await health.check(.with { $0.service = "no.such.Service" })
        } throws: { error in
          (error as? RPCError)?.code == .notFound
        }
      }
    }
  }

  @Test func grpcHealthWatchPushesChangesAndReleasesItsSubscription() async throws {
    try await withRunningServer { engine, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let seen = try await health.watch(.with { $0.service = "" }) { response in
          var statuses: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
          for try await message in response.messages {
            statuses.append(message.status)
            if statuses.count == 1 {
              await engine.updateComponent(ComponentHealth(name: "journal", state: .notServing, detail: "disk full"))
            } else {
              break
            }
          }
          return statuses
        }
        #expect(seen == [.serving, .notServing])
      }
      // The client went away: the server must drop the subscription promptly.
      let released = try await eventually { engine.healthWatcherCount == 0 }
      #expect(released, "the Watch subscription leaked after the client left")
    }
  }

  @Test func systemServiceGetHealthReportsComponents() async throws {
    try await withRunningServer { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let system = Autoengine_V1_SystemService.Client(wrapping: client)
        let report = try await system.getHealth(Autoengine_V1_GetHealthRequest())
        #expect(report.status == .serving)
        #expect(report.version == AutoEngineVersion.current)
        #expect(Set(report.components.map(\.name)).isSuperset(of: ["engine", "grpc", "rest"]))
      }
    }
  }

  @Test func tradingRPCsOfAnEngineWithoutADeskSaySoNotFakeValues() async throws {
    try await withRunningServer { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let trading = Autoengine_V1_TradingService.Client(wrapping: client)
        await #expect {
          _ = try await trading.getTradingInfo(Autoengine_V1_GetTradingInfoRequest())
        } throws: { error in
          guard let rpc = error as? RPCError else { return false }
          return rpc.code == .failedPrecondition && rpc.message.contains("trading is not enabled")
        }
      }
    }
  }

  @Test func restHealthAnswersProtoJSONOverARealSocket() async throws {
    try await withRunningServer { _, _, httpPort in
      let url = URL(string: "http://127.0.0.1:\(httpPort)/api/health")!
      let (data, response) = try await URLSession.shared.data(from: url)
      let http = try #require(response as? HTTPURLResponse)
      #expect(http.statusCode == 200)
      #expect(http.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("application/json") == true)
      let report = try Autoengine_V1_HealthReport(jsonUTF8Data: data)
      #expect(report.status == .serving)
      #expect(report.version == AutoEngineVersion.current)
    }
  }
}

/// Polls `condition` every 20 ms for up to `seconds`; true as soon as it holds.
func eventually(seconds: Double = 3, _ condition: @Sendable () async -> Bool) async throws -> Bool {
  let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
  while ContinuousClock.now < deadline {
    if await condition() { return true }
    try await Task.sleep(for: .milliseconds(20))
  }
  return await condition()
}
