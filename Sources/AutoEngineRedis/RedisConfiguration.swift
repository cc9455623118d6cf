import Foundation

/// Where and how to reach a Redis server: address, credentials, TLS, protocol and timeouts.
///
/// Usually built from a URL: `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for
/// TLS. The port defaults to 6379, the database to 0; user and password are percent-decoded.
public struct RedisConfiguration: Sendable, Equatable {
  /// Host name or IP address.
  public var host: String
  /// TCP port (1–65535).
  public var port: Int
  /// ACL user name for `AUTH user password`; nil authenticates as `default` (password only).
  public var username: String?
  /// Password for AUTH; nil sends no AUTH.
  public var password: String?
  /// Logical database selected after connecting (0–15 on a default server).
  public var database: Int
  /// Whether the connection uses TLS (`rediss://`).
  public var useTLS: Bool
  /// Verify the server's certificate (against `trustRootsPath`, or the system roots).
  public var verifyCertificate: Bool
  /// PEM file of the certificate authorities to trust instead of the system roots (a private
  /// CA or a self-signed server); nil uses the system roots.
  public var trustRootsPath: String?
  /// RESP protocol version: 2 (default, any Redis) or 3 (`HELLO 3`, Redis ≥ 6).
  public var protocolVersion: Int
  /// Seconds allowed for one TCP (and TLS) connect attempt.
  public var connectTimeout: Double
  /// Seconds a command may wait for its reply (and for a connection) before failing with
  /// `RedisError.timeout`.
  public var commandTimeout: Double
  /// First reconnect delay after a failed attempt, seconds; doubles per attempt.
  public var initialBackoff: Double
  /// Longest reconnect delay, seconds.
  public var maximumBackoff: Double

  /// Creates a configuration; every argument but the host defaults to Redis' usual value.
  public init(
    host: String = "127.0.0.1", port: Int = 6379, username: String? = nil, password: String? = nil,
    database: Int = 0, useTLS: Bool = false, verifyCertificate: Bool = true, trustRootsPath: String? = nil,
    protocolVersion: Int = 2,
    connectTimeout: Double = 2, commandTimeout: Double = 5, initialBackoff: Double = 0.05, maximumBackoff: Double = 2
  ) {
    self.host = host
    self.port = port
    self.username = username
    self.password = password
    self.database = database
    self.useTLS = useTLS
    self.verifyCertificate = verifyCertificate
    self.trustRootsPath = trustRootsPath
    self.protocolVersion = protocolVersion
    self.connectTimeout = connectTimeout
    self.commandTimeout = commandTimeout
    self.initialBackoff = initialBackoff
    self.maximumBackoff = maximumBackoff
  }

  /// Parses a `redis://` or `rediss://` URL.
  ///
  /// - Throws: `RedisError.invalidURL` naming the part that is wrong (scheme, host, port,
  ///   database).
  public init(url text: String) throws(RedisError) {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
      throw .invalidURL("'\(text)' is not a URL; expected redis://host:port or rediss://host:port")
    }
    guard scheme == "redis" || scheme == "rediss" else {
      throw .invalidURL("'\(text)' has scheme '\(scheme)'; expected redis:// (plain) or rediss:// (TLS)")
    }
    guard let host = components.host, !host.isEmpty else {
      throw .invalidURL("'\(text)' names no host; expected e.g. redis://127.0.0.1:6379")
    }
    // URLComponents rejects non-numeric ports itself; a parsed port must still be in range.
    let port = components.port ?? 6379
    guard (1...65535).contains(port) else {
      throw .invalidURL("'\(text)' has port \(port); expected 1–65535")
    }
    var database = 0
    let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    if !path.isEmpty {
      guard let number = Int(path), number >= 0 else {
        throw .invalidURL("'\(text)' has path '/\(path)'; the path is the database number, e.g. /0")
      }
      database = number
    }
    let user = components.user?.removingPercentEncoding
    self.init(
      host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: port,
      username: (user?.isEmpty ?? true) ? nil : user, password: components.password?.removingPercentEncoding,
      database: database, useTLS: scheme == "rediss")
    if let query = components.queryItems {
      for item in query where item.name == "protocol" {
        guard let version = item.value.flatMap(Int.init), version == 2 || version == 3 else {
          throw .invalidURL("'\(text)' asks for protocol '\(item.value ?? "")'; expected 2 or 3")
        }
        protocolVersion = version
      }
    }
  }

  /// `host:port`, for logs and status (never the password).
  public var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  /// The URL without the password (for logs and status).
  public var redactedURL: String {
    let credentials = password == nil ? (username.map { "\($0)@" } ?? "") : "\(username ?? ""):***@"
    return "\(useTLS ? "rediss" : "redis")://\(credentials)\(address)/\(database)"
  }
}
