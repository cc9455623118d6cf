public import GRPCCore
public import GRPCNIOTransportHTTP2
public import ServiceLifecycle

/// An API replica's gRPC connection to its engine, over which it forwards the calls it cannot
/// answer itself: every `TradingService` RPC (the desk lives in the engine) and StartSystem /
/// StopSystem.
///
/// The caller's `authorization` header is forwarded unchanged, so the engine authorises the
/// call exactly as if it had been made to it directly; its answer (or its error status) goes
/// back unchanged. Runs as a lifecycle service: the connection lives while the replica runs.
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
  static func forwarded(_ metadata: Metadata) -> Metadata {
    var forwarded = Metadata()
    for value in metadata[stringValues: "authorization"] { forwarded.addString(value, forKey: "authorization") }
    return forwarded
  }

  /// Forwards one unary call: the engine's answer, or its error.
  func unary<Input: Sendable, Output: Sendable>(
    _ request: ServerRequest<Input>,
    _ call: (ClientRequest<Input>) async throws -> ClientResponse<Output>
  ) async throws -> ServerResponse<Output> {
    do {
      let response = try await call(
        ClientRequest(message: request.message, metadata: Self.forwarded(request.metadata)))
      return ServerResponse(message: try response.message)
    } catch let error as RPCError {
      throw Self.relayed(error)
    }
  }

  /// The engine's error as this server's: same code and message, without the engine's
  /// transport metadata (its trailers are not valid trailers of another response).
  static func relayed(_ error: RPCError) -> RPCError {
    RPCError(code: error.code, message: error.message)
  }
}

/// An engine address that cannot be used.
public struct EngineUpstreamError: Error, CustomStringConvertible {
  /// What is wrong.
  public let message: String
  public var description: String { message }
}
