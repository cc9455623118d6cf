/// Where the server's two listeners bind.
///
/// Both bind 127.0.0.1 by default: exposing them is a deliberate configuration choice.
public struct ServerConfiguration: Sendable {
  /// Interface address both listeners bind, e.g. "127.0.0.1" or "0.0.0.0".
  public var host: String
  /// TCP port of the gRPC (HTTP/2) listener; 0 picks a free port.
  public var grpcPort: Int
  /// TCP port of the REST/JSON (HTTP/1.1) listener; 0 picks a free port.
  public var httpPort: Int
  /// Most concurrent HTTP/2 streams per gRPC connection, advertised to clients (swift-nio-http2
  /// otherwise advertises 100, and streams beyond it wait silently on the client).
  public var maxConcurrentStreams: Int
  /// Who may call what (bearer token for state-changing calls).
  public var access: APIAccessPolicy

  /// Creates a configuration; the defaults are the seed's: gRPC on 50051, REST on 8000, loopback.
  public init(
    host: String = "127.0.0.1", grpcPort: Int = 50051, httpPort: Int = 8000, maxConcurrentStreams: Int = 4096,
    access: APIAccessPolicy = APIAccessPolicy()
  ) {
    self.host = host
    self.grpcPort = grpcPort
    self.httpPort = httpPort
    self.maxConcurrentStreams = maxConcurrentStreams
    self.access = access
  }
}
