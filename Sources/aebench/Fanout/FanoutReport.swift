/// The figures of one `aebench fanout` run, as text or as one tab-separated line.
struct FanoutReport: Sendable {
  var subscribers: Int
  var connections: Int
  /// Streams that received their snapshot.
  var connected: Int
  /// Seconds until every stream had its snapshot.
  var setupSeconds: Double
  var durationSeconds: Double
  var totals: FanoutTotals
  /// Server CPU time over the window ÷ window length (1.0 = one core busy).
  var serverCores: Double
  /// Server VmHWM and VmRSS (peak sampled in the window), bytes.
  var serverPeakRSS: Int, serverRSS: Int
  /// Whether the server was a child process (memory and CPU measured).
  var measuredServer: Bool
  /// Streams that ended with an error.
  var failedStreams: Int

  var latency: LatencySummary { LatencySummary(nanoseconds: totals.latencies) }
  /// When the server handed each update to its stream (`sent_at` − tick): the server's share.
  var handover: LatencySummary { LatencySummary(nanoseconds: totals.handovers) }

  var text: String {
    let summary = latency
    let server = handover
    let mib = { (bytes: Int) in measuredServer ? "\((Double(bytes) / 1_048_576).formatted(0)) MiB" : "not measured" }
    return """
      aebench fanout — \(MachineDescription.current), \(MachineDescription.isOptimized ? "release" : "DEBUG (figures meaningless)") build
      subscribers \(subscribers) over \(connections) HTTP/2 connections; \(connected) got their snapshot in \(setupSeconds.formatted(1)) s
      measured \(durationSeconds.formatted(0)) s: \(totals.ticks) ticks, \(totals.statesPerUpdate.formatted(1)) coin states per update, \(summary.count) updates delivered
      tick-to-delivery  p50 \((summary.p50 / 1000).formatted(1)) ms   p99 \((summary.p99 / 1000).formatted(1)) ms   max \((summary.max / 1000).formatted(1)) ms   (target p99 ≤ 100 ms)
      tick-to-hand-over p50 \((server.p50 / 1000).formatted(1)) ms   p99 \((server.p99 / 1000).formatted(1)) ms   (sent_at − tick: the server's share; the rest is transport and this client)
      failed streams \(failedStreams), lost \(totals.lost), out of order \(totals.outOfOrder), ticks missed by subscribers that kept up \(totals.missedTicks) (must be 0)
      conflated \(totals.conflated) updates; \(totals.keptUp) of \(totals.subscribers) subscribers kept up
      server RSS \(mib(serverRSS)) (peak VmHWM \(mib(serverPeakRSS)), target ≤ 1 GiB), CPU \(measuredServer ? serverCores.formatted(2) + " cores" : "not measured")
      """
  }

  /// subscribers, connections, p50 ms, p99 ms, max ms, lost, out of order, missed, conflated,
  /// RSS MiB, peak RSS MiB, server cores, ticks.
  var tsv: String {
    let summary = latency
    return [
      "\(subscribers)", "\(connections)", (summary.p50 / 1000).formatted(1), (summary.p99 / 1000).formatted(1),
      (summary.max / 1000).formatted(1), "\(totals.lost)", "\(totals.outOfOrder)", "\(totals.missedTicks)",
      "\(totals.conflated)", (Double(serverRSS) / 1_048_576).formatted(0),
      (Double(serverPeakRSS) / 1_048_576).formatted(0), serverCores.formatted(2), "\(totals.ticks)",
    ].joined(separator: "\t")
  }
}
