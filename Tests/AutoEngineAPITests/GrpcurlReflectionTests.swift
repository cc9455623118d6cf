import AutoEngineRuntime
import Foundation
import Testing

/// grpcurl — a real, generic gRPC client with no .proto files — against the real server: it must
/// list, describe and call every RPC from what server reflection tells it.
@Suite(.timeLimit(.minutes(3))) struct GrpcurlReflectionTests {
  /// The contract's services plus health and reflection.
  static let services = [
    "autoengine.v1.CoinStateService", "autoengine.v1.StrategyService", "autoengine.v1.TradingService",
    "autoengine.v1.SystemService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
  ]

  @Test func listNamesEveryService() async throws {
    let grpcurl = try Grpcurl.located()
    try await withRunningServer { _, grpcPort, _ in
      let run = try await grpcurl.run(port: grpcPort, "list")
      #expect(run.status == 0, "\(run.errors)")
      let listed = Set(run.output.split(separator: "\n").map(String.init))
      #expect(listed.isSuperset(of: Self.services), "grpcurl list printed:\n\(run.output)\(run.errors)")
    }
  }

  @Test func describeShowsServicesWithTheirRPCsAndMessagesWithTheirFields() async throws {
    let grpcurl = try Grpcurl.located()
    try await withRunningServer { _, grpcPort, _ in
      let service = try await grpcurl.run(port: grpcPort, "describe", "autoengine.v1.CoinStateService")
      #expect(service.status == 0, "\(service.errors)")
      #expect(service.output.contains("autoengine.v1.CoinStateService is a service"))
      for rpc in ["ListCoins", "GetCoinState", "ListCoinStates"] {
        #expect(service.output.contains("rpc \(rpc) ("), "\(service.output)")
      }
      #expect(service.output.contains("rpc WatchCoinStates ( .autoengine.v1.WatchCoinStatesRequest ) returns ( stream"))

      let message = try await grpcurl.run(port: grpcPort, "describe", "autoengine.v1.CoinState")
      #expect(message.status == 0, "\(message.errors)")
      #expect(message.output.contains("autoengine.v1.CoinState is a message"))
      #expect(message.output.contains("message CoinState {"))
      #expect(message.output.contains("string symbol = 1;"))
      // A field whose type comes from the imported common.proto.
      #expect(message.output.contains(".autoengine.v1.Exchange exchange = 2;"), "\(message.output)")

      let unknown = try await grpcurl.run(port: grpcPort, "describe", "autoengine.v1.NoSuchThing")
      #expect(unknown.status != 0)
      #expect(unknown.errors.contains("autoengine.v1.NoSuchThing"), "\(unknown.errors)")
    }
  }

  @Test func getHealthAndHealthCheckAnswerJSON() async throws {
    let grpcurl = try Grpcurl.located()
    try await withRunningServer { _, grpcPort, _ in
      let report = try await grpcurl.run(
        port: grpcPort, options: ["-d", "{}"], "autoengine.v1.SystemService/GetHealth")
      #expect(report.status == 0, "\(report.errors)")
      let health = try #require(try Self.jsonObject(report.output), "\(report.output)")
      #expect(health["status"] as? String == "HEALTH_STATE_SERVING")
      #expect(health["version"] as? String == AutoEngineVersion.current)
      let components = (health["components"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      #expect(Set(components).isSuperset(of: ["engine", "grpc", "rest"]), "\(report.output)")

      let check = try await grpcurl.run(port: grpcPort, options: ["-d", "{}"], "grpc.health.v1.Health/Check")
      #expect(check.status == 0, "\(check.errors)")
      #expect(try Self.jsonObject(check.output)?["status"] as? String == "SERVING", "\(check.output)")
    }
  }

  /// Every method grpcurl finds by reflection reaches its handler: it ends with the handler's
  /// answer or status (streams by the 2 s deadline), never with a resolution failure or the
  /// router's "not implemented by this server".
  @Test func everyRPCIsCallableByReflection() async throws {
    let grpcurl = try Grpcurl.located()
    try await withRunningServer { _, grpcPort, _ in
      var methods: [String] = []
      for service in Self.services where !service.hasPrefix("grpc.reflection") {
        let run = try await grpcurl.run(port: grpcPort, "list", service)
        #expect(run.status == 0, "\(run.errors)")
        methods += run.output.split(separator: "\n").map(String.init)
      }
      #expect(methods.count >= 25, "\(methods)")
      for method in methods {
        let dot = try #require(method.lastIndex(of: "."))
        let slash = "\(method[..<dot])/\(method[method.index(after: dot)...])"
        let run = try await grpcurl.run(port: grpcPort, options: ["-d", "{}", "-max-time", "2"], slash)
        let answered = run.status == 0 || (run.status > 64 && run.errors.contains("Code:"))
        #expect(answered, "\(slash) exited \(run.status):\n\(run.errors)")
        #expect(!run.errors.contains("isn't implemented by this server"), "\(slash) is not registered")
      }
    }
  }

  /// The JSON object grpcurl printed (one message).
  private static func jsonObject(_ text: String) throws -> [String: Any]? {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
  }
}
