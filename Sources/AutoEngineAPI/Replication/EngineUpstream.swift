import AutoEngineRuntime
import GRPCCore
import GRPCNIOTransportHTTP2
public import ServiceLifecycle

/// An API replica's gRPC connection to its engine, over which `ForwardedEngineControl` forwards
/// the calls it cannot answer itself, from gRPC and REST alike: every trading call (the desk
/// lives in the engine) and StartSystem / StopSystem.
///
/// The caller's `authorization` header is forwarded unchanged, so the engine authorises the
/// call exactly as if it had been made to it directly; its answer (or its error) goes back
/// unchanged. Runs as a lifecycle service: the connection lives while the replica runs.
public final class EngineUpstream: Service, Sendable {
  /// `host:port` of the engine's gRPC listener.
  public let address: String
  let client: GRPCClient<HTTP2ClientTransport.Posix>

  /// Connects lazily to the engine's plaintext gRPC listener at `host`:`port`.
  public init(host: String, port: Int) throws {
    address = "\(host):\(port)"
    let transport = try HTTP2ClientTransport.Posix(
      target: .dns(host: host, port: port), transportSecurity: .plaintext)
    client = GRPCClient(transport: transport)
  }

  /// Parses `host:port`.
  ///
  /// - Throws: `RPCError`-free plain error text when the address is not `host:port`.
  public convenience init(address: String) throws {
    guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
      (1...65535).contains(port), colon != address.startIndex
    else {
      throw EngineUpstreamError(message: "--engine-address '\(address)' is not host:port (e.g. 127.0.0.1:50051)")
    }
    try self.init(host: String(address[..<colon]), port: port)
  }

  public func run() async throws {
    try await withGracefulShutdownHandler {
      try await client.runConnections()
    } onGracefulShutdown: {
      self.client.beginGracefulShutdown()
    }
  }

  /// The metadata forwarded to the engine: the caller's credentials only.
  static func metadata(of caller: Caller) -> Metadata {
    var metadata = Metadata()
    if let authorization = caller.authorization { metadata.addString(authorization, forKey: "authorization") }
    return metadata
  }

  /// A failed forwarded call as this server's error.
  ///
  /// The engine's own errors carry their `EngineError` code (`EngineError.codeMetadataKey`), so
  /// they come back exactly as the engine threw them and each transport maps them as the engine
  /// would have (gRPC status, HTTP status and body). Errors made by the transport (the engine is
  /// down, the connection broke) become UNAVAILABLE naming the engine's address.
  func engineError(_ error: any Error) -> EngineError {
    if let error = error as? EngineError { return error }
    guard let error = error as? RPCError else {
      return EngineError(.unavailable, "the engine at \(address) could not be reached: \(error)")
    }
    if let text = error.metadata[stringValues: EngineError.codeMetadataKey].first(where: { _ in true }),
      let code = EngineError.Code(rawValue: text)
    {
      return EngineError(code, error.message)
    }
    switch error.code {
    case .unavailable, .deadlineExceeded, .cancelled, .unknown:
      return EngineError(
        .unavailable,
        "the engine at \(address) is unreachable (\(error.message)); check that it runs and --engine-address names its gRPC listener"
      )
    case .invalidArgument, .outOfRange: return EngineError(.invalidArgument, error.message)
    case .notFound: return EngineError(.notFound, error.message)
    case .unauthenticated, .permissionDenied: return EngineError(.unauthenticated, error.message)
    case .failedPrecondition, .alreadyExists, .aborted: return EngineError(.conflict, error.message)
    case .resourceExhausted: return EngineError(.retryLater, error.message)
    case .unimplemented: return EngineError(.notImplemented, error.message)
    default: return EngineError(.internal, "the engine at \(address) failed: \(error.message)")
    }
  }
}

/// An engine address that cannot be used.
public struct EngineUpstreamError: Error, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  public var description: String { message }
}
