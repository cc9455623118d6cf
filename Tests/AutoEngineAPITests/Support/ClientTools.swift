import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The repository's root folder (where Package.swift, clients/ and .venv are).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `autoengine serve` as a child process on 127.0.0.1 with both listeners on free ports.
struct ServeProcess {
  let process: ChildProcess
  let grpcPort: Int
  let httpPort: Int

  /// Starts the server with `arguments` and `environment` (e.g. the API token) and waits until
  /// both listeners have logged their port.
  /// `httpPort` 0 takes any free port.
  static func start(
    _ arguments: [String] = [], environment: [String: String] = [:], httpPort: Int = 0
  ) async throws -> ServeProcess {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-test-\(UUID().uuidString)")
    let process = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: ["serve", "--grpc-port", "0", "--http-port", "\(httpPort)", "--data-dir", dataDir.path] + arguments,
      environment: environment)
    do {
      let grpc = try await process.waitForStderrLine(containing: "gRPC listening on 127.0.0.1:", seconds: 60)
      let rest = try await process.waitForStderrLine(containing: "REST listening on http", seconds: 60)
      return ServeProcess(process: process, grpcPort: try port(in: grpc), httpPort: try port(in: rest))
    } catch {
      process.kill()
      throw error
    }
  }

  /// The port after "listening on …:".
  private static func port(in line: String) throws -> Int {
    guard let range = line.range(of: "listening on "),
      let port = line[range.upperBound...].split(separator: " ").first?.split(separator: ":").last.flatMap({ Int($0) })
    else { throw ChildProcessError("no port in '\(line)'") }
    return port
  }

  /// Stops the server with SIGTERM and waits for it.
  func stop() async throws {
    process.signal(SIGTERM)
    _ = try await process.waitForExit(seconds: 20)
  }
}

extension ChildProcess {
  /// Waits until a stdout line contains `text` and returns that line; fails at once when a line
  /// contains `failure` instead.
  func waitForStdoutLine(containing text: String, failure: String, seconds: Double) async throws -> String {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
      let lines = standardOutput().split(separator: "\n")
      if let line = lines.first(where: { $0.contains(text) }) { return String(line) }
      if lines.contains(where: { $0.contains(failure) }) {
        throw ChildProcessError("the process reported a failure:\n\(standardOutput())\n\(standardError())")
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw ChildProcessError(
      "no stdout line containing '\(text)' within \(seconds) s:\n\(standardOutput())\n\(standardError())")
  }
}

/// What one run of a client program printed and how it exited.
struct ClientRun {
  let status: Int32
  let stdout: String
  let stderr: String

  /// stdout split into lines.
  var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Runs `executable` with `arguments` and waits (`seconds` at most).
///
/// stdout and stderr go to files, read once the process has exited, so that large outputs arrive
/// whole (a pipe's reading handler may not have drained when the exit is seen). `AectlRun` runs
/// through it too.
func runClient(
  _ executable: URL, _ arguments: [String], environment: [String: String] = [:], seconds: Double = 120
) async throws -> ClientRun {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("client-run-\(UUID().uuidString)")
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
  process.executableURL = executable
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
  while process.isRunning {
    guard ContinuousClock.now < deadline else {
      process.terminate()
      throw ChildProcessError("\(executable.lastPathComponent) \(arguments) still running after \(seconds) s")
    }
    try await Task.sleep(for: .milliseconds(10))
  }
  return ClientRun(
    status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
    stderr: try String(contentsOf: errURL, encoding: .utf8))
}

/// The Python of the repository's `.venv`, where scripts/test.sh installs grpcio, grpcio-tools
/// and selenium. Its absence fails the test: it is never skipped.
func venvPython() throws -> URL {
  let python = packageRoot.appendingPathComponent(".venv/bin/python")
  guard FileManager.default.isExecutableFile(atPath: python.path) else {
    throw ChildProcessError(
      "\(python.path) is missing: run the tests with scripts/test.sh, which creates .venv with grpcio, grpcio-tools and selenium"
    )
  }
  return python
}

/// Builds `clients/c/aectl-c` with make (incremental) and returns it.
func builtCClient() async throws -> URL {
  let make = try await runClient(
    URL(fileURLWithPath: "/usr/bin/make"), ["-s", "-C", packageRoot.appendingPathComponent("clients/c").path],
    seconds: 300)
  guard make.status == 0 else {
    throw ChildProcessError("make -C clients/c failed (\(make.status)):\n\(make.stdout)\n\(make.stderr)")
  }
  return packageRoot.appendingPathComponent("clients/c/aectl-c")
}
