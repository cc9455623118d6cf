import Foundation
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// `autoengine serve` as a process on the simulated and replayed markets: live states within 15 s.
@Suite struct ServeMarketProcessTests {
  private func serve(_ arguments: [String]) async throws -> (ChildProcess, httpPort: Int) {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-test-\(UUID().uuidString)")
    let server = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: ["serve", "--grpc-port", "0", "--http-port", "0", "--data-dir", dataDir.path] + arguments)
    let line = try await server.waitForStderrLine(containing: "REST listening on http://127.0.0.1:", seconds: 30)
    let port = try #require(line.split(separator: ":").last.flatMap { Int($0) })
    return (server, port)
  }

  /// Polls `/api/coinstate` until every coin has a price; returns the states and the seconds it took.
  private func waitForLiveStates(port: Int, within seconds: Double) async throws -> ([Autoengine_V1_CoinState], Double)
  {
    let start = ContinuousClock.now
    let url = URL(string: "http://127.0.0.1:\(port)/api/coinstate")!
    while ContinuousClock.now - start < .seconds(seconds) {
      if let (data, _) = try? await URLSession.shared.data(from: url),
        let list = try? Autoengine_V1_ListCoinStatesResponse(jsonUTF8Data: data),
        list.states.count == 40, list.states.allSatisfy({ !$0.price.isEmpty })
      {
        let elapsed = ContinuousClock.now - start
        return (list.states, Double(elapsed.components.seconds))
      }
      try await Task.sleep(for: .milliseconds(200))
    }
    throw ChildProcessError("no live states for 40 coins within \(seconds) s")
  }

  @Test(.timeLimit(.minutes(1)))
  func defaultServePublishesFortyLiveCoinsWithin15Seconds() async throws {
    let (server, port) = try await serve([])
    defer { server.kill() }
    #expect(server.standardError().contains("market: SIMULATED"))
    let (first, _) = try await waitForLiveStates(port: port, within: 15)
    #expect(Set(first.map(\.symbol)).count == 40)
    // The prices keep moving: a later read differs somewhere.
    try await Task.sleep(for: .seconds(11))
    let (later, _) = try await waitForLiveStates(port: port, within: 5)
    #expect(zip(first, later).contains { $0.price != $1.price })
    server.signal(SIGTERM)
    #expect(try await server.waitForExit(seconds: 10) == 0)
  }

  @Test(.timeLimit(.minutes(1)))
  func serveReplaysTheSharedCandleFiles() async throws {
    let candles = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/data/candles").standardizedFileURL.path
    let (server, port) = try await serve(["--market", "replay", "--replay-dir", candles, "--replay-speed", "60"])
    defer { server.kill() }
    #expect(server.standardError().contains("market: REPLAY"))
    let (states, _) = try await waitForLiveStates(port: port, within: 15)
    #expect(states.count == 40)
    server.signal(SIGTERM)
    #expect(try await server.waitForExit(seconds: 10) == 0)
  }

  @Test(.timeLimit(.minutes(1)))
  func replayWithoutADirectoryIsRefusedNamingTheKey() async throws {
    let server = try ChildProcess(
      executable: try builtProduct("autoengine"), arguments: ["serve", "--market", "replay"])
    #expect(try await server.waitForExit(seconds: 20) == 1)
    #expect(server.standardError().contains("market.replay_dir"))
  }
}
