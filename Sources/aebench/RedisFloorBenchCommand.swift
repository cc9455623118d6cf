import ArgumentParser
import AutoEngineRedis
import AutoEngineTestSupport
import Foundation
import NIOCore
import NIOPosix

/// `aebench redis-floor`: the least a Redis hop can cost on this machine — PUBLISH of an opaque
/// payload the size of a tick message, to a subscriber on its own event loop, nothing encoded or
/// decoded on either side.
///
/// `aebench redis-hop` and the replicated fan-out measure the hop with the engine's encoding
/// and a replica's decoding, mapping, cache and hub in it; this measures what is left without
/// them (two hand-overs between processes — client → redis-server → client — and the copies),
/// so the difference is what the project's code adds, and this figure bounds what any code
/// could reach here.
struct RedisFloorBenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "redis-floor",
    abstract: "PUBLISH → subscriber latency of bare payloads through redis-server: the Redis hop's floor.",
    discussion: """
      Starts its own redis-server (Debian's package) on a free loopback port. The publisher and \
      the subscriber each have an event loop of their own (as two servers would); a message's \
      latency is from just before its PUBLISH is written to its arrival on the subscriber's loop \
      (one monotonic clock, one process).
        swift run -c release aebench redis-floor --size 20000 --rate 1 --seconds 60
      """)

  @Option(help: "Payload bytes per message (a tick of ~17 coin states is ~20,000).")
  var size = 20_000

  @Option(help: "Messages per second (the engine publishes one tick per price interval, 1 s by default).")
  var rate = 1.0

  @Option(help: "Seconds to measure.")
  var seconds = 60.0

  func validate() throws {
    guard size > 0, size <= 1 << 24 else { throw ValidationError("--size must be 1 byte – 16 MiB") }
    guard rate > 0, rate <= 10_000 else { throw ValidationError("--rate must be 0–10000 messages per second") }
    guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
  }

  func run() async throws {
    let server = try await RedisTestServer()
    defer { server.stop() }
    let configuration = try RedisConfiguration(url: server.url)
    let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    let publisher = RedisClient(configuration: configuration, eventLoop: loops.next())
    let subscriber = RedisSubscriber(configuration: configuration, eventLoop: loops.next())
    try await subscriber.subscribe(channels: ["floor"])
    try await publisher.connect()

    let count = max(1, Int(seconds * rate))
    // The subscriber's side: arrival time of each message, by its number (first 8 bytes).
    let arrivals = Task {
      await withTaskExecutorPreference(subscriber.taskExecutor) {
        var arrived = [ContinuousClock.Instant?](repeating: nil, count: count)
        var received = 0
        for await event in subscriber.events {
          guard case .message(_, _, let payload) = event,
            let index = payload.getInteger(at: payload.readerIndex, as: UInt64.self), index < count
          else { continue }
          arrived[Int(index)] = .now
          received += 1
          if received == count { break }
        }
        return arrived
      }
    }
    var sent: [ContinuousClock.Instant] = []
    sent.reserveCapacity(count)
    let period = Duration.nanoseconds(Int64(1e9 / rate))
    var next = ContinuousClock.now
    for index in 0..<count {
      var payload = ByteBuffer(repeating: 0x78, count: size)
      payload.setInteger(UInt64(index), at: payload.readerIndex)
      sent.append(.now)
      try await publisher.publish("floor", payload)
      next += period
      try await Task.sleep(until: next, clock: .continuous)
    }
    // Whatever has not arrived a second after the last send is counted as lost.
    try await Task.sleep(for: .seconds(1))
    subscriber.close()
    let arrived = await arrivals.value
    var samples: [Int64] = []
    for (index, time) in arrived.enumerated() {
      guard let time else { continue }
      let latency = time - sent[index]
      samples.append(latency.components.seconds * 1_000_000_000 + latency.components.attoseconds / 1_000_000_000)
    }
    publisher.close()
    try await loops.shutdownGracefully()
    let summary = LatencySummary(nanoseconds: samples)
    print(
      "Redis floor: \(size)-byte PUBLISH → subscriber through \(configuration.address), \(rate.formatted(1)) messages/s, \(seconds.formatted(0)) s (\(MachineDescription.current))"
    )
    print(
      "  µs: p50 \(summary.p50.formatted(1)) p90 \(summary.p90.formatted(1)) p99 \(summary.p99.formatted(1)) max \(summary.max.formatted(1)) over \(summary.count) messages; lost \(count - samples.count)"
    )
  }
}
