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
      call fails (14 when the server cannot be reached). `aectl system health` shows each \
      component's health instead.

      Example:
        aectl health --server 127.0.0.1:50051
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Fully-qualified service name, e.g. autoengine.v1.CoinStateService (default: the whole server).")
  var service: String = ""

  func run() async throws {
    let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = service }
    let response = try await connection.call { client in
      try await Grpc_Health_V1_Health.Client(wrapping: client).check(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { response, style in
      let name = ContractLabel.of(response.status)
      return style.paint(name.isEmpty ? "UNKNOWN" : name, response.status == .serving ? .green : .red) + "\n"
    }
    if response.status != .serving { throw ExitCode.failure }
  }
}
