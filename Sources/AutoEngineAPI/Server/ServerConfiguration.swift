/// Where the server's two listeners bind, and how they protect themselves.
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
  /// The certificate and key both listeners serve TLS with; nil serves plaintext.
  public var tls: TLSIdentity?
  /// Largest request either listener accepts, in bytes, > 0: a gRPC request message larger than
  /// this fails RESOURCE_EXHAUSTED, a REST body larger than this answers 413 (default 1 MiB).
  public var maxRequestBytes: Int
  /// Browser origins the REST listener allows cross-origin calls from (`https://host[:port]`, or
  /// `*` for any); empty sends no CORS headers at all (default).
  public var corsOrigins: [String]
  /// Where the trading calls and StartSystem/StopSystem of both listeners act: the local engine
  /// (default), or on an API replica the engine they are forwarded to over gRPC.
  public var engineLocation: EngineLocation = .local

  /// Creates a configuration; the defaults are the seed's: gRPC on 50051, REST on 8000, loopback,
  /// plaintext, 1 MiB requests, no CORS.
  public init(
    host: String = "127.0.0.1", grpcPort: Int = 50051, httpPort: Int = 8000, maxConcurrentStreams: Int = 4096,
    access: APIAccessPolicy = APIAccessPolicy(), tls: TLSIdentity? = nil, maxRequestBytes: Int = 1 << 20,
    corsOrigins: [String] = []
  ) {
    self.host = host
    self.grpcPort = grpcPort
    self.httpPort = httpPort
    self.maxConcurrentStreams = maxConcurrentStreams
    self.access = access
    self.tls = tls
    self.maxRequestBytes = maxRequestBytes
    self.corsOrigins = corsOrigins
  }

  /// The URL scheme both listeners serve: "https" with TLS, else "http".
  var scheme: String { tls == nil ? "http" : "https" }
}
