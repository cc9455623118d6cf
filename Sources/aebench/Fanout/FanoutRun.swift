/// One server the run's streams connect to.
struct FanoutTarget {
  /// How the report names it ("server", "engine", "replica 1").
  var name: String
  var host: String, port: Int
  /// The child process, when this run started it (then its memory and CPU are measured).
  var server: ServerProcess?
  /// Streams on it, and the HTTP/2 connections they are spread over.
  var subscribers: Int, connections: Int
}

/// What a fan-out run collected, before it is summed into a report.
struct FanoutRun {
  /// Per target, in target order.
  struct Server {
    var name: String
    var subscribers: Int, connections: Int
    /// Whether its memory and CPU were measured (a child process).
    var measured: Bool
    var tallies: [StreamTally] = []
    /// CPU time over the window ÷ window length (1.0 = one core busy).
    var cores = 0.0
    /// VmHWM and VmRSS (peak sampled in the window), bytes.
    var peakRSS = 0, rss = 0
  }

  var servers: [Server]
  /// Streams that received their snapshot, and seconds until every stream had it.
  var connected = 0
  var setupSeconds = 0.0
  /// The measurement window, nanoseconds since 1970.
  var window: ClosedRange<Int64> = 0...0
  /// Streams that ended with an error.
  var failedStreams = 0
  /// Redis's `INFO` at the window's start and end and the seconds between (replicated runs).
  var redisInfo: (start: RedisInfo, end: RedisInfo, seconds: Double)?
  /// Redis's CPU (cores) and peak VmRSS (bytes) over the window.
  var redisCores = 0.0, redisRSS = 0

  init(targets: [FanoutTarget]) {
    servers = targets.map {
      Server(name: $0.name, subscribers: $0.subscribers, connections: $0.connections, measured: $0.server != nil)
    }
  }
}
