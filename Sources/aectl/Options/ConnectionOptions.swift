import ArgumentParser
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2

/// Options every command shares: which server to reach, how, with which token and how long to
/// wait.
///
/// `--server` and `--token` fall back to `AECTL_SERVER` and `AECTL_TOKEN`, read when the command
/// runs, so that `--help` never prints the token.
struct ConnectionOptions: ParsableArguments {
  /// The server used when neither `--server` nor `AECTL_SERVER` names one.
  static let defaultServer = "127.0.0.1:50051"

  @Option(help: "Server address host:port (env AECTL_SERVER; default 127.0.0.1:50051).")
  var server: String?

  @Option(help: "API token for calls that change state (env AECTL_TOKEN; never printed).")
  var token: String?

  @Flag(help: "Connect with TLS, trusting the system's roots (or --ca).")
  var tls = false

  @Option(help: "PEM file of the CA that signed the server's certificate (implies --tls).", completion: .file())
  var ca: String?

  @Option(help: "Deadline of each call that is not a stream, in seconds.")
  var timeout: Double = 5

  func validate() throws {
    _ = try endpoint()
    guard timeout > 0, timeout.isFinite, timeout <= 86_400 else {
      throw ValidationError("--timeout must be a positive number of seconds (at most 86400)")
    }
    if let ca { try Self.checkCertificateFile(ca) }
  }

  /// The server address in use: `--server`, else `AECTL_SERVER`, else 127.0.0.1:50051.
  var address: String {
    if let server { return server }
    if let fromEnvironment = ProcessInfo.processInfo.environment["AECTL_SERVER"], !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    return Self.defaultServer
  }

  /// The token in use: `--token`, else `AECTL_TOKEN`; nil when neither is set.
  var bearerToken: String? {
    let token = self.token ?? ProcessInfo.processInfo.environment["AECTL_TOKEN"]
    return token.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether the connection uses TLS (`--tls` or `--ca`).
  var usesTLS: Bool { tls || ca != nil }

  /// Host and port parsed from the server address.
  func endpoint() throws -> (host: String, port: Int) {
    let server = address
    guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]),
      (1...65535).contains(port), colon != server.startIndex
    else {
      throw ValidationError("server address '\(server)' is not host:port (e.g. 127.0.0.1:50051)")
    }
    var host = String(server[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    return (host, port)
  }

  /// Metadata of every call: the bearer token when one is set.
  var metadata: Metadata {
    var metadata = Metadata()
    if let bearerToken { metadata.addString("Bearer \(bearerToken)", forKey: "authorization") }
    return metadata
  }

  /// Call options of unary calls: the deadline.
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
    let target: any ResolvableTarget
    if host.contains(":") {
      target = ResolvableTargets.IPv6(addresses: [.init(host: host, port: port)])
    } else if Self.isIPv4(host) {
      // An IP literal is not a valid TLS server name; the certificate is checked against the IP.
      target = ResolvableTargets.IPv4(addresses: [.init(host: host, port: port)])
    } else {
      target = ResolvableTargets.DNS(host: host, port: port)
    }
    let transport = try HTTP2ClientTransport.Posix(target: target, transportSecurity: transportSecurity)
    return try await withGRPCClient(transport: transport) { client in try await body(client) }
  }

  /// Runs one unary call; a failure prints one line naming the server and becomes the exit code.
  func call<Result: Sendable>(
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    do {
      return try await withClient(body)
    } catch {
      throw CommandFailure.report(error, server: address)
    }
  }

  /// Plaintext, or TLS with the system's trust roots or those of `--ca`.
  private var transportSecurity: HTTP2ClientTransport.Posix.TransportSecurity {
    guard usesTLS else { return .plaintext }
    return .tls { config in
      if let ca { config.trustRoots = .certificates([.file(path: ca, format: .pem)]) }
    }
  }

  /// Whether `host` is a dotted IPv4 address.
  private static func isIPv4(_ host: String) -> Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { part in UInt8(part) != nil }
  }

  /// Checks that `path` is a readable PEM certificate file, so that a wrong `--ca` is a usage
  /// error naming the file rather than a failed handshake.
  static func checkCertificateFile(_ path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("--ca '\(path)': cannot read the file")
    }
    guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
      throw ValidationError("--ca '\(path)': not a PEM certificate (no '-----BEGIN CERTIFICATE-----' line)")
    }
  }
}
