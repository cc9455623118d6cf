/// How the gRPC and REST listeners are exposed (`server.*`).
///
/// Defaults: both listeners on loopback (gRPC 50051, REST 8000), 1 MiB request bodies, plaintext,
/// no CORS origins, read-only calls open, no API token (so state-changing calls are refused).
public struct ServerSettings: Hashable, Sendable {
  /// `server.host`: interface address both listeners bind (default `127.0.0.1`; `0.0.0.0`
  /// exposes them to the network).
  public var host: String
  /// `server.grpc_port`: TCP port of the gRPC listener, 0…65535, 0 picks a free port
  /// (default 50051).
  public var grpcPort: Int
  /// `server.http_port`: TCP port of the REST/JSON listener, 0…65535, 0 picks a free port
  /// (default 8000).
  public var httpPort: Int
  /// `server.max_request_bytes`: largest request body either listener accepts, in bytes, > 0
  /// (default 1 MiB = 1,048,576).
  public var maxRequestBytes: Int
  /// `server.tls_cert`: path of the PEM certificate chain; empty serves plaintext (default empty).
  /// Set together with `tlsKeyPath`.
  public var tlsCertificatePath: String
  /// `server.tls_key`: path of the PEM private key of `tlsCertificatePath`; empty serves plaintext
  /// (default empty).
  public var tlsKeyPath: String
  /// `server.cors_origins`: browser origins the REST listener allows (`https://host[:port]`, or
  /// `*` for any); empty allows none (default).
  public var corsOrigins: [String]
  /// `server.require_token_for_reads`: whether read-only calls need the API token too
  /// (default false).
  public var requireTokenForReads: Bool
  /// `server.api_token`: bearer token that state-changing calls must present; `nil` refuses them.
  /// `AUTOENGINE_API_TOKEN` overrides the file.
  public var apiToken: SecretText?

  /// Creates server settings; every argument defaults to the documented default.
  public init(
    host: String = "127.0.0.1", grpcPort: Int = 50051, httpPort: Int = 8000,
    maxRequestBytes: Int = 1 << 20, tlsCertificatePath: String = "", tlsKeyPath: String = "",
    corsOrigins: [String] = [], requireTokenForReads: Bool = false, apiToken: SecretText? = nil
  ) {
    self.host = host
    self.grpcPort = grpcPort
    self.httpPort = httpPort
    self.maxRequestBytes = maxRequestBytes
    self.tlsCertificatePath = tlsCertificatePath
    self.tlsKeyPath = tlsKeyPath
    self.corsOrigins = corsOrigins
    self.requireTokenForReads = requireTokenForReads
    self.apiToken = apiToken
  }

  /// Whether both listeners serve TLS (a certificate and a key are configured).
  public var usesTLS: Bool { !tlsCertificatePath.isEmpty && !tlsKeyPath.isEmpty }
}
