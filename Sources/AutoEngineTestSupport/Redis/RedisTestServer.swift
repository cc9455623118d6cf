public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A real `redis-server` for tests: its own temporary directory, a free loopback port, no
/// persistence (`--save '' --appendonly no`); stopped (killed) by `stop()`.
///
/// `redis-server` comes from Debian's package (scripts/test.sh installs it).
public final class RedisTestServer: Sendable {
  /// The loopback port it listens on.
  public let port: Int
  /// Its working directory (removed by `stop()`).
  public let directory: URL
  private let extraArguments: [String]
  private let process = ProcessBox()

  /// Starts a server on a free port and waits until it answers.
  ///
  /// - Parameters:
  ///   - arguments: extra `redis-server` arguments, e.g. `["--requirepass", "secret"]`.
  ///   - tls: PEM certificate and key files: the port then speaks TLS only (no client
  ///     certificates required).
  public init(arguments: [String] = [], tls: (certificate: String, key: String)? = nil) async throws {
    port = try Self.freeLoopbackPort()
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("redis-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var extra = arguments
    if let tls {
      extra += [
        "--port", "0", "--tls-port", String(port), "--tls-cert-file", tls.certificate, "--tls-key-file", tls.key,
        "--tls-auth-clients", "no",
      ]
    }
    extraArguments = extra
    try await start()
  }

  /// `redis://127.0.0.1:<port>` (use `rediss://` for a TLS server).
  public var url: String { "redis://127.0.0.1:\(port)" }

  /// Starts (again) on the same port and waits until it accepts connections.
  public func start() async throws {
    let executable = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let executable else {
      throw RedisTestServerError(
        "redis-server is not installed; run scripts/test.sh (it installs Debian's redis-server)")
    }
    let arguments =
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.path]
      + extraArguments
    // The port of a server killed a moment ago may still be held briefly: retry the start.
    for _ in 0..<50 {
      let attempt = Process()
      attempt.executableURL = URL(fileURLWithPath: executable)
      attempt.arguments = arguments
      attempt.standardOutput = FileHandle.nullDevice
      attempt.standardError = FileHandle.nullDevice
      attempt.standardInput = FileHandle.nullDevice
      try attempt.run()
      for _ in 0..<100 {
        if !attempt.isRunning { break }
        if Self.accepts(port: port) {
          process.set(attempt)
          return
        }
        try await Task.sleep(for: .milliseconds(20))
      }
      if attempt.isRunning { attempt.terminate() }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw RedisTestServerError("redis-server did not start on port \(port)")
  }

  /// Kills the server (SIGKILL, as a crash would) and waits for it to exit; the directory stays.
  public func kill() {
    guard let running = process.take() else { return }
    Glibc.kill(running.processIdentifier, SIGKILL)
    running.waitUntilExit()
  }

  /// Kills the server and removes its directory.
  public func stop() {
    kill()
    try? FileManager.default.removeItem(at: directory)
  }

  deinit { stop() }

  private static func accepts(port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  /// A loopback TCP port that was free a moment ago (bound to port 0, read back, released).
  public static func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw RedisTestServerError("socket() failed") }
    defer { close(descriptor) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw RedisTestServerError("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard named == 0 else { throw RedisTestServerError("getsockname() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}

/// The running `redis-server` process, if any. Thread-safe.
private final class ProcessBox: @unchecked Sendable {
  private let lock = NSLock()
  private var process: Process?

  func set(_ process: Process) { lock.withLock { self.process = process } }
  func take() -> Process? {
    lock.withLock {
      defer { process = nil }
      return process
    }
  }
}

/// Why a test Redis server could not start.
public struct RedisTestServerError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
