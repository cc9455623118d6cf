import ArgumentParser
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2

/// Options every command shares: which server to reach and how long to wait.
struct ConnectionOptions: ParsableArguments {
  @Option(help: "Server address host:port (env AECTL_SERVER; default 127.0.0.1:50051).")
  var server: String = ProcessInfo.processInfo.environment["AECTL_SERVER"] ?? "127.0.0.1:50051"

  @Option(help: "Deadline of each call, in seconds (default 5).")
  var timeout: Double = 5

  func validate() throws {
    _ = try endpoint()
    guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
  }

  /// Host and port parsed from `--server`.
  func endpoint() throws -> (host: String, port: Int) {
    guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]),
      (1...65535).contains(port), colon != server.startIndex
    else {
      throw ValidationError("--server '\(server)' is not host:port (e.g. 127.0.0.1:50051)")
    }
    var host = String(server[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return (host, port)
  }

  /// Call options carrying the deadline.
  var callOptions: CallOptions {
    var options = CallOptions.defaults
    options.timeout = .milliseconds(Int64(timeout * 1000))
    return options
  }

  /// Runs `body` with a connected client, then closes the connection.
  func withClient<Result: Sendable>(
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    let (host, port) = try endpoint()
    let transport: HTTP2ClientTransport.Posix
    if host.contains(":") {
      transport = try HTTP2ClientTransport.Posix(
        target: .ipv6(address: host, port: port), transportSecurity: .plaintext)
    } else {
      transport = try HTTP2ClientTransport.Posix(target: .dns(host: host, port: port), transportSecurity: .plaintext)
    }
    return try await withGRPCClient(transport: transport) { client in try await body(client) }
  }
}
