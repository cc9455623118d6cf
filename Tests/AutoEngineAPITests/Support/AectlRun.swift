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
  /// waits for it to exit. `AECTL_SERVER` and `AECTL_TOKEN` from the test's own environment are
  /// cleared so that only `environment` counts.
  ///
  /// stdout and stderr go to files, read once the process has exited, so that large outputs
  /// arrive whole.
  static func run(
    _ arguments: [String], port: Int? = nil, environment: [String: String] = [:], seconds: Double = 20
  ) async throws -> AectlRun {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aectl-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appendingPathComponent("stdout")
    let errURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }

    let process = Process()
    process.executableURL = try builtProduct("aectl")
    process.arguments = arguments + (port.map { ["--server", "127.0.0.1:\($0)"] } ?? [])
    let cleared = ["AECTL_SERVER": "", "AECTL_TOKEN": ""].merging(environment) { _, new in new }
    process.environment = ProcessInfo.processInfo.environment.merging(cleared) { _, new in new }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while process.isRunning {
      guard ContinuousClock.now < deadline else {
        process.terminate()
        throw ChildProcessError("aectl \(arguments) still running after \(seconds) s")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    return AectlRun(
      status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
      stderr: try String(contentsOf: errURL, encoding: .utf8))
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
