import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// Bearer-token authentication of state-changing RPCs over real HTTP/2.
@Suite struct AuthGRPCTests {
  @Test func stopAndStartSystemNeedTheToken() async throws {
    let access = APIAccessPolicy(token: "s3cret-token")
    try await withRunningServer(access: access) { engine, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let system = Autoengine_V1_SystemService.Client(wrapping: client)
        await #expect {
          _ = try await system.stopSystem(Autoengine_V1_StopSystemRequest())
        } throws: { error in
          (error as? RPCError)?.code == .unauthenticated
            && (error as? RPCError)?.message.contains("authorization") == true
        }
        var wrong = Metadata()
        wrong.addString("Bearer nope", forKey: "authorization")
        await #expect {
          _ = try await system.stopSystem(Autoengine_V1_StopSystemRequest(), metadata: wrong)
        } throws: { error in
          (error as? RPCError)?.code == .unauthenticated && (error as? RPCError)?.message == "invalid API token"
        }
        var right = Metadata()
        right.addString("Bearer s3cret-token", forKey: "authorization")
        let stopped = try await system.stopSystem(Autoengine_V1_StopSystemRequest(), metadata: right)
        #expect(!stopped.running && stopped.changed)
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        #expect(try await health.check(.with { $0.service = "" }).status == .notServing)  // open without a token
        let again = try await system.stopSystem(Autoengine_V1_StopSystemRequest(), metadata: right)
        #expect(!again.changed)
        let started = try await system.startSystem(Autoengine_V1_StartSystemRequest(), metadata: right)
        #expect(started.running && started.changed)
        #expect(engine.runSwitch.isRunning)
        // Reads stay open by default.
        _ = try await system.getStatus(Autoengine_V1_GetStatusRequest())
      }
    }
  }
}
