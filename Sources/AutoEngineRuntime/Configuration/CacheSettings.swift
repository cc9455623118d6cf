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
  /// `cache.redis_prefix`: prefix of every Redis key and channel the server uses (default
  /// `autoengine:`), so that several deployments can share one Redis.
  public var redisPrefix: String

  /// Creates cache settings; every argument defaults to the documented default.
  public init(
    backend: CacheBackend = .memory, redisURL: String = "redis://127.0.0.1:6379", redisPrefix: String = "autoengine:"
  ) {
    self.backend = backend
    self.redisURL = redisURL
    self.redisPrefix = redisPrefix
  }
}

/// Where the shared cache is kept; the raw value is the configuration spelling.
public enum CacheBackend: String, CaseIterable, Hashable, Sendable {
  /// In process; nothing survives a restart (the default).
  case memory
  /// In Redis at `cache.redis_url`.
  case redis
}
