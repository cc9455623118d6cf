import Foundation
import SwiftProtobuf

/// What one run of the built `aectl` printed and how it exited.
struct AectlRun: Sendable {
  /// The exit status.
  var status: Int32
  /// Everything written to stdout.
  var stdout: String
  /// Everything written to stderr.
  var stderr: String

  /// Runs `aectl` with `arguments` (plus `--server 127.0.0.1:<port>` when a port is given) and
  /// waits for it to exit (through `runClient`, which reads stdout and stderr from files once the
  /// process has exited). `AECTL_SERVER` and `AECTL_TOKEN` from the test's own environment are
  /// cleared so that only `environment` counts.
  static func run(
    _ arguments: [String], port: Int? = nil, environment: [String: String] = [:], seconds: Double = 20
  ) async throws -> AectlRun {
    let cleared = ["AECTL_SERVER": "", "AECTL_TOKEN": ""].merging(environment) { _, new in new }
    let run = try await runClient(
      try builtProduct("aectl"), arguments + (port.map { ["--server", "127.0.0.1:\($0)"] } ?? []),
      environment: cleared, seconds: seconds)
    return AectlRun(status: run.status, stdout: run.stdout, stderr: run.stderr)
  }

  /// stdout decoded as one proto3 JSON document of `type`.
  func decoded<Message: SwiftProtobuf.Message>(_ type: Message.Type) throws -> Message {
    try Message(jsonString: stdout)
  }

  /// stdout decoded as one proto3 JSON document of `type` per line.
  func decodedLines<Message: SwiftProtobuf.Message>(_ type: Message.Type) throws -> [Message] {
    try stdout.split(separator: "\n").map { try Message(jsonString: String($0)) }
  }

  /// The first stdout line whose first column is `key`, split into columns on runs of two or
  /// more spaces (how the aligned tables separate them).
  func tableRow(startingWith key: String) -> [String]? {
    tableRows.first { $0.first == key }
  }

  /// The first stdout line with a column equal to `cell`, split into columns.
  func tableRow(containing cell: String) -> [String]? {
    tableRows.first { $0.contains(cell) }
  }

  /// Every stdout line split into columns on runs of two or more spaces.
  var tableRows: [[String]] {
    stdout.split(separator: "\n").map { line in
      line.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
  }
}
