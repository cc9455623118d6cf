import AutoEngineRuntime
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Testing

@testable import AutoEngineAPI

/// `aectl system …`, the connection options (server, token, TLS) and the exit codes, as a
/// subprocess.
@Suite struct AectlSystemTests {
  @Test(.timeLimit(.minutes(1)))
  func systemStatusHealthStopAndStart() async throws {
    let token = "system-token-1"
    try await withRunningServer(access: APIAccessPolicy(token: token)) { engine, port, _ in
      let status = try await AectlRun.run(["system", "status", "-o", "json"], port: port)
      #expect(status.status == 0)
      let report = try status.decoded(Autoengine_V1_SystemStatus.self)
      #expect(report.running && report.coinsTotal == 40)
      let table = try await AectlRun.run(["system", "status"], port: port)
      #expect(table.stdout.contains("coins:           40 configured, 40 enabled"))
      #expect(table.tableRow(startingWith: "grpc")?[1] == "RUNNING")

      let stopped = try await AectlRun.run(["system", "stop"], port: port, environment: ["AECTL_TOKEN": token])
      #expect(stopped.status == 0 && stopped.stdout.contains("engine stopped"))
      #expect(!engine.runSwitch.isRunning)
      let health = try await AectlRun.run(["system", "health", "-o", "json"], port: port)
      #expect(health.status == 1)  // NOT_SERVING while stopped
      #expect(try health.decoded(Autoengine_V1_HealthReport.self).status == .notServing)
      let started = try await AectlRun.run(["system", "start", "--token", token], port: port)
      #expect(started.status == 0 && started.stdout.contains("engine running"))
      let healthy = try await AectlRun.run(["system", "health"], port: port)
      #expect(healthy.status == 0 && healthy.stdout.hasPrefix("health:   SERVING"))
      let grpcHealth = try await AectlRun.run(["health", "-o", "json"], port: port)
      #expect(grpcHealth.status == 0 && grpcHealth.stdout.contains("SERVING"))

      let refused = try await AectlRun.run(["system", "stop"], port: port)
      #expect(refused.status == 16)
      let tls = try await AectlRun.run(["system", "status", "--tls"], port: port)
      #expect(tls.status == 14 && tls.stderr.contains("the server does not speak TLS"), "\(tls.stderr)")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func everyCommandNamesAnUnreachableServerAndExitsUnavailable() async throws {
    for command in [
      ["coins"], ["state"], ["watch"], ["strategies"], ["signals", "BTC-USD"], ["watch-signals"],
      ["trading", "info"], ["trading", "watch"], ["system", "status"], ["health"],
    ] {
      let run = try await AectlRun.run(command, environment: ["AECTL_SERVER": "127.0.0.1:1"])
      #expect(run.status == 14, "\(command)")
      #expect(
        run.stderr == "aectl: cannot connect to 127.0.0.1:1: connection refused — is `autoengine serve` running?\n",
        "\(command): \(run.stderr)")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func usageErrorsExitWith2() async throws {
    for usage in [
      ["coins", "--output", "yaml"], ["coins", "--server", "no-port"], ["coins", "--timeout", "0"],
      ["coins", "--exchange", "kraken"], ["watch", "--count", "0"], ["strategies", "--category", "price"],
      ["nope"],
    ] {
      let run = try await AectlRun.run(usage)
      #expect(run.status == 2, "\(usage)")
      #expect(run.stderr.hasPrefix("aectl: ") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func aBadCAFileIsAUsageErrorNamingTheFile() async throws {
    let missing = try await AectlRun.run(["health", "--ca", "/nonexistent/ca.pem"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("--ca '/nonexistent/ca.pem': cannot read the file"))
    let notPEM = try TestCertificates.file("not a certificate")
    defer { try? FileManager.default.removeItem(atPath: notPEM) }
    let garbage = try await AectlRun.run(["health", "--ca", notPEM])
    #expect(garbage.status == 2)
    #expect(garbage.stderr.contains("not a PEM certificate"))
  }

  @Test(.timeLimit(.minutes(1)))
  func tlsTrustsTheGivenCAAndRefusesOthers() async throws {
    let ca = try TestCertificates.file(TestCertificates.authority)
    let other = try TestCertificates.file(TestCertificates.otherAuthority)
    defer {
      try? FileManager.default.removeItem(atPath: ca)
      try? FileManager.default.removeItem(atPath: other)
    }
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .tls(
        certificateChain: [.bytes(Array(TestCertificates.server.utf8), format: .pem)],
        privateKey: .bytes(Array(TestCertificates.serverKey.utf8), format: .pem)))
    let server = GRPCServer(transport: transport, services: [HealthGRPCService(engine: Engine())])
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { try await server.serve() }
      defer { server.beginGracefulShutdown() }
      let port = try #require(try await transport.listeningAddress.ipv4?.port)

      let trusted = try await AectlRun.run(["health", "--ca", ca], port: port)
      #expect(trusted.status == 0, "\(trusted.stderr)")
      #expect(trusted.stdout == "SERVING\n")
      let byName = try await AectlRun.run(["health", "--ca", ca, "--server", "localhost:\(port)"])
      #expect(byName.status == 0, "\(byName.stderr)")
      let untrusted = try await AectlRun.run(["health", "--ca", other], port: port)
      #expect(untrusted.status == 14)
      #expect(
        untrusted.stderr == "aectl: cannot connect to 127.0.0.1:\(port): TLS handshake failed: the server's "
          + "certificate is not trusted (pass its CA with --ca FILE)\n", "\(untrusted.stderr)")
      let plaintext = try await AectlRun.run(["health", "--timeout", "2"], port: port)
      #expect(plaintext.status != 0)
      #expect(plaintext.stderr.contains("127.0.0.1:\(port)") && plaintext.stderr.contains("try --tls"))
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func aectlTalksTLSToTheRealServerConfiguredWithACertificate() async throws {
    let ca = try TestCertificates.file(TestCertificates.authority)
    let certificate = try TestCertificates.file(TestCertificates.server)
    let key = try TestCertificates.file(TestCertificates.serverKey)
    defer { for path in [ca, certificate, key] { try? FileManager.default.removeItem(atPath: path) } }
    let identity = try TLSIdentity(certificatePath: certificate, keyPath: key)
    try await withRunningServer(configure: { $0.tls = identity }) { _, grpcPort, _ in
      let health = try await AectlRun.run(["health", "--tls", "--ca", ca], port: grpcPort)
      #expect(health.status == 0, "\(health.stderr)")
      #expect(health.stdout == "SERVING\n")
      let coins = try await AectlRun.run(["coins", "--ca", ca, "-o", "json"], port: grpcPort)
      #expect(coins.status == 0, "\(coins.stderr)")
      #expect(coins.stdout.contains("BTC-USD"))
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func completionScriptsAreGeneratedForEachShell() async throws {
    for shell in ["bash", "zsh", "fish"] {
      let run = try await AectlRun.run(["--generate-completion-script", shell])
      #expect(run.status == 0)
      #expect(run.stdout.contains("aectl") && run.stdout.contains("watch-signals"), "\(shell)")
    }
  }
}
