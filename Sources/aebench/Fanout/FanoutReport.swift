/// The figures of one `aebench fanout` run, as text or as one tab-separated line.
struct FanoutReport: Sendable {
  /// One server's figures: its subscribers' totals, its memory and CPU.
  struct Server: Sendable {
    var name: String
    var subscribers: Int, connections: Int
    var totals: FanoutTotals
    /// CPU time over the window ÷ window length (1.0 = one core busy).
    var cores: Double
    /// VmHWM and VmRSS (peak sampled in the window), bytes.
    var peakRSS: Int, rss: Int
    /// Whether the server was a child process (memory and CPU measured).
    var measured: Bool

    var latency: LatencySummary { LatencySummary(nanoseconds: totals.latencies) }
  }

  /// The Redis figures of a `--replicas` run.
  struct Replication: Sendable {
    var hop: RedisHop
    var traffic: RedisTraffic
    /// Redis's CPU (cores) and peak VmRSS (bytes) over the window.
    var redisCores: Double, redisRSS: Int
  }

  var subscribers: Int
  var connections: Int
  /// Streams that received their snapshot.
  var connected: Int
  /// Seconds until every stream had its snapshot.
  var setupSeconds: Double
  var durationSeconds: Double
  /// Every subscriber of the run (all servers).
  var totals: FanoutTotals
  /// Per server: the one server, or the engine then each replica.
  var servers: [Server]
  /// Streams that ended with an error.
  var failedStreams: Int
  var replication: Replication?

  /// Sums `run` over its window.
  init(_ run: FanoutRun, subscribers: Int, connections: Int, duration: Double) {
    self.subscribers = subscribers
    self.connections = connections
    connected = run.connected
    setupSeconds = run.setupSeconds
    durationSeconds = duration
    failedStreams = run.failedStreams
    totals = FanoutTotals(run.servers.flatMap(\.tallies), window: run.window)
    servers = run.servers.map {
      Server(
        name: $0.name, subscribers: $0.subscribers, connections: $0.connections,
        totals: FanoutTotals($0.tallies, window: run.window), cores: $0.cores, peakRSS: $0.peakRSS, rss: $0.rss,
        measured: $0.measured)
    }
    if let info = run.redisInfo, let engine = run.servers.first {
      let replicas = run.servers.dropFirst().map(\.tallies)
      let delivered = replicas.map { RedisHop.firstSends($0, window: run.window).count }.reduce(0, +)
      replication = Replication(
        hop: RedisHop(engine: engine.tallies, replicas: Array(replicas), window: run.window),
        traffic: RedisTraffic(from: info.start, to: info.end, seconds: info.seconds, deliveredTicks: delivered),
        redisCores: run.redisCores, redisRSS: run.redisRSS)
    }
  }

  var latency: LatencySummary { LatencySummary(nanoseconds: totals.latencies) }
  /// When the server handed each update to its stream (`sent_at` − tick): the server's share.
  var handover: LatencySummary { LatencySummary(nanoseconds: totals.handovers) }

  private static func mib(_ bytes: Int) -> String { "\((Double(bytes) / 1_048_576).formatted(0)) MiB" }

  private static func milliseconds(_ summary: LatencySummary) -> String {
    "p50 \((summary.p50 / 1000).formatted(1)) ms   p99 \((summary.p99 / 1000).formatted(1)) ms   max \((summary.max / 1000).formatted(1)) ms"
  }

