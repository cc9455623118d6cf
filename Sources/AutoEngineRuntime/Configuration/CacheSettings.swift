/// Where the shared cache lives (`cache.*`).
///
/// Defaults: in process (`memory`); `redis` persists coin state, price history and indicator
/// warm-up state, and feeds API replicas.
public struct CacheSettings: Hashable, Sendable {
  /// `cache.backend`: `memory` (default) or `redis`.
  public var backend: CacheBackend
  /// `cache.redis_url`: the Redis server for the `redis` backend, `redis://` or `rediss://` (TLS)
  /// (default `redis://127.0.0.1:6379`).
  public var redisURL: String

  /// Creates cache settings; every argument defaults to the documented default.
  public init(backend: CacheBackend = .memory, redisURL: String = "redis://127.0.0.1:6379") {
    self.backend = backend
    self.redisURL = redisURL
  }
}

/// Where the shared cache is kept; the raw value is the configuration spelling.
public enum CacheBackend: String, CaseIterable, Hashable, Sendable {
  /// In process; nothing survives a restart (the default).
  case memory
  /// In Redis at `cache.redis_url`.
  case redis
}
