import ArgumentParser
import AutoEngineAPI
import GRPCCore
import SwiftProtobuf

/// `aectl health`: the standard gRPC health check of the server.
struct HealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Check the server's health (grpc.health.v1); exit 0 when SERVING.",
    discussion: """
      Prints the serving status of the server as a whole, or of one service with --service.
      Exits 0 when SERVING, 1 when NOT_SERVING or UNKNOWN, and the gRPC status code when the \
      call fails (14 when the server cannot be reached).

      Example:
        aectl health --server 127.0.0.1:50051
      """)

  @OptionGroup var connection: ConnectionOptions

  @Option(help: "Fully-qualified service name, e.g. autoengine.v1.CoinStateService (default: the whole server).")
  var service: String = ""

  func run() async throws {
    let status: Grpc_Health_V1_HealthCheckResponse.ServingStatus
    do {
      status = try await connection.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = service }
        return try await health.check(request, options: connection.callOptions).status
      }
    } catch {
      throw CommandFailure.report(error, server: connection.server)
    }
    let name: String
    switch status {
    case .serving: name = "SERVING"
    case .notServing: name = "NOT_SERVING"
    case .serviceUnknown: name = "SERVICE_UNKNOWN"
    case .unknown, .UNRECOGNIZED: name = "UNKNOWN"
    }
    print(name)
    if status != .serving { throw ExitCode.failure }
  }
}
