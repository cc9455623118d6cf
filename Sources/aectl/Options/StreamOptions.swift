import ArgumentParser

/// Options of the commands that follow a server stream.
struct StreamOptions: ParsableArguments {
  @Option(help: "Exit after this many messages (the snapshot and heartbeats count).")
  var count: Int?

  @Option(help: "Seconds between heartbeats on an idle stream (0: the server's default, 15 s).")
  var heartbeat: UInt32 = 0

  @Flag(help: "Exit when the stream ends or breaks instead of reconnecting.")
  var noReconnect = false

  func validate() throws {
    if let count, count < 1 { throw ValidationError("--count must be at least 1") }
    if heartbeat > 3600 { throw ValidationError("--heartbeat must be at most 3600 seconds") }
  }
}
