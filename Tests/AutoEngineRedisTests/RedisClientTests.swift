import AutoEngineRedis
import AutoEngineTestSupport
import Foundation
import NIOCore
import Testing

/// The client against a real `redis-server` started for each test.
@Suite("Redis client against redis-server")
struct RedisClientTests {
  @Test("strings, hashes, streams and expiry")
  func commands() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url))
    defer { client.close() }

    try await client.set("greeting", ByteBuffer(string: "hello"))
    #expect(try await client.get("greeting").map { String(buffer: $0) } == "hello")
    #expect(try await client.get("missing") == nil)

    #expect(
      try await client.hset("coin", [("price", ByteBuffer(string: "1.5")), ("bid", ByteBuffer(string: "1.4"))]) == 2)
    let fields = try await client.hgetall("coin").mapValues { String(buffer: $0) }
    #expect(fields == ["price": "1.5", "bid": "1.4"])

    let first = try await client.xadd("ticks", maxLength: 100, [("price", ByteBuffer(string: "1"))])
    let second = try await client.xadd("ticks", [("price", ByteBuffer(string: "2"))])
    #expect(first < second)
    #expect(try await client.send("XLEN", "ticks").int == 2)

    #expect(try await client.expire("coin", seconds: 100))
    let ttl = try await client.send("TTL", "coin").int ?? -1
    #expect(ttl > 0 && ttl <= 100)
    #expect(try await client.expire("missing", seconds: 100) == false)
    try await client.set("short", ByteBuffer(string: "x"), expireSeconds: 50)
    #expect((try await client.send("TTL", "short").int ?? -1) > 0)
    #expect(try await client.serverVersion().hasPrefix(""))
    #expect(try await client.ping() >= 0)
  }

  @Test("a pipeline's replies come back in command order, with error replies in place")
  func pipelining() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url))
    defer { client.close() }

    let commands = (0..<500).map { _ in RedisCommand("INCR", "counter") } + [RedisCommand("HGET", "counter", "x")]
    let replies = try await client.pipeline(commands)
    #expect(replies.count == 501)
    #expect(replies.prefix(500).map { try? $0.get().int } == (1...500).map { Int64($0) })
    guard case .failure(let error) = replies[500] else {
      Issue.record("HGET on a string must fail")
      return
    }
    #expect(error.serverCode == "WRONGTYPE")
  }

  @Test("enqueued pipelines are written before their replies are awaited, and answered in order")
  func enqueuedPipelines() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url))
    defer { client.close() }

    let first = try await client.enqueue((0..<100).map { _ in RedisCommand("INCR", "n") })
    let second = try await client.enqueue([RedisCommand("INCR", "n"), RedisCommand("HGET", "n", "x")])
    // The second write's reply is awaited first: the first's commands already ran.
    let later = try await second.replies()
    #expect(try later[0].get().int == 101)
    #expect(throws: RedisError.self) { try later[1].get() }
    #expect(try await first.replies().map { try $0.get().int } == (1...100).map { Int64($0) })
    #expect(try await client.enqueue([]).replies().isEmpty)
  }

  @Test("many concurrent callers on the one connection each get their own reply")
  func multiplexing() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url))
    defer { client.close() }

    try await withThrowingTaskGroup { group in
      for index in 0..<200 {
        group.addTask {
          try await client.set("key:\(index)", ByteBuffer(string: "value \(index)"))
          let value = try await client.get("key:\(index)").map { String(buffer: $0) }
          #expect(value == "value \(index)")
        }
      }
      try await group.waitForAll()
    }
  }

  @Test("error replies are typed errors and leave the connection usable")
  func errorReplies() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url))
    defer { client.close() }

    try await client.set("text", ByteBuffer(string: "x"))
    await #expect(throws: RedisError.self) { try await client.send("HSET", "text", "f", "v") }
    do throws(RedisError) {
      try await client.send("NOSUCHCOMMAND")
      Issue.record("an unknown command must fail")
    } catch {
      #expect(error.serverCode == "ERR")
      #expect(error.description.contains("unknown command"))
    }
    #expect(try await client.send("PING") == .simpleString("PONG"))
  }

  @Test("a reply slower than the command timeout fails with .timeout; the next command reconnects")
  func commandTimeout() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    var configuration = try RedisConfiguration(url: server.url)
    // 1 s: the first command also waits up to this long for the connection, which on a loaded
    // machine can take a few hundred milliseconds; BLPOP blocks for 5 s, well beyond it.
    configuration.commandTimeout = 1
    let client = RedisClient(configuration: configuration)
    defer { client.close() }

    do throws(RedisError) {
      try await client.send("BLPOP", "empty-list", "5")
      Issue.record("BLPOP for 5 s must time out after 1 s")
    } catch {
      #expect(error == .timeout(1))
    }
    var pong: RESPValue?
    for _ in 0..<10 where pong == nil { pong = try? await client.send("PING") }
    #expect(pong == .simpleString("PONG"))
  }

  @Test("RESP3 (HELLO 3): hashes come back as maps")
  func resp3() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url + "?protocol=3"))
    defer { client.close() }

    try await client.hset("h", [("a", ByteBuffer(string: "1"))])
    let reply = try await client.send("HGETALL", "h")
    guard case .map(let pairs) = reply else {
      Issue.record("RESP3 HGETALL must be a map, got \(reply)")
      return
    }
    #expect(pairs == [RESPPair(key: .bulkString(ByteBuffer(string: "a")), value: .bulkString(ByteBuffer(string: "1")))])
    #expect(try await client.hgetall("h").mapValues { String(buffer: $0) } == ["a": "1"])
  }

  @Test("AUTH: password and ACL user; wrong or missing credentials are typed errors")
  func authentication() async throws {
    let server = try await RedisTestServer(arguments: ["--requirepass", "s3cret"])
    defer { server.stop() }

    let anonymous = RedisClient(configuration: try RedisConfiguration(testURL: server.url))
    defer { anonymous.close() }
    do throws(RedisError) {
      try await anonymous.send("GET", "x")
      Issue.record("a command without AUTH must fail")
    } catch {
      #expect(error.serverCode == "NOAUTH")
    }

    let admin = RedisClient(configuration: try RedisConfiguration(testURL: "redis://:s3cret@127.0.0.1:\(server.port)"))
    defer { admin.close() }
    try await admin.connect()
    try await admin.send("ACL", "SETUSER", "alice", "on", ">alicepw", "~*", "&*", "+@all")

    let alice = RedisClient(
      configuration: try RedisConfiguration(testURL: "redis://alice:alicepw@127.0.0.1:\(server.port)/1"))
    defer { alice.close() }
    #expect(try await alice.send("ACL", "WHOAMI").string == "alice")

    let wrong = RedisClient(
      configuration: try RedisConfiguration(testURL: "redis://alice:nope@127.0.0.1:\(server.port)"))
    defer { wrong.close() }
    do throws(RedisError) {
      try await wrong.connect()
      Issue.record("a wrong password must fail")
    } catch {
      #expect(error.serverCode == "WRONGPASS")
    }
  }

  @Test("no server: connect fails at once with .unavailable naming the address")
  func unavailable() async throws {
    let port = try RedisTestServer.freeLoopbackPort()
    var configuration = try RedisConfiguration(url: "redis://127.0.0.1:\(port)")
    configuration.commandTimeout = 0.5
    let client = RedisClient(configuration: configuration)
    defer { client.close() }
    do throws(RedisError) {
      try await client.connect()
      Issue.record("connect must fail")
    } catch {
      guard case .unavailable(let reason) = error else {
        Issue.record("expected .unavailable, got \(error)")
        return
      }
      #expect(reason.contains("127.0.0.1:\(port)"))
    }
    await #expect(throws: RedisError.self) { try await client.send("PING") }
  }
}

@Suite("Redis over TLS against redis-server")
struct RedisTLSTests {
  @Test("rediss:// with the server's self-signed certificate as trust root")
  func tls() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("redis-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let certificate = directory.appendingPathComponent("cert.pem").path
    let key = directory.appendingPathComponent("key.pem").path
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    openssl.arguments = [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    #expect(openssl.terminationStatus == 0)

    let server = try await RedisTestServer(tls: (certificate, key))
    defer { server.stop() }
    var configuration = try RedisConfiguration(testURL: "rediss://127.0.0.1:\(server.port)")
    configuration.trustRootsPath = certificate
    let client = RedisClient(configuration: configuration)
    defer { client.close() }
    try await client.set("secure", ByteBuffer(string: "yes"))
    #expect(try await client.get("secure").map { String(buffer: $0) } == "yes")

    // Plain RESP to a TLS port gets no answer: the TLS option is what makes it work.
    var plain = try RedisConfiguration(url: "redis://127.0.0.1:\(server.port)")
    plain.commandTimeout = 0.5
    let insecure = RedisClient(configuration: plain)
    defer { insecure.close() }
    await #expect(throws: RedisError.self) { try await insecure.send("PING") }
  }
}
