public import NIOCore

/// Typed forms of the commands the engine uses.
extension RedisClient {
  /// `PING`: round trip; returns the seconds it took.
  public func ping() async throws(RedisError) -> Double {
    let start = ContinuousClock.now
    try await send("PING")
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// `GET key`: the value, or nil when the key does not exist.
  public func get(_ key: String) async throws(RedisError) -> ByteBuffer? {
    try await send("GET", key).bytes
  }

  /// `SET key value [EX seconds]`.
  public func set(_ key: String, _ value: ByteBuffer, expireSeconds: Int? = nil) async throws(RedisError) {
    var arguments = [ByteBuffer(string: key), value]
    if let expireSeconds { arguments += [ByteBuffer(string: "EX"), ByteBuffer(string: String(expireSeconds))] }
    try await send(RedisCommand("SET", bytes: arguments))
  }

  /// `HSET key field value …`: returns the number of fields added (not updated).
  @discardableResult
  public func hset(_ key: String, _ fields: [(field: String, value: ByteBuffer)]) async throws(RedisError) -> Int64 {
    var arguments = [ByteBuffer(string: key)]
    for (field, value) in fields { arguments += [ByteBuffer(string: field), value] }
    return try await send(RedisCommand("HSET", bytes: arguments)).int ?? 0
  }

  /// `HGETALL key`: every field and value (empty when the key does not exist).
  public func hgetall(_ key: String) async throws(RedisError) -> [String: ByteBuffer] {
    let reply = try await send("HGETALL", key)
    guard let pairs = reply.pairs else { throw .unexpectedReply("HGETALL answered \(reply)") }
    var result: [String: ByteBuffer] = [:]
    for pair in pairs {
      guard let field = pair.key.string, let value = pair.value.bytes else { continue }
      result[field] = value
    }
    return result
  }

  /// `EXPIRE key seconds`: true when the key exists.
  @discardableResult
  public func expire(_ key: String, seconds: Int) async throws(RedisError) -> Bool {
    try await send("EXPIRE", key, String(seconds)).int == 1
  }

  /// `PUBLISH channel message`: returns the number of subscribers that received it.
  @discardableResult
  public func publish(_ channel: String, _ message: ByteBuffer) async throws(RedisError) -> Int64 {
    try await send(RedisCommand("PUBLISH", bytes: [ByteBuffer(string: channel), message])).int ?? 0
  }

  /// `XADD key [MAXLEN ~ n] * field value …`: returns the entry id.
  @discardableResult
  public func xadd(
    _ key: String, maxLength: Int? = nil, _ fields: [(field: String, value: ByteBuffer)]
  ) async throws(RedisError) -> String {
    var arguments = [ByteBuffer(string: key)]
    if let maxLength { arguments += ["MAXLEN", "~", String(maxLength)].map { ByteBuffer(string: $0) } }
    arguments.append(ByteBuffer(string: "*"))
    for (field, value) in fields { arguments += [ByteBuffer(string: field), value] }
    let reply = try await send(RedisCommand("XADD", bytes: arguments))
    guard let id = reply.string else { throw .unexpectedReply("XADD answered \(reply)") }
    return id
  }

  /// The server's version, from `INFO server` (e.g. "7.0.15").
  public func serverVersion() async throws(RedisError) -> String {
    let reply = try await send("INFO", "server")
    guard let text = reply.string else { throw .unexpectedReply("INFO answered \(reply)") }
    for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("redis_version:") {
      return String(line.dropFirst("redis_version:".count))
    }
    throw .unexpectedReply("INFO server has no redis_version")
  }
}
