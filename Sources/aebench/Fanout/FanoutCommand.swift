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

  @Flag(help: "Print one tab-separated result line only (for scripts/bench.sh).")
  var tsv = false

  func validate() throws {
    guard subscribers > 0, connections > 0, duration > 0, warmup >= 0 else {
      throw ValidationError("--subscribers, --connections and --duration must be positive")
    }
    guard 60 % max(1, interval) == 0, interval > 0 else { throw ValidationError("--interval must divide 60") }
    guard (subscribers + connections - 1) / connections <= 4096 else {
      throw ValidationError("at most 4096 streams per connection (the server's max concurrent streams)")
    }
  }

  func run() async throws {
    var child: ServerProcess?
    let target: (host: String, port: Int)
    if let server {
      guard let colon = server.lastIndex(of: ":"), let port = Int(server[server.index(after: colon)...]) else {
        throw ValidationError("--server '\(server)' is not host:port")
      }
      target = (String(server[..<colon]), port)
    } else {
      let executable = autoengine.map { URL(fileURLWithPath: $0) } ?? ServerProcess.siblingExecutable()
      let started = try await ServerProcess(
        executable: executable, settings: ["fetch.price_fetch_interval=\(interval)", "market.step_seconds=\(interval)"])
      child = started
      target = ("127.0.0.1", started.grpcPort)
    }
    do {
      let report = try await measure(host: target.host, port: target.port, server: child)
      await child?.stop()
      print(tsv ? report.tsv : report.text)
    } catch {
      await child?.stop()
      throw error
    }
  }

  private func measure(host: String, port: Int, server: ServerProcess?) async throws -> FanoutReport {
    let clients = try (0..<connections).map { _ in
      GRPCClient(
        transport: try HTTP2ClientTransport.Posix(
          target: .ipv4(address: host, port: port), transportSecurity: .plaintext,
          config: .defaults {
            $0.http2.maxFrameSize = 1 << 20
            $0.http2.targetWindowSize = window
          }))
    }
    let progress = RunProgress()
    return try await withThrowingTaskGroup(of: Void.self) { connectionTasks in
      for client in clients { connectionTasks.addTask { try await client.runConnections() } }
      defer { for client in clients { client.beginGracefulShutdown() } }
      let tallies = try await withThrowingTaskGroup(of: StreamTally.self) { streams in
        for index in 0..<subscribers {
          let client = clients[index % clients.count]
          streams.addTask {
            do {
              return try await client.serverStreaming(
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
            } catch {
              progress.failures.add(1, ordering: .relaxed)
              return StreamTally()
            }
          }
        }
        // Every stream has its snapshot (or give up after a minute per 10,000 streams).
        let setupStart = ContinuousClock.now
        let setupLimit = Duration.seconds(max(60, subscribers / 10_000 * 60))
        while progress.snapshots.load(ordering: .relaxed) < subscribers, ContinuousClock.now - setupStart < setupLimit {
          try await Task.sleep(for: .milliseconds(50))
        }
        let connected = progress.snapshots.load(ordering: .relaxed)
        let setupSeconds = (ContinuousClock.now - setupStart).seconds
        try await Task.sleep(for: .seconds(warmup))
        let windowStart = WallTime.nanoseconds()
        let cpuStart = server?.cpuSeconds ?? 0
        var peakRSS = 0
        let measureStart = ContinuousClock.now
        while (ContinuousClock.now - measureStart).seconds < duration {
          try await Task.sleep(for: .milliseconds(500))
          peakRSS = max(peakRSS, server?.memory.current ?? 0)
        }
        let windowEnd = WallTime.nanoseconds()
        let cpu = (server?.cpuSeconds ?? 0) - cpuStart
        let memory = server?.memory
        // Ticks up to the window's end may still be in flight: collect for two more intervals.
        try await Task.sleep(for: .seconds(2 * interval))
        progress.stop.store(true, ordering: .relaxed)
        var tallies: [StreamTally] = []
        tallies.reserveCapacity(subscribers)
        for try await tally in streams { tallies.append(tally) }
        return (
          tallies, connected, setupSeconds, windowStart...windowEnd, cpu / duration, memory?.peak ?? 0,
          max(peakRSS, memory?.current ?? 0)
        )
      }
      connectionTasks.cancelAll()
      let (streams, connected, setup, window, cores, hwm, rss) = tallies
      return FanoutReport(
        subscribers: subscribers, connections: connections, connected: connected, setupSeconds: setup,
        durationSeconds: duration, totals: FanoutTotals(streams, window: window), serverCores: cores,
        serverPeakRSS: hwm, serverRSS: rss, measuredServer: server != nil,
        failedStreams: progress.failures.load(ordering: .relaxed))
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
