import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `autoengine serve` and `aectl health` as real processes.
@Suite struct ServeProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func serveAnswersHealthAndExitsCleanlyOnSIGTERM() async throws {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dataDir) }
    let server = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: ["serve", "--grpc-port", "0", "--http-port", "0", "--data-dir", dataDir.path])
    defer { server.kill() }

    let grpcLine = try await server.waitForStderrLine(containing: "gRPC listening on 127.0.0.1:", seconds: 20)
    let grpcPort = try #require(grpcLine.split(separator: ":").last.flatMap { Int($0) })
    _ = try await server.waitForStderrLine(containing: "REST listening on", seconds: 20)

    let aectl = try ChildProcess(
      executable: try builtProduct("aectl"), arguments: ["health", "--server", "127.0.0.1:\(grpcPort)"])
    let aectlStatus = try await aectl.waitForExit(seconds: 20)
    #expect(aectlStatus == 0)
    #expect(aectl.standardOutput().contains("SERVING"))

    let sent = ContinuousClock.now
    server.signal(SIGTERM)
    let status = try await server.waitForExit(seconds: 10)
    #expect(status == 0, "autoengine serve exited with \(status) on SIGTERM")
    #expect(ContinuousClock.now - sent < .seconds(5), "graceful shutdown took longer than 5 s")

    let log = try String(contentsOf: dataDir.appendingPathComponent("crypto_autoengine.log"), encoding: .utf8)
    #expect(log.contains("gRPC listening on"))
    #expect(log.contains("CRYPTO AUTOENGINE stopped"))
  }

  @Test(.timeLimit(.minutes(1)))
  func aectlHealthNamesTheServerAndExitsUnavailableWhenNothingListens() async throws {
    let aectl = try ChildProcess(
      executable: try builtProduct("aectl"), arguments: ["health", "--server", "127.0.0.1:1"])
    let status = try await aectl.waitForExit(seconds: 20)
    #expect(status == 14)  // gRPC UNAVAILABLE
    let stderr = aectl.standardError()
    #expect(stderr.contains("cannot connect to 127.0.0.1:1"))
    #expect(stderr.contains("autoengine serve"))
  }

  @Test(.timeLimit(.minutes(1)))
  func serveRejectsABadPortNamingTheKey() async throws {
    let server = try ChildProcess(
      executable: try builtProduct("autoengine"), arguments: ["serve", "--grpc-port", "70000"])
    let status = try await server.waitForExit(seconds: 20)
    #expect(status == 1)
    #expect(server.standardError().contains("server.grpc_port"))
    #expect(server.standardError().contains("70000"))
  }
}

extension ServeProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aectlUsageErrorsExitWith2() async throws {
    let aectl = try ChildProcess(
      executable: try builtProduct("aectl"), arguments: ["health", "--server", "no-port-here"])
    #expect(try await aectl.waitForExit(seconds: 20) == 2)
    #expect(aectl.standardError().contains("is not host:port"))
  }
}

extension ServeProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func configCheckListsEveryProblemAndMasksSecrets() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: file) }
    try "strategy:\n  min_confidence: 1.2\nfetch:\n  price_interval: 5\n".write(
      to: file, atomically: true, encoding: .utf8)
    let bad = try ChildProcess(executable: try builtProduct("autoengine"), arguments: ["config", "check", file.path])
    #expect(try await bad.waitForExit(seconds: 20) == 1)
    #expect(bad.standardError().contains("strategy.min_confidence"))
    #expect(bad.standardError().contains("fetch.price_fetch_interval"))  // the suggestion

    try "server:\n  grpc_port: 50123\n".write(to: file, atomically: true, encoding: .utf8)
    let good = try ChildProcess(
      executable: try builtProduct("autoengine"), arguments: ["config", "check", file.path],
      environment: ["AUTOENGINE_API_TOKEN": "very-secret-token-1234"])
    #expect(try await good.waitForExit(seconds: 20) == 0)
    let printed = good.standardOutput()
    #expect(printed.contains("50123"))
    #expect(!printed.contains("very-secret-token-1234"))
  }
}

extension ServeProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func cosmicPrintsTheDocumentedJSONKeys() async throws {
    let cosmic = try ChildProcess(
      executable: try builtProduct("autoengine"), arguments: ["cosmic", "--at", "2025-01-13T22:26:51Z", "--json"])
    #expect(try await cosmic.waitForExit(seconds: 20) == 0)
    let object = try JSONSerialization.jsonObject(with: Data(cosmic.standardOutput().utf8)) as? [String: Any]
    #expect(object?["phase_name"] as? String == "full moon")
    for key in ["phase_angle_deg", "illumination", "age_days", "next_new_moon", "next_full_moon"] {
      #expect(object?[key] != nil, "missing \(key)")
    }
    #expect((object?["next_new_moon"] as? String)?.hasPrefix("2025-01-29T12:3") == true)
  }
}
