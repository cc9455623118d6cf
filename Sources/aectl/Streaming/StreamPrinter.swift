import SwiftProtobuf

/// Prints a stream as it arrives: one proto3 JSON document per message (ndjson), or lines of
/// text; connection events go to stderr.
enum StreamPrinter {
  /// Follows `session`, printing every message as one JSON line, until its end, its message
  /// limit or Ctrl-C.
  static func run<Message: SwiftProtobuf.Message>(
    _ session: StreamSession, open: @escaping StreamSession.Opener<Message>
  ) async throws {
    try await run(session, open: open) { message in try OutputOptions.json(message) + "\n" }
  }

  /// Follows `session`, printing what `text` makes of each message.
  static func run<Message: SwiftProtobuf.Message>(
    _ session: StreamSession, open: @escaping StreamSession.Opener<Message>,
    text: @escaping @Sendable (Message) throws -> String
  ) async throws {
    let server = session.connection.address
    _ = try await Interruption.cancellingOnSignals {
      try await session.run(
        open: open,
        onEvent: { event in note(event, server: server) },
        onMessage: { message in Console.write(try text(message)) })
    }
  }

  /// Tells stderr about a reconnection (the first connection is silent).
  static func note(_ event: StreamEvent, server: String) {
    switch event {
    case .connected(let reconnected):
      if reconnected { CommandFailure.printError("reconnected to \(server)") }
    case .reconnecting(let reason, let delay, let attempt):
      CommandFailure.printError(
        "stream from \(server) interrupted: \(reason); reconnecting in \(delay.secondsText) (attempt \(attempt))")
    }
  }
}
