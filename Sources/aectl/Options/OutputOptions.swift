import ArgumentParser
import Foundation
import SwiftProtobuf

/// How a command prints what it receives.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  /// Aligned columns with units, coloured on a terminal.
  case table
  /// The proto3 JSON mapping of the answer, one document.
  case json
  /// One proto3 JSON document per line (one per stream message).
  case ndjson
}

/// The `--output` and `--no-color` options every command shares.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.short, .long],
    help: """
      Output format: table, json (the proto3 JSON mapping, one document) or ndjson (one message \
      per line). Default: table; for streams, ndjson when stdout is not a terminal.
      """)
  var output: OutputFormat?

  @Flag(help: "Never colour tables (setting NO_COLOR does the same).")
  var noColor = false

  /// The format of a one-answer command: `--output`, else a table.
  var format: OutputFormat { output ?? .table }

  /// The format of a stream: `--output`, else a table on a terminal and ndjson elsewhere.
  var streamFormat: OutputFormat { output ?? (Console.standardOutputIsTerminal ? .table : .ndjson) }

  /// The text style of tables: coloured only on a terminal, without `--no-color` or `NO_COLOR`.
  var style: TextStyle {
    TextStyle(colour: !noColor && Console.standardOutputIsTerminal && Console.allowsColour)
  }

  /// Prints `message` as JSON or, for a table, as `table` renders it.
  func emit<Message: SwiftProtobuf.Message>(_ message: Message, table: (Message, TextStyle) -> String) throws {
    switch format {
    case .json, .ndjson: Console.write(try Self.json(message) + "\n")
    case .table: Console.write(table(message, style))
    }
  }

  /// The proto3 JSON mapping of `message` on one line.
  static func json(_ message: some SwiftProtobuf.Message) throws -> String {
    do {
      return try message.jsonString()
    } catch {
      throw CommandFailure.message("cannot encode the answer as JSON: \(error)", exitCode: .failure)
    }
  }
}
