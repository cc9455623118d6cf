/// The latency the Redis hop adds, per engine tick and API replica, from the send times the
/// servers write into every `CoinStateUpdate` (field 7, `sent_at`, the server's wall clock when it
/// handed the message to the stream; all processes run on one host, so one clock).
///
/// For each tick (identified by its tick time, which a replica re-publishes unchanged) the hop is
/// the replica's earliest send of it minus the engine's earliest send of it: the moment the tick
/// reached the replica's stream layer minus the moment it reached the engine's. In between lie the
/// engine's publisher (its hub wake-up, contract mapping and encoding, the pipelined write), Redis,
/// and the replica's feed (RESP decoding, mapping back, its cache and hub). Taking each server's
/// first send leaves the servers' own fan-out to their many subscribers out, and the load
/// generator's reading of the streams too (receive times are not used).
struct RedisHop: Sendable, Equatable {
  /// One sampled tick of one replica.
  struct Sample: Sendable, Equatable {
    /// The engine tick's time, nanoseconds since 1970.
    var tick: Int64
    /// Which replica (0-based, in the run's order).
    var replica: Int
    /// The replica's first send minus the engine's, nanoseconds.
    var hop: Int64
  }

  /// One sample per (tick, replica): replica's first send minus the engine's, nanoseconds.
  private(set) var samples: [Int64] = []
  /// The same samples with their tick and replica, in the same order.
  private(set) var detail: [Sample] = []
  /// Ticks of the window a replica's subscribers received but the engine's did not (no reference,
  /// so not sampled; e.g. a replica's snapshot reload).
  private(set) var unmatched = 0

  /// Hops of the ticks in `window` (tick times, nanoseconds since 1970) from the tallies of the
  /// engine's own subscribers and of each replica's.
  init(engine: [StreamTally], replicas: [[StreamTally]], window: ClosedRange<Int64>) {
    let reference = Self.firstSends(engine, window: window)
    for (index, replica) in replicas.enumerated() {
      for (tick, sent) in Self.firstSends(replica, window: window).sorted(by: { $0.key < $1.key }) {
        if let engineSent = reference[tick] {
          samples.append(sent - engineSent)
          detail.append(Sample(tick: tick, replica: index, hop: sent - engineSent))
        } else {
          unmatched += 1
        }
      }
    }
  }

  /// The earliest `sent_at` of each tick in `window` over `tallies`, nanoseconds, by tick time.
  /// Updates without a send time (0) are left out.
  static func firstSends(_ tallies: [StreamTally], window: ClosedRange<Int64>) -> [Int64: Int64] {
    var first: [Int64: Int64] = [:]
    for tally in tallies {
      for update in tally.updates where update.sent != 0 && window.contains(update.tick) {
        first[update.tick] = min(first[update.tick] ?? .max, update.sent)
      }
    }
    return first
  }

  /// Percentiles of the samples (microseconds).
  var summary: LatencySummary { LatencySummary(nanoseconds: samples) }

  /// The `count` largest samples, largest first: which ticks (and so which second of their
  /// minute: strategies run on the minute's closed candles) set the tail.
  func slowest(_ count: Int) -> [Sample] {
    Array(detail.sorted { ($0.hop, $1.tick) > ($1.hop, $0.tick) }.prefix(count))
  }
}

/// What Redis carried over a measurement window, from two `INFO` readings and the ticks the
/// replicas' subscribers saw.
struct RedisTraffic: Sendable, Equatable {
  /// Window length, seconds.
  var seconds: Double
  /// `PUBLISH` calls Redis processed (commandstats), per second: messages into Redis.
  var publishesPerSecond: Double
  /// Distinct ticks the replicas received, summed over replicas, per second: messages out of
  /// Redis on the ticks channel (each tick is one message to each subscribed replica).
  var deliveriesPerSecond: Double
  /// Commands Redis processed (`total_commands_processed`), per second.
  var commandsPerSecond: Double
  /// Bytes Redis received and sent (`total_net_input_bytes`, `total_net_output_bytes`), per
  /// second.
  var bytesInPerSecond: Double, bytesOutPerSecond: Double

  /// Traffic between the readings `start` and `end`, `seconds` apart; `deliveredTicks` is the
  /// number of distinct ticks each replica received in the window, summed.
  init(from start: RedisInfo, to end: RedisInfo, seconds: Double, deliveredTicks: Int) {
    self.seconds = seconds
    let rate = { (delta: Int) in seconds > 0 ? Double(delta) / seconds : 0 }
    publishesPerSecond = rate(end.commandCalls("publish") - start.commandCalls("publish"))
    deliveriesPerSecond = rate(deliveredTicks)
    commandsPerSecond = rate(end.int("total_commands_processed") - start.int("total_commands_processed"))
    bytesInPerSecond = rate(end.int("total_net_input_bytes") - start.int("total_net_input_bytes"))
    bytesOutPerSecond = rate(end.int("total_net_output_bytes") - start.int("total_net_output_bytes"))
  }
}

/// The fields of a Redis `INFO` reply (`name:value` lines under `# Section` headers).
struct RedisInfo: Sendable, Equatable {
  /// Every field by name.
  private(set) var fields: [String: String] = [:]

  /// Reads the text of an `INFO` reply.
  init(parsing text: String) {
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[String(line[..<colon])] = String(line[line.index(after: colon)...])
    }
  }

  /// The integer field `name`; 0 when absent or not an integer.
  func int(_ name: String) -> Int { fields[name].flatMap { Int($0) } ?? 0 }

  /// Calls of `command` since the server started (`cmdstat_<command>:calls=N,…`); 0 when never
  /// called.
  func commandCalls(_ command: String) -> Int {
    guard let stats = fields["cmdstat_" + command.lowercased()] else { return 0 }
    for pair in stats.split(separator: ",") where pair.hasPrefix("calls=") {
      return Int(pair.dropFirst("calls=".count)) ?? 0
    }
    return 0
  }
}
