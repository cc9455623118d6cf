import AutoEngineRedis
import AutoEngineTestSupport
import NIOCore
import Testing

@Suite("Redis pub/sub and reconnection against redis-server")
struct RedisPubSubTests {
  /// The next message event (skipping `.resubscribed`), as (channel, pattern, payload text).
  private func nextMessage(
    _ iterator: inout AsyncStream<RedisPubSubEvent>.Iterator
  ) async -> (String, String?, String)? {
    while let event = await iterator.next() {
      if case .message(let channel, let pattern, let payload) = event {
        return (channel, pattern, String(buffer: payload))
      }
    }
    return nil
  }

  @Test("SUBSCRIBE and PSUBSCRIBE deliver every message in publish order", arguments: [2, 3])
  func subscribe(protocolVersion: Int) async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    var configuration = try RedisConfiguration(testURL: server.url)
    configuration.protocolVersion = protocolVersion
    let subscriber = RedisSubscriber(configuration: configuration)
    defer { subscriber.close() }
    let publisher = RedisClient(configuration: configuration)
    defer { publisher.close() }

    try await subscriber.subscribe(channels: ["news"])
    try await subscriber.subscribe(patterns: ["ticks:*"])
    for index in 0..<100 { #expect(try await publisher.publish("news", ByteBuffer(string: "n\(index)")) == 1) }
    try await publisher.publish("ticks:BTC", ByteBuffer(string: "t"))
    try await publisher.publish("other", ByteBuffer(string: "ignored"))
    try await publisher.publish("news", ByteBuffer(string: "last"))

    var iterator = subscriber.events.makeAsyncIterator()
    for index in 0..<100 {
      let message = await nextMessage(&iterator)
      #expect(message?.0 == "news" && message?.2 == "n\(index)")
    }
    let tick = await nextMessage(&iterator)
    #expect(tick?.0 == "ticks:BTC" && tick?.1 == "ticks:*" && tick?.2 == "t")
    let last = await nextMessage(&iterator)
    #expect(last?.2 == "last")
  }

  @Test("redis-server killed and restarted on the same port: client and subscriber resume")
  func reconnect() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    var configuration = try RedisConfiguration(url: server.url)
    // Long enough for a (re)connect while the whole suite loads the machine (3 s was not); the
    // call made while the server is down fails after it.
    configuration.commandTimeout = 8
    configuration.maximumBackoff = 0.2
    let client = RedisClient(configuration: configuration)
    defer { client.close() }
    let subscriber = RedisSubscriber(configuration: configuration)
    defer { subscriber.close() }

    try await subscriber.subscribe(channels: ["c"])
    try await client.set("before", ByteBuffer(string: "1"))
    var iterator = subscriber.events.makeAsyncIterator()
    try await client.publish("c", ByteBuffer(string: "one"))
    let one = await nextMessage(&iterator)
    #expect(one?.2 == "one")

    server.kill()
    await #expect(throws: RedisError.self) { try await client.send("PING") }
    #expect(!client.isConnected)

    try await server.start()
    // Commands work again once the background reconnect lands (each waits ≤ 3 s for it).
    var pong: RESPValue?
    for _ in 0..<20 where pong == nil { pong = try? await client.send("PING") }
    #expect(pong == .simpleString("PONG"))
    #expect(try await client.get("before") == nil, "the restarted server kept no data (--save '')")

    // The subscriber re-subscribed on its own and says so before new messages.
    var sawResubscribed = false
    while let event = await iterator.next() {
      if case .resubscribed = event {
        sawResubscribed = true
        break
      }
    }
    #expect(sawResubscribed)
    #expect(try await client.publish("c", ByteBuffer(string: "two")) == 1)
    let two = await nextMessage(&iterator)
    #expect(two?.2 == "two")
  }
}
