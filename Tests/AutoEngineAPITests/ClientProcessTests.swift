import Foundation
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// The clients of `clients/` against `autoengine serve` on the simulated market, each a real
/// program in its own process: the web dashboard in headless Chromium (Selenium), the Python
/// examples (stubs generated from proto/ by grpcio-tools) and the C client (libcurl + nghttp2 +
/// OpenSSL + protobuf-c). Serialized: each starts its own server, and Chromium is heavy on a
/// 2-core machine.
@Suite(.serialized) struct ClientProcessTests {
  static let token = "client-test-token"

  /// The dashboard checks of clients/web/tests/dashboard_check.py: 40 rows, stale badges as the
  /// server says, a price change without reload within 15 s, the detail panel, the unauthorised
  /// start's error, the authorised start, phone width, no console errors; then the server is
  /// restarted on the same port and the connection indicator must count one reconnect.
  /// Screenshots land in .build/.
  @Test(.timeLimit(.minutes(5)))
  func dashboardInHeadlessChromium() async throws {
    // Prices every 5 s (default 10) so that a change within 15 s leaves room on a loaded machine.
    let arguments = ["--set", "fetch.price_fetch_interval=5"]
    let environment = ["AUTOENGINE_API_TOKEN": Self.token]
    let server = try await ServeProcess.start(arguments, environment: environment)
    defer { server.process.kill() }
    // The start-up log says where the dashboard is (the resource bundle was found).
    _ = try await server.process.waitForStderrLine(
      containing: "dashboard at http://127.0.0.1:\(server.httpPort)/", seconds: 10)
    let screenshot = packageRoot.appendingPathComponent(".build/dashboard.png")
    let check = try ChildProcess(
      executable: try venvPython(),
      arguments: [
        packageRoot.appendingPathComponent("clients/web/tests/dashboard_check.py").path,
        "--url", "http://127.0.0.1:\(server.httpPort)/", "--token", Self.token, "--change-within", "15",
        "--screenshot", screenshot.path, "--await-restart",
      ])
    defer { check.kill() }
    do {
      _ = try await check.waitForStdoutLine(
        containing: "waiting: restart the server now", failure: "FAILED:", seconds: 200)
    } catch {
      // Let the check quit Chromium and its driver itself (a killed Python leaves them running).
      _ = try? await check.waitForExit(seconds: 30)
      throw error
    }
    try await server.stop()
    let restarted = try await ServeProcess.start(arguments, environment: environment, httpPort: server.httpPort)
    defer { restarted.process.kill() }
    let status = try await check.waitForExit(seconds: 150)
    // The last line may still be in the pipe when the exit is seen (a loaded machine).
    _ = try? await check.waitForStdoutLine(containing: "ok: after the restart", failure: "FAILED:", seconds: 10)
    let output = check.standardOutput()
    #expect(status == 0, "\(output)\n\(check.standardError())")
    let checks = output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("ok: ") }
    #expect(checks.contains { $0.hasPrefix("ok: 40 rows with prices") })
    #expect(checks.contains { $0.hasPrefix("ok: stale badges on") })
    #expect(checks.contains { $0.contains("changed") && $0.contains("without reload") })
    #expect(checks.contains { $0.hasPrefix("ok: detail panel of BTC-USD") })
    #expect(checks.contains { $0.hasPrefix("ok: without a token:") && $0.contains("UNAUTHENTICATED") })
    #expect(checks.contains { $0.hasPrefix("ok: with the token:") && $0.contains("autobuy started") })
    #expect(checks.contains { $0.hasPrefix("ok: fits 390 px wide") })
    #expect(checks.contains { $0.hasPrefix("ok: no console errors") })
    #expect(checks.contains { $0.hasPrefix("ok: after the restart:") && $0.contains("1 reconnect") })
    #expect(FileManager.default.fileExists(atPath: screenshot.path))
    try await restarted.stop()
  }

  /// The Python examples: the watched snapshot has 40 coins, the signals of a coin print its
  /// aggregate, autobuy refuses a missing token (exit 16) and starts and stops with it.
  @Test(.timeLimit(.minutes(3)))
  func pythonExamplesPrintWhatTheServerSays() async throws {
    let server = try await ServeProcess.start([], environment: ["AUTOENGINE_API_TOKEN": Self.token])
    defer { server.process.kill() }
    let python = try venvPython()
    let examples = packageRoot.appendingPathComponent("clients/python/examples")
    let stubs = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-stubs-\(UUID().uuidString)")
    // Fresh stubs, generated from proto/ by this run; no token from the test's environment.
    let environment = ["AUTOENGINE_STUBS_DIR": stubs.path, "AUTOENGINE_API_TOKEN": ""]
    let address = "127.0.0.1:\(server.grpcPort)"
    func example(_ name: String, _ arguments: [String]) async throws -> ClientRun {
      try await runClient(
        python, [examples.appendingPathComponent(name).path, "--server", address] + arguments,
        environment: environment)
    }

    let watch = try await example("watch_coin_states.py", ["--count", "2", "--heartbeat", "1"])
    #expect(watch.status == 0, "\(watch.stderr)")
    let lines = watch.lines
    #expect(lines.first == "snapshot #1: 40 coins")
    let coinLines = lines.dropFirst().prefix { $0.hasPrefix("  ") }
    #expect(coinLines.count == 40)
    #expect(coinLines.contains { $0.hasPrefix("  BTC-USD ") && $0.contains("strength") })
    let second = try #require(lines.dropFirst(1 + coinLines.count).first)
    #expect(second.hasPrefix("update #2:") || second == "heartbeat #2")
    #expect(
      FileManager.default.fileExists(atPath: stubs.appendingPathComponent("autoengine/v1/coin_state_pb2.py").path))

    let signals = try await example("print_signals.py", ["BTC-USD"])
    #expect(signals.status == 0, "\(signals.stderr)")
    let aggregate = try #require(signals.lines.first)
    #expect(aggregate.hasPrefix("BTC-USD") && aggregate.contains("confidence") && aggregate.contains("hold "))
    #expect(signals.lines.dropFirst().allSatisfy { $0.hasPrefix("  P") })
    let unknown = try await example("print_signals.py", ["DOGE-EUR"])
    #expect(unknown.status == 5)
    #expect(unknown.stderr.contains("error: NOT_FOUND"))

    let refused = try await example("autobuy.py", ["start"])
    #expect(refused.status == 16)
    #expect(refused.stderr.contains("error: UNAUTHENTICATED"))
    let started = try await example("autobuy.py", ["start", "--token", Self.token])
    #expect(started.status == 0, "\(started.stderr)")
    #expect(started.stdout.contains("autobuy started (paper mode) (running: True, changed: True)"))
    let status = try await example("autobuy.py", ["status"])
    #expect(status.lines.first == "autobuy running: True")
    let stopped = try await example("autobuy.py", ["stop", "--token", Self.token])
    #expect(stopped.stdout.contains("autobuy stopped"))
    #expect(stopped.stdout.contains("(running: False, changed: True)"))
    try? FileManager.default.removeItem(at: stubs)
    try await server.stop()
  }

  /// The C client: builds with make, reads a few messages of WatchCoinStates, and prints for
  /// BTC-USD (and for the coin list) exactly what `aectl … --output json` prints, compared as
  /// decoded messages and as JSON key sets; the system is stopped first so both read the same
  /// state.
  @Test(.timeLimit(.minutes(5)))
  func cClientMatchesAectl() async throws {
    let client = try await builtCClient()
    let server = try await ServeProcess.start(
      ["--set", "fetch.stale_threshold_multiplier=100"], environment: ["AUTOENGINE_API_TOKEN": Self.token])
    defer { server.process.kill() }
    let target = "127.0.0.1:\(server.grpcPort)"

    let watch = try await runClient(client, ["--watch", "2", target, "BTC-USD"], seconds: 60)
    #expect(watch.status == 0, "\(watch.stderr)")
    let updates = try watch.lines.map { try Autoengine_V1_CoinStateUpdate(jsonString: $0) }
    #expect(updates.count == 2)
    #expect(updates.first?.snapshot == true && updates.first?.sequence == 1)
    #expect(updates.first?.states.map(\.symbol) == ["BTC-USD"])
    #expect(updates.last?.sequence == 2)

    // Wait for a live price, then freeze the state.
    var priced = false
    for _ in 0..<120 where !priced {
      let state = try await runClient(client, [target, "BTC-USD"], seconds: 30)
      priced = try state.status == 0 && !Autoengine_V1_CoinState(jsonString: state.stdout).price.isEmpty
      if !priced { try await Task.sleep(for: .milliseconds(500)) }
    }
    #expect(priced)
    let stop = try await AectlRun.run(
      ["system", "stop"], port: server.grpcPort, environment: ["AECTL_TOKEN": Self.token])
    #expect(stop.status == 0, "\(stop.stderr)")

    let fromC = try await runClient(client, [target, "BTC-USD"], seconds: 30)
    let fromAectl = try await AectlRun.run(["state", "BTC-USD", "--output", "json"], port: server.grpcPort)
    #expect(fromC.status == 0, "\(fromC.stderr)")
    #expect(fromAectl.status == 0, "\(fromAectl.stderr)")
    #expect(try jsonKeys(fromC.stdout) == jsonKeys(fromAectl.stdout))
    let stateFromC = try Autoengine_V1_CoinState(jsonString: fromC.stdout)
    #expect(stateFromC == (try Autoengine_V1_CoinState(jsonString: fromAectl.stdout)))
    #expect(stateFromC.symbol == "BTC-USD" && !stateFromC.price.isEmpty && stateFromC.hasIndicators)

    let coinsFromC = try await runClient(client, [target], seconds: 30)
    let coinsFromAectl = try await AectlRun.run(["coins", "--output", "json"], port: server.grpcPort)
    let coins = try Autoengine_V1_ListCoinsResponse(jsonString: coinsFromC.stdout)
    #expect(coins == (try Autoengine_V1_ListCoinsResponse(jsonString: coinsFromAectl.stdout)))
    #expect(coins.coins.count == 40 && coins.perExchange == ["coinbase": 20, "binanceus": 20])

    let unknown = try await runClient(client, [target, "DOGE-EUR"], seconds: 30)
    #expect(unknown.status == 5)
    #expect(unknown.stderr.contains("NOT_FOUND"))
    let refused = try await runClient(client, ["127.0.0.1:1", "BTC-USD"], seconds: 30)
    #expect(refused.status == 14)
    try await server.stop()
  }

  /// Both clients over TLS: they trust the server's self-signed certificate given as the CA, and
  /// the C client refuses the server without it (the certificate is verified).
  @Test(.timeLimit(.minutes(3)))
  func cAndPythonClientsSpeakTLS() async throws {
    let client = try await builtCClient()
    let certificate = try SelfSignedCertificate()
    defer { certificate.remove() }
    let server = try await ServeProcess.start([
      "--tls-cert", certificate.certificatePath, "--tls-key", certificate.keyPath,
    ])
    defer { server.process.kill() }
    let target = "127.0.0.1:\(server.grpcPort)"

    let state = try await runClient(client, ["--ca", certificate.certificatePath, target, "BTC-USD"], seconds: 30)
    #expect(state.status == 0, "\(state.stderr)")
    #expect(try Autoengine_V1_CoinState(jsonString: state.stdout).symbol == "BTC-USD")
    let untrusted = try await runClient(client, ["--tls", target, "BTC-USD"], seconds: 30)
    #expect(untrusted.status == 14)
    #expect(untrusted.stdout.isEmpty)

    let watch = try await runClient(
      try venvPython(),
      [
        packageRoot.appendingPathComponent("clients/python/examples/watch_coin_states.py").path,
        "--server", target, "--ca", certificate.certificatePath, "--count", "1",
      ])
    #expect(watch.status == 0, "\(watch.stderr)")
    #expect(watch.lines.first == "snapshot #1: 40 coins")
    try await server.stop()
  }

  /// With reads closed, the bearer token is what lets the C client and the Python examples read.
  @Test(.timeLimit(.minutes(3)))
  func clientsSendTheBearerToken() async throws {
    let client = try await builtCClient()
    let server = try await ServeProcess.start(
      ["--set", "server.require_token_for_reads=true"], environment: ["AUTOENGINE_API_TOKEN": Self.token])
    defer { server.process.kill() }
    let target = "127.0.0.1:\(server.grpcPort)"
    let refused = try await runClient(client, [target, "BTC-USD"], environment: ["AECTL_TOKEN": ""], seconds: 30)
    #expect(refused.status == 16)
    #expect(refused.stderr.contains("UNAUTHENTICATED"))
    let read = try await runClient(client, ["--token", Self.token, target, "BTC-USD"], seconds: 30)
    #expect(read.status == 0, "\(read.stderr)")
    #expect(try Autoengine_V1_CoinState(jsonString: read.stdout).symbol == "BTC-USD")

    let signals = packageRoot.appendingPathComponent("clients/python/examples/print_signals.py").path
    let noToken = ["AUTOENGINE_API_TOKEN": ""]
    let pythonRefused = try await runClient(
      try venvPython(), [signals, "--server", target, "BTC-USD"], environment: noToken)
    #expect(pythonRefused.status == 16)
    #expect(pythonRefused.stderr.contains("error: UNAUTHENTICATED"))
    let pythonRead = try await runClient(
      try venvPython(), [signals, "--server", target, "--token", Self.token, "BTC-USD"], environment: noToken)
    #expect(pythonRead.status == 0, "\(pythonRead.stderr)")
    #expect(pythonRead.lines.first?.hasPrefix("BTC-USD") == true)
    try await server.stop()
  }

  /// The keys of a JSON document, recursively, as "a.b.c" paths (array elements share their
  /// array's path), so that a field the C client names differently or omits shows up.
  private func jsonKeys(_ text: String) throws -> Set<String> {
    func walk(_ value: Any, _ path: String, into keys: inout Set<String>) {
      if let object = value as? [String: Any] {
        for (key, child) in object {
          let childPath = path.isEmpty ? key : "\(path).\(key)"
          keys.insert(childPath)
          walk(child, childPath, into: &keys)
        }
      } else if let array = value as? [Any] {
        for element in array { walk(element, path, into: &keys) }
      }
    }
    var keys = Set<String>()
    walk(try JSONSerialization.jsonObject(with: Data(text.utf8)), "", into: &keys)
    return keys
  }
}
