import ArgumentParser
import AutoEngineAPI
import GRPCCore
import GRPCNIOTransportHTTP2
import SwiftProtobuf

/// `aebench health`: unary load on `grpc.health.v1.Health/Check` of a running server.
///
/// Measures the round trip of the cheapest RPC (server dispatch + HTTP/2 + protobuf), as a
/// baseline for the heavier RPCs measured by later benchmarks.
struct HealthLoadCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Unary load on grpc.health.v1.Health/Check; prints requests/s and latency percentiles.",
    discussion: """
      Example (server and load on one machine, release builds):
        swift run -c release autoengine serve &
        swift run -c release aebench health --server 127.0.0.1:50051 --requests 50000 --concurrency 64
      """)

  @Option(help: "Server address host:port.")
  var server = "127.0.0.1:50051"

  @Option(help: "Total number of calls.")
  var requests = 20_000

  @Option(help: "Calls in flight at once (HTTP/2 streams on one connection).")
  var concurrency = 64

  func validate() throws {
    guard requests > 0 else { throw ValidationError("--requests must be positive") }
    guard (1...4096).contains(concurrency) else { throw ValidationError("--concurrency must be 1–4096") }
    guard let colon = server.lastIndex(of: ":"), Int(server[server.index(after: colon)...]) != nil else {
      throw ValidationError("--server '\(server)' is not host:port")
    }
  }

  func run() async throws {
    let colon = server.lastIndex(of: ":")!
    let host = String(server[..<colon])
    let port = Int(server[server.index(after: colon)...])!
    let transport = try HTTP2ClientTransport.Posix(target: .dns(host: host, port: port), transportSecurity: .plaintext)
    let (latencies, elapsed) = try await withGRPCClient(transport: transport) { client in
      let health = Grpc_Health_V1_Health.Client(wrapping: client)
      let request = Grpc_Health_V1_HealthCheckRequest()
      _ = try await health.check(request)  // connect and warm up
      let clock = ContinuousClock()
      let start = clock.now
      let perWorker = requests / concurrency
      let extra = requests % concurrency
      let latencies = try await withThrowingTaskGroup(of: [Int64].self) { group in
        for worker in 0..<concurrency {
          let count = perWorker + (worker < extra ? 1 : 0)
          group.addTask {
            var samples: [Int64] = []
            samples.reserveCapacity(count)
            for _ in 0..<count {
              let begin = clock.now
              _ = try await health.check(request)
              let duration = clock.now - begin
              samples.append(
                duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
            }
            return samples
          }
        }
        return try await group.reduce(into: []) { $0 += $1 }
      }
      return (latencies, clock.now - start)
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let summary = LatencySummary(nanoseconds: latencies)
    print("benchmark        calls   concurrency  req/s      p50 µs   p90 µs   p99 µs   max µs")
    print(
      "health.Check     \(summary.count)   \(concurrency)           \((Double(summary.count) / seconds).formatted(0))    "
        + "\(summary.p50.formatted(0))     \(summary.p90.formatted(0))     \(summary.p99.formatted(0))     \(summary.max.formatted(0))"
    )
  }
}
