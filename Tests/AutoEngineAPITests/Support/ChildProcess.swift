import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A built product of this package (e.g. "autoengine"), next to the test bundle.
func builtProduct(_ name: String) throws -> URL {
  var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  // `swift test` runs <bin>/<package>PackageTests.xctest; products live in <bin>.
  if directory.lastPathComponent.hasSuffix(".xctest") { directory = directory.deletingLastPathComponent() }
  let url = directory.appendingPathComponent(name)
  guard FileManager.default.isExecutableFile(atPath: url.path) else {
    throw ChildProcessError("\(name) is not built at \(url.path); run `swift build` first")
  }
  return url
}

/// A child process whose stdout and stderr are collected as they arrive.
final class ChildProcess: Sendable {
  private let process: Process
  private let output = CapturedOutput()

  /// Starts `executable` with `arguments`.
  init(executable: URL, arguments: [String], environment: [String: String] = [:]) throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let stdoutPipe = Pipe()
    let stderrPipe = Pipe()
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    process.standardInput = FileHandle.nullDevice
    self.process = process
    stdoutPipe.fileHandleForReading.readabilityHandler = { [output] handle in
      let data = handle.availableData
      if data.isEmpty { handle.readabilityHandler = nil }
      output.state.withLock {
        $0.stdout.append(data)
        if data.isEmpty { $0.closedPipes += 1 }
      }
    }
    stderrPipe.fileHandleForReading.readabilityHandler = { [output] handle in
      let data = handle.availableData
      if data.isEmpty { handle.readabilityHandler = nil }
      output.state.withLock {
        $0.stderr.append(data)
        if data.isEmpty { $0.closedPipes += 1 }
      }
    }
    try process.run()
  }

  /// Everything written to stdout so far.
  func standardOutput() -> String { output.state.withLock { String(decoding: $0.stdout, as: UTF8.self) } }

  /// Everything written to stderr so far.
  func standardError() -> String { output.state.withLock { String(decoding: $0.stderr, as: UTF8.self) } }

  /// Waits until a stderr line contains `text` and returns that line.
  func waitForStderrLine(containing text: String, seconds: Double) async throws -> String {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
      if let line = standardError().split(separator: "\n").first(where: { $0.contains(text) }) {
        return String(line)
      }
      if !process.isRunning {
        throw ChildProcessError(
          "process exited (\(process.terminationStatus)) before printing '\(text)':\n\(standardError())")
      }
      try await Task.sleep(for: .milliseconds(25))
    }
    throw ChildProcessError("no stderr line containing '\(text)' within \(seconds) s:\n\(standardError())")
  }

  /// Waits for the process to exit and returns its exit status.
  func waitForExit(seconds: Double) async throws -> Int32 {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while process.isRunning {
      guard ContinuousClock.now < deadline else {
        throw ChildProcessError("process still running after \(seconds) s:\n\(standardError())")
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    // Let the pipe handlers drain: both pipes reach end-of-file once everything has been read.
    let drained = ContinuousClock.now + .seconds(2)
    while output.state.withLock({ $0.closedPipes < 2 }), ContinuousClock.now < drained {
      try await Task.sleep(for: .milliseconds(10))
    }
    return process.terminationStatus
  }

  /// Sends a signal to the process.
  func signal(_ signal: Int32) { Glibc.kill(process.processIdentifier, signal) }

  /// Kills the process if it still runs.
  func kill() { if process.isRunning { signal(SIGKILL) } }
}

/// The bytes a child process wrote, shared with the pipes' reading handlers.
final class CapturedOutput: Sendable {
  let state = Mutex((stdout: Data(), stderr: Data(), closedPipes: 0))
}

/// A child process did not behave as the test expected.
struct ChildProcessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
