import AsyncHTTPClient
import AutoEngineRuntime
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import NIOCore
import NIOHTTP1
import NIOSSL
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// Both listeners over TLS with a self-signed certificate made at test time: clients that trust
/// it connect, plaintext clients do not, and bad certificate files are a clear start-up error.
@Suite(.timeLimit(.minutes(2))) struct TLSServerTests {
  @Test func grpcAndRESTServeTLSWithTheConfiguredCertificate() async throws {
    let certificate = try SelfSignedCertificate()
    defer { certificate.remove() }
    let identity = try TLSIdentity(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath)
    let trusted = try certificate.certificatePEM()
    try await withRunningServer(configure: { $0.tls = identity }) { _, grpcPort, httpPort in
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: "127.0.0.1", port: grpcPort),
        transportSecurity: .tls { $0.trustRoots = .certificates([.bytes(trusted, format: .pem)]) })
      try await withGRPCClient(transport: transport) { client in
        let report = try await Autoengine_V1_SystemService.Client(wrapping: client).getHealth(.init())
        #expect(report.status == .serving)
        let health = try await Grpc_Health_V1_Health.Client(wrapping: client).check(.init())
        #expect(health.status == .serving)
      }

      let http = try Self.httpClient(trusting: certificate)
      let response = try await http.execute(
        HTTPClientRequest(url: "https://127.0.0.1:\(httpPort)/api/health"), timeout: .seconds(10))
      let body = try await response.body.collect(upTo: 1 << 20)
      try await http.shutdown()
      #expect(response.status == .ok)
      let report = try Autoengine_V1_HealthReport(jsonUTF8Bytes: Array(buffer: body))
      #expect(report.status == .serving)
    }
  }

  @Test func plaintextClientsCannotTalkToTheTLSPorts() async throws {
    let certificate = try SelfSignedCertificate()
    defer { certificate.remove() }
    let identity = try TLSIdentity(certificatePath: certificate.certificatePath, keyPath: certificate.keyPath)
    try await withRunningServer(configure: { $0.tls = identity }) { _, grpcPort, httpPort in
      try await withLoopbackClient(port: grpcPort) { client in
        var options = CallOptions.defaults
        options.timeout = .seconds(5)
        await #expect(throws: RPCError.self) {
          try await Grpc_Health_V1_Health.Client(wrapping: client).check(.init(), options: options)
        }
      }

      let http = HTTPClient(eventLoopGroupProvider: .singleton)
      await #expect(throws: (any Error).self) {
        let response = try await http.execute(
          HTTPClientRequest(url: "http://127.0.0.1:\(httpPort)/api/health"), timeout: .seconds(5))
        _ = try await response.body.collect(upTo: 1 << 20)
      }
      try await http.shutdown()
    }
  }

  @Test func aMissingOrMalformedFileIsAnErrorNamingIt() throws {
    let certificate = try SelfSignedCertificate()
    defer { certificate.remove() }
    let missing = certificate.directory.appendingPathComponent("missing.pem").path
    #expect {
      try TLSIdentity(certificatePath: missing, keyPath: certificate.keyPath)
    } throws: { error in
      let error = error as? EngineError
      return error?.code == .fixConfiguration && error?.message.contains("server.tls_cert \(missing)") == true
    }
    // A certificate where the key should be: readable, but not a private key.
    #expect {
      try TLSIdentity(certificatePath: certificate.certificatePath, keyPath: certificate.certificatePath)
    } throws: { error in
      (error as? EngineError)?.message.contains("server.tls_key \(certificate.certificatePath)") == true
    }
    #expect {
      try TLSIdentity(certificatePath: certificate.keyPath, keyPath: certificate.keyPath)
    } throws: { error in
      (error as? EngineError)?.message.contains("server.tls_cert \(certificate.keyPath)") == true
    }
    // The key of another certificate.
    let other = try SelfSignedCertificate()
    defer { other.remove() }
    #expect {
      try TLSIdentity(certificatePath: certificate.certificatePath, keyPath: other.keyPath)
    } throws: { error in
      (error as? EngineError)?.message.contains("server.tls_key \(other.keyPath) does not fit") == true
    }
  }

  @Test func serveWithAnUnreadableCertificateExitsNamingTheFile() async throws {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-tls-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dataDir) }
    let server = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: [
        "serve", "--grpc-port", "0", "--http-port", "0", "--data-dir", dataDir.path,
        "--tls-cert", "/nonexistent/autoengine-cert.pem", "--tls-key", "/nonexistent/autoengine-key.pem",
      ])
    defer { server.kill() }
    let status = try await server.waitForExit(seconds: 30)
    #expect(status == 1)
    #expect(server.standardError().contains("server.tls_cert /nonexistent/autoengine-cert.pem"))
    #expect(!server.standardError().contains("listening on"))
  }

  /// An HTTP client whose only trusted root is `certificate`.
  static func httpClient(trusting certificate: SelfSignedCertificate) throws -> HTTPClient {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate.certificatePath))
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
  }
}
