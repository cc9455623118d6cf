import AutoEngineRedis
import AutoEngineTestSupport
import NIOCore
import NIOPosix
import Testing

/// The Redis layer's event-loop executor: a task that prefers it runs on its loop, before and
/// after suspending, and so does a default actor it calls; a client's and a subscriber's
/// connections, re-made after a drop, stay on the loop their executor names (what lets the
/// replica feed and the engine's publisher run where their connection's bytes arrive).
@Suite("Event-loop task executor")
struct EventLoopExecutorTests {
  private actor Counter {
    var count = 0
    /// Counts one call; whether it ran on `loop`.
    func bump(on loop: any EventLoop) -> Bool {
      count += 1
      return loop.inEventLoop
    }
  }

  @Test func aTaskThatPrefersTheExecutorRunsOnItsLoopAcrossSuspensionsAndActorCalls() async throws {
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let executor = EventLoopTaskExecutor(loop)
    let counter = Counter()
    let (first, afterSleep, inActor, afterActor) = try await withTaskExecutorPreference(executor) {
      let first = loop.inEventLoop
      try await Task.sleep(for: .milliseconds(2))
      let afterSleep = loop.inEventLoop
      let inActor = await counter.bump(on: loop)
      return (first, afterSleep, inActor, loop.inEventLoop)
    }
    #expect(first && afterSleep && inActor && afterActor)
    #expect(await counter.count == 1)
    // Without the preference the same code runs on Swift's pool, not on the loop.
    #expect(!loop.inEventLoop)
  }

  @Test func jobsRunInTheOrderTheyWereEnqueued() async {
    let executor = EventLoopTaskExecutor(MultiThreadedEventLoopGroup.singleton.next())
    let order = await withTaskExecutorPreference(executor) {
      await withTaskGroup(of: Int.self, returning: [Int].self) { group in
        for index in 0..<50 { group.addTask(executorPreference: executor) { index } }
        var seen: [Int] = []
        for await index in group { seen.append(index) }
        return seen
      }
    }
    #expect(order == Array(0..<50))
  }

  @Test func messagesReachAConsumerOnTheSubscribersLoopAlsoAfterAReconnection() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    var configuration = try RedisConfiguration(testURL: server.url)
    configuration.maximumBackoff = 0.2
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let subscriber = RedisSubscriber(configuration: configuration, eventLoop: loop)
    defer { subscriber.close() }
    let client = RedisClient(configuration: configuration)
    defer { client.close() }
    #expect(subscriber.taskExecutor.eventLoop === loop)

    try await subscriber.subscribe(channels: ["c"])
    let received = Task {
      await withTaskExecutorPreference(subscriber.taskExecutor) {
        var seen: [(String, Bool)] = []
        for await event in subscriber.events {
          guard case .message(_, _, let payload) = event else { continue }
          seen.append((String(buffer: payload), loop.inEventLoop))
          if seen.count == 2 { break }
        }
        return seen
      }
    }
    try await client.publish("c", ByteBuffer(string: "before"))
    // Drop the subscriber's connection; it is re-made (on the same loop) and resubscribes.
    try await client.send("CLIENT", "KILL", "TYPE", "pubsub")
    var delivered = 0
    for _ in 0..<100 where delivered == 0 {
      try await Task.sleep(for: .milliseconds(50))
      delivered = Int(try await client.publish("c", ByteBuffer(string: "after")))
    }
    let seen = await received.value
    #expect(seen.map(\.0) == ["before", "after"])
    #expect(seen.allSatisfy { $0.1 }, "every message was handled on the subscriber's loop")
  }

  @Test func aClientPipelinesFromItsOwnLoop() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let client = RedisClient(configuration: try RedisConfiguration(testURL: server.url), eventLoop: loop)
    defer { client.close() }
    let (replies, onLoop) = try await withTaskExecutorPreference(client.taskExecutor) {
      let replies = try await client.pipeline([RedisCommand("SET", "k", "v"), RedisCommand("GET", "k")])
      return (replies, loop.inEventLoop)
    }
    #expect(onLoop)
    #expect(try replies.map { try $0.get() } == [.simpleString("OK"), .bulkString(ByteBuffer(string: "v"))])
  }
}
