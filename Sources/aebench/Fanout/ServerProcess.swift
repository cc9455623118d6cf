import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An `autoengine serve` child process for benchmarks: started on free ports, measured through
/// /proc, stopped with SIGTERM.
final class ServerProcess {
  /// The running process.
  let process: Process
  /// Ports the listeners bound (read from the start-up log).
  let grpcPort: Int, httpPort: Int
  /// Directory of the server's data and of `server.log` (its stderr).
  let directory: URL

  /// The `autoengine` built next to this `aebench` (same build directory and configuration).
  static func siblingExecutable() -> URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent("autoengine")
  }

  /// Starts `executable serve` on the simulated market with `settings` (`key=value`, passed as
  /// `--set`) and further `serve` `arguments` (e.g. `--role api`), both listeners on free ports of
  /// 127.0.0.1, and waits until both listen.
  init(executable: URL, settings: [String], arguments: [String] = [], seconds: Double = 60) async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "aebench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let log = directory.appendingPathComponent("server.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments =
      [
        "serve", "--market", "simulated", "--host", "127.0.0.1", "--grpc-port", "0", "--http-port", "0",
        "--data-dir", directory.path, "--log-level", "info",
      ] + arguments + settings.flatMap { ["--set", $0] }
    process.standardError = try FileHandle(forWritingTo: log)
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    self.process = process
    let deadline = Date().addingTimeInterval(seconds)
    var ports: (grpc: Int?, http: Int?) = (nil, nil)
    while ports.grpc == nil || ports.http == nil {
      guard process.isRunning else {
        throw ServerProcessError(
          "autoengine exited before listening:\n\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
      }
      guard Date() < deadline else {
        process.terminate()
        throw ServerProcessError("autoengine did not listen within \(Int(seconds)) s; see \(log.path)")
      }
      try await Task.sleep(for: .milliseconds(100))
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      ports.grpc = Self.port(after: "gRPC listening on ", in: text)
      ports.http = Self.port(after: "REST listening on ", in: text)
    }
    grpcPort = ports.grpc!
    httpPort = ports.http!
  }

  /// The port in `host:port` (or `scheme://host:port`) following `marker` on a line of `log`.
  static func port(after marker: String, in log: String) -> Int? {
    guard let line = log.split(separator: "\n").first(where: { $0.contains(marker) }),
      let range = line.range(of: marker)
    else { return nil }
    let address = line[range.upperBound...].prefix { !$0.isWhitespace }
    guard let colon = address.lastIndex(of: ":") else { return nil }
    return Int(address[address.index(after: colon)...].prefix { $0.isNumber })
  }

  /// Peak and current resident memory (`VmHWM`, `VmRSS` of /proc/<pid>/status), bytes.
  var memory: (peak: Int, current: Int) { ProcStatus.memory(of: process.processIdentifier) }

  /// CPU time the process used so far (user + system), seconds.
  var cpuSeconds: Double { ProcStatus.cpuSeconds(of: process.processIdentifier) }

  /// Stops the server gracefully (SIGTERM, then SIGKILL after 10 s) and removes its directory.
  func stop() async {
    if process.isRunning { process.terminate() }
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    try? FileManager.default.removeItem(at: directory)
  }
}

/// Fields of /proc/<pid>/status and /proc/<pid>/stat.
enum ProcStatus {
  /// Peak and current resident memory (`VmHWM`, `VmRSS` of /proc/<pid>/status), bytes.
  static func memory(of pid: Int32) -> (peak: Int, current: Int) {
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    return (kilobytes("VmHWM", in: status) * 1024, kilobytes("VmRSS", in: status) * 1024)
  }

  /// CPU time process `pid` used so far (user + system), seconds; 0 when it cannot be read.
  static func cpuSeconds(of pid: Int32) -> Double {
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    // Fields after the command name (which is in parentheses and may contain spaces).
    guard let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // utime and stime are fields 14 and 15 of the whole line: 12th and 13th after ")".
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// The value of `field` (e.g. "VmRSS:   1234 kB") in kilobytes; 0 when absent.
  static func kilobytes(_ field: String, in status: String) -> Int {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return 0 }
    return Int(line.dropFirst(field.count + 1).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
  }
}

/// The benchmark's server could not be started or measured.
struct ServerProcessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
