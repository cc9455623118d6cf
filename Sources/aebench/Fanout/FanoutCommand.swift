import ArgumentParser
import AutoEngineAPI
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import Synchronization

/// `aebench fanout`: N `WatchCoinStates` subscribers over C HTTP/2 connections to a real
/// `autoengine serve`, the engine ticking all 40 coins once per second; tick-to-delivery latency,
/// lost / out-of-order messages, conflation and server memory.
struct FanoutCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fanout",
    abstract: "N WatchCoinStates subscribers over C connections; tick-to-delivery latency, losses, server RSS.",
    discussion: """
      Starts the `autoengine` built next to this aebench as a child process (`serve --market \
      simulated`, free ports, prices every --interval seconds), unless --server names a running \
      one. Opens --connections HTTP/2 connections and spreads --subscribers streams over them, waits \
      until every stream has its snapshot, lets --warmup seconds pass, then measures --duration \
      seconds: the latency from the tick time in each message to its arrival (same host, wall \
      clock), sequence gaps and reorderings (must be 0), ticks missed by subscribers that kept up \
      (must be 0), updates conflated for slow subscribers, and the server's resident memory \
      (/proc/<pid>/status VmHWM and VmRSS) and CPU time. Use release builds:

        swift build -c release --product aebench --product autoengine
        .build/release/aebench fanout --subscribers 10000 --connections 100 --duration 30

      With --replicas R: starts a private redis-server (Debian's) on a free loopback port, one \
      `serve --role engine` publishing to it and R `serve --role api` replicas fed from it, spreads \
      --subscribers over the replicas and --engine-subscribers on the engine itself, and reports \
      each server's tick-to-delivery, RSS and CPU, Redis's, and the Redis hop. The hop is exact \
      per tick, from the send times the servers write into each message (`sent_at`, one wall \
      clock on one host): the replica's earliest send of a tick minus the engine's earliest send \
      of the same tick, one sample per tick and replica (so --engine-subscribers must be ≥ 1). \
      It covers the engine's publisher, Redis and the replica's feed, not the servers' fan-out to \
      their own subscribers nor this load generator. Messages/s: PUBLISH calls into Redis (INFO \
      commandstats) and ticks delivered out of it (distinct ticks each replica's streams got); \
      bytes/s from INFO's total_net_input/output_bytes. At one tick per second, a 60 s run gives \
      about 60 hop samples per replica:

        .build/release/aebench fanout --replicas 2 --subscribers 1000 --connections 20 --duration 60
      """)

  @Option(help: "Concurrent WatchCoinStates streams.")
  var subscribers = 1_000

  @Option(help: "HTTP/2 connections the streams are spread over (round robin).")
  var connections = 100

  @Option(help: "Measured seconds, after warm-up.")
  var duration = 30.0

  @Option(help: "Seconds between the last snapshot and the start of measurement.")
  var warmup = 5.0

  @Option(
    help: "Seconds between engine ticks of the started server (its price interval and simulated step; divides 60).")
  var interval = 1

  @Option(help: "Use this running server (host:port of its gRPC listener) instead of starting one.")
  var server: String?

  @Option(help: "The autoengine executable to start (default: the one next to aebench).")
  var autoengine: String?

  @Option(help: "HTTP/2 flow-control window the client grants, bytes (default 8 MiB, grpc-swift's).")
  var window = 8 * 1024 * 1024

  @Option(
    help:
      "API replicas fed through a private Redis (0: one --role all server). --subscribers are spread over them.")
  var replicas = 0

  @Option(help: "With --replicas: streams on the engine itself, the Redis hop's reference (≥ 1).")
  var engineSubscribers = 10

  @Flag(help: "Print one tab-separated result line only (for scripts/bench.sh).")
  var tsv = false

  func validate() throws {
    guard subscribers > 0, connections > 0, duration > 0, warmup >= 0 else {
      throw ValidationError("--subscribers, --connections and --duration must be positive")
    }
    guard 60 % max(1, interval) == 0, interval > 0 else { throw ValidationError("--interval must divide 60") }
    guard replicas >= 0, replicas == 0 || (server == nil && engineSubscribers >= 1) else {
      throw ValidationError("--replicas starts its own servers (no --server) and needs --engine-subscribers ≥ 1")
    }
    guard (subscribers + connections - 1) / connections <= 4096 else {
      throw ValidationError("at most 4096 streams per connection (the server's max concurrent streams)")
    }
  }

  func run() async throws {
    if replicas > 0 {
      try await runReplicated()
      return
    }
    var child: ServerProcess?
    let target: (host: String, port: Int)
    if let server {
      guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]) else {
        throw ValidationError("--server '\(server)' is not host:port")
      }
      target = (String(server[..<colon]), port)
    } else {
      let started = try await ServerProcess(executable: executable, settings: serverSettings)
      child = started
      target = ("127.0.0.1", started.grpcPort)
    }
    do {
      let run = try await measure([
        FanoutTarget(
          name: "server", host: target.host, port: target.port, server: child, subscribers: subscribers,
          connections: connections)
      ])
      await child?.stop()
      let report = FanoutReport(run, subscribers: subscribers, connections: connections, duration: duration)
      print(tsv ? report.tsv : report.text)
    } catch {
      await child?.stop()
      throw error
    }
  }

  /// The `--replicas` run: Redis, one engine, the replicas; streams on each.
  private func runReplicated() async throws {
    let topology = try await ReplicaTopology(replicas: replicas, executable: executable, settings: serverSettings)
    do {
      var targets: [FanoutTarget] = []
      // The engine is always a target (its CPU and memory are measured), with or without streams.
      targets.append(
        FanoutTarget(
          name: "engine", host: "127.0.0.1", port: topology.engine.grpcPort, server: topology.engine,
          subscribers: engineSubscribers, connections: Self.share(connections, of: engineSubscribers, in: subscribers)))
      for (index, replica) in topology.replicas.enumerated() {
        let count = subscribers / replicas + (index < subscribers % replicas ? 1 : 0)
        targets.append(
          FanoutTarget(
            name: "replica \(index + 1)", host: "127.0.0.1", port: replica.grpcPort, server: replica,
            subscribers: count, connections: Self.share(connections, of: count, in: subscribers)))
      }
      let run = try await measure(targets, topology: topology)
      await topology.stop()
      let report = FanoutReport(run, subscribers: subscribers, connections: connections, duration: duration)
      print(tsv ? report.tsv : report.text)
    } catch {
      await topology.stop()
      throw error
    }
  }

  /// The executable to start.
  private var executable: URL { autoengine.map { URL(fileURLWithPath: $0) } ?? ServerProcess.siblingExecutable() }

  /// The settings of every started server.
  private var serverSettings: [String] {
    ["fetch.price_fetch_interval=\(interval)", "market.step_seconds=\(interval)"]
  }

  /// Connections for `count` of `total` streams, `connections` in all: the same streams per
  /// connection as the whole run, at least one.
  static func share(_ connections: Int, of count: Int, in total: Int) -> Int {
    guard count > 0 else { return 0 }
    return max(1, Int((Double(connections) * Double(count) / Double(max(1, total))).rounded()))
  }

  private func measure(_ targets: [FanoutTarget], topology: ReplicaTopology? = nil) async throws -> FanoutRun {
    let config = { (config: inout HTTP2ClientTransport.Posix.Config) in
      config.http2.maxFrameSize = 1 << 20
      config.http2.targetWindowSize = window
    }
    // Streams of each target over that target's own connections, round robin.
    var clients: [GRPCClient<HTTP2ClientTransport.Posix>] = []
    var streamPlan: [(target: Int, client: Int)] = []
    for (index, target) in targets.enumerated() {
      let first = clients.count
      for _ in 0..<target.connections {
        clients.append(
          GRPCClient(
            transport: try HTTP2ClientTransport.Posix(
              target: .ipv4(address: target.host, port: target.port), transportSecurity: .plaintext,
              config: .defaults(configure: config))))
      }
      for stream in 0..<target.subscribers { streamPlan.append((index, first + stream % target.connections)) }
    }
    let total = streamPlan.count
    let progress = RunProgress()
    let servers = targets.map(\.server)
    return try await withThrowingTaskGroup(of: Void.self) { connectionTasks in
      for client in clients { connectionTasks.addTask { try await client.runConnections() } }
      defer { for client in clients { client.beginGracefulShutdown() } }
      let run = try await withThrowingTaskGroup(of: (Int, StreamTally).self) { streams in
        for (target, clientIndex) in streamPlan {
          let client = clients[clientIndex]
          streams.addTask {
            do {
              return (
                target,
                try await client.serverStreaming(
                  request: ClientRequest(message: Autoengine_V1_WatchCoinStatesRequest()),
                  descriptor: Autoengine_V1_CoinStateService.Method.WatchCoinStates.descriptor,
                  serializer: ProtobufSerializer<Autoengine_V1_WatchCoinStatesRequest>(),
                  deserializer: UpdateHeaderDeserializer(), options: .defaults
                ) { response in
                  var tally = StreamTally()
                  for try await header in response.messages {
                    tally.record(header, receivedAt: WallTime.nanoseconds())
                    if header.snapshot { progress.snapshots.add(1, ordering: .relaxed) }
                    if progress.stop.load(ordering: .relaxed) { break }
                  }
                  return tally
                }
              )
            } catch {
              progress.failures.add(1, ordering: .relaxed)
              return (target, StreamTally())
            }
          }
        }
        // Every stream has its snapshot (or give up after a minute per 10,000 streams).
        let setupStart = ContinuousClock.now
        let setupLimit = Duration.seconds(max(60, total / 10_000 * 60))
        while progress.snapshots.load(ordering: .relaxed) < total, ContinuousClock.now - setupStart < setupLimit {
          try await Task.sleep(for: .milliseconds(50))
        }
        var run = FanoutRun(targets: targets)
        run.connected = progress.snapshots.load(ordering: .relaxed)
        run.setupSeconds = (ContinuousClock.now - setupStart).seconds
        try await Task.sleep(for: .seconds(warmup))
        let redisStart = try await topology?.info()
        let redisPID = Int32(redisStart?.int("process_id") ?? 0)
        let windowStart = WallTime.nanoseconds()
        let cpuStart = servers.map { $0?.cpuSeconds ?? 0 }
        let redisCPUStart = ProcStatus.cpuSeconds(of: redisPID)
        var peakRSS = servers.map { _ in 0 }
        let measureStart = ContinuousClock.now
        while (ContinuousClock.now - measureStart).seconds < duration {
          try await Task.sleep(for: .milliseconds(500))
          for (index, server) in servers.enumerated() {
            peakRSS[index] = max(peakRSS[index], server?.memory.current ?? 0)
          }
          if topology != nil { run.redisRSS = max(run.redisRSS, ProcStatus.memory(of: redisPID).current) }
        }
        let windowEnd = WallTime.nanoseconds()
        let measured = (ContinuousClock.now - measureStart).seconds
        let redisEnd = try await topology?.info()
        run.window = windowStart...windowEnd
        for (index, server) in servers.enumerated() {
          let memory = server?.memory
          run.servers[index].cores = ((server?.cpuSeconds ?? 0) - cpuStart[index]) / measured
          run.servers[index].peakRSS = memory?.peak ?? 0
          run.servers[index].rss = max(peakRSS[index], memory?.current ?? 0)
        }
        if let redisStart, let redisEnd {
          run.redisCores = (ProcStatus.cpuSeconds(of: redisPID) - redisCPUStart) / measured
          run.redisInfo = (redisStart, redisEnd, measured)
        }
        // Ticks up to the window's end may still be in flight: collect for two more intervals.
        try await Task.sleep(for: .seconds(2 * interval))
        progress.stop.store(true, ordering: .relaxed)
        for try await (target, tally) in streams { run.servers[target].tallies.append(tally) }
        run.failedStreams = progress.failures.load(ordering: .relaxed)
        return run
      }
      connectionTasks.cancelAll()
      return run
    }
  }
}

/// Counters the streams share with the command while it runs.
final class RunProgress: Sendable {
  /// Streams that received their snapshot.
  let snapshots = Atomic<Int>(0)
  /// Streams that ended with an error.
  let failures = Atomic<Int>(0)
  /// Set when the streams should stop after their next message.
  let stop = Atomic<Bool>(false)
}

/// The wall clock in nanoseconds since 1970 (the unit of the messages' timestamps).
enum WallTime {
  static func nanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