  var text: String {
    var lines = [
      "aebench fanout — \(MachineDescription.current), \(MachineDescription.isOptimized ? "release" : "DEBUG (figures meaningless)") build",
      "subscribers \(totals.subscribers) over \(servers.map(\.connections).reduce(0, +)) HTTP/2 connections; \(connected) got their snapshot in \(setupSeconds.formatted(1)) s",
      "measured \(durationSeconds.formatted(0)) s: \(totals.ticks) ticks, \(totals.statesPerUpdate.formatted(1)) coin states per update, \(latency.count) updates delivered",
      "tick-to-delivery  \(Self.milliseconds(latency))   (target p99 ≤ 100 ms)",
      "tick-to-hand-over p50 \((handover.p50 / 1000).formatted(1)) ms   p99 \((handover.p99 / 1000).formatted(1)) ms   (sent_at − tick: the servers' share; the rest is transport and this client)",
      "failed streams \(failedStreams), lost \(totals.lost), out of order \(totals.outOfOrder), ticks missed by subscribers that kept up \(totals.missedTicks) (must be 0)",
      "conflated \(totals.conflated) updates; \(totals.keptUp) of \(totals.subscribers) subscribers kept up",
    ]
    if let server = servers.first, servers.count == 1 {
      let mib = { (bytes: Int) in server.measured ? Self.mib(bytes) : "not measured" }
      lines.append(
        "server RSS \(mib(server.rss)) (peak VmHWM \(mib(server.peakRSS)), target ≤ 1 GiB), CPU \(server.measured ? server.cores.formatted(2) + " cores" : "not measured")"
      )
    } else {
      for server in servers {
        let delivery = server.subscribers > 0 ? Self.milliseconds(server.latency) : "no subscribers"
        lines.append(
          "\(server.name): \(server.subscribers) subscribers, tick-to-delivery \(delivery); lost \(server.totals.lost), out of order \(server.totals.outOfOrder); RSS \(Self.mib(server.rss)) (VmHWM \(Self.mib(server.peakRSS))), CPU \(server.cores.formatted(2)) cores"
        )
      }
    }
    if let replication {
      let hop = replication.hop.summary
      let traffic = replication.traffic
      lines.append(
        "redis hop (replica's first send − engine's first send, per tick and replica)  p50 \((hop.p50 / 1000).formatted(2)) ms   p90 \((hop.p90 / 1000).formatted(2)) ms   p99 \((hop.p99 / 1000).formatted(2)) ms   max \((hop.max / 1000).formatted(2)) ms   over \(hop.count) samples (target p99 ≤ 2 ms)"
      )
      let slowest = replication.hop.slowest(5).map { sample in
        let second = (sample.tick / 1_000_000_000) % 60
        return
          "\((Double(sample.hop) / 1e6).formatted(2)) ms (replica \(sample.replica + 1), tick at second \(second) of its minute)"
      }
      if !slowest.isEmpty { lines.append("slowest hops: " + slowest.joined(separator: ", ")) }
      lines.append(
        "redis carried \(traffic.publishesPerSecond.formatted(1)) PUBLISH/s in (ticks, signals, board, trade events), \(traffic.deliveriesPerSecond.formatted(1)) tick messages/s out to the replicas, \(traffic.commandsPerSecond.formatted(1)) commands/s; \((traffic.bytesInPerSecond / 1024).formatted(1)) KiB/s in, \((traffic.bytesOutPerSecond / 1024).formatted(1)) KiB/s out; redis RSS \(Self.mib(replication.redisRSS)), CPU \(replication.redisCores.formatted(2)) cores"
      )
    }
    return lines.joined(separator: "\n")
  }

  /// subscribers, connections, p50 ms, p99 ms, max ms, lost, out of order, missed, conflated,
  /// RSS MiB, peak RSS MiB, server cores, ticks (RSS and cores summed over the servers); with
  /// --replicas also hop p50 ms, hop p99 ms, hop samples, messages/s out of Redis, bytes/s out.
  var tsv: String {
    let summary = latency
    var fields = [
      "\(subscribers)", "\(connections)", (summary.p50 / 1000).formatted(1), (summary.p99 / 1000).formatted(1),
      (summary.max / 1000).formatted(1), "\(totals.lost)", "\(totals.outOfOrder)", "\(totals.missedTicks)",
      "\(totals.conflated)", (Double(servers.map(\.rss).reduce(0, +)) / 1_048_576).formatted(0),
      (Double(servers.map(\.peakRSS).reduce(0, +)) / 1_048_576).formatted(0),
      servers.map(\.cores).reduce(0, +).formatted(2), "\(totals.ticks)",
    ]
    if let replication {
      let hop = replication.hop.summary
      fields += [
        (hop.p50 / 1000).formatted(2), (hop.p99 / 1000).formatted(2), "\(hop.count)",
        replication.traffic.deliveriesPerSecond.formatted(1), replication.traffic.bytesOutPerSecond.formatted(0),
      ]
    }
    return fields.joined(separator: "\t")
  }
}
