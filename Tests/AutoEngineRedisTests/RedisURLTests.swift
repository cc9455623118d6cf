import Testing

@testable import AutoEngineRedis

@Suite("Redis URLs")
struct RedisURLTests {
  @Test("redis:// with user, password, port and database")
  func fullURL() throws {
    let configuration = try RedisConfiguration(url: "redis://alice:p%40ss@cache.local:6380/2")
    #expect(configuration.host == "cache.local")
    #expect(configuration.port == 6380)
    #expect(configuration.username == "alice")
    #expect(configuration.password == "p@ss")
    #expect(configuration.database == 2)
    #expect(!configuration.useTLS)
    #expect(configuration.redactedURL == "redis://alice:***@cache.local:6380/2")
  }

  @Test("defaults: port 6379, database 0, no credentials; rediss:// means TLS; ?protocol=3")
  func defaults() throws {
    let plain = try RedisConfiguration(url: "redis://127.0.0.1")
    #expect(plain.port == 6379)
    #expect(plain.database == 0)
    #expect(plain.username == nil && plain.password == nil)
    let tls = try RedisConfiguration(url: "rediss://:secret@redis.example.com?protocol=3")
    #expect(tls.useTLS)
    #expect(tls.username == nil)
    #expect(tls.password == "secret")
    #expect(tls.protocolVersion == 3)
  }

  @Test(
    "bad URLs fail naming the wrong part",
    arguments: [
      ("http://127.0.0.1:6379", "scheme 'http'"),
      ("redis://", "names no host"),
      ("redis://127.0.0.1:70000", "port 70000"),
      ("redis://127.0.0.1:6379/cache", "database number"),
      ("redis://127.0.0.1?protocol=4", "protocol '4'"),
      ("not a url", "not a URL"),
    ])
  func badURLs(url: String, expected: String) {
    #expect {
      _ = try RedisConfiguration(url: url)
    } throws: { error in
      guard case .invalidURL(let detail) = error as? RedisError else { return false }
      return detail.contains(expected)
    }
  }
}
