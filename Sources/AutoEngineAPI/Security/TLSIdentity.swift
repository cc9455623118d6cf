public import AutoEngineRuntime
import Foundation
import GRPCNIOTransportHTTP2
import NIOSSL

/// The certificate chain and private key both listeners serve TLS with (`server.tls_cert`,
/// `server.tls_key`), read and checked once, at start-up.
///
/// Loading reads both PEM files and parses them, so that a missing, unreadable or malformed file
/// stops the start with a message naming the key and the file, before anything binds — rather
/// than a crash or a failed handshake on the first client.
public struct TLSIdentity: Sendable {
  /// Path of the PEM certificate chain (leaf first).
  public let certificatePath: String
  /// Path of the PEM private key of the leaf certificate.
  public let keyPath: String
  /// The parsed certificate chain, leaf first; never empty.
  let certificateChain: [NIOSSLCertificate]
  /// The parsed private key.
  let privateKey: NIOSSLPrivateKey
  /// The certificate file's bytes, as the gRPC transport takes them.
  private let certificatePEM: [UInt8]
  /// The key file's bytes, as the gRPC transport takes them.
  private let keyPEM: [UInt8]

  /// Reads and checks the PEM certificate chain and private key.
  ///
  /// - Throws: FIX_CONFIGURATION naming the setting and the file that cannot be read or parsed.
  public init(certificatePath: String, keyPath: String) throws(EngineError) {
    self.certificatePath = certificatePath
    self.keyPath = keyPath
    certificatePEM = try Self.read(certificatePath, key: "server.tls_cert")
    keyPEM = try Self.read(keyPath, key: "server.tls_key")
    do {
      certificateChain = try NIOSSLCertificate.fromPEMBytes(certificatePEM)
    } catch {
      throw Self.invalid("server.tls_cert", certificatePath, "is not a PEM certificate chain (\(error))")
    }
    guard !certificateChain.isEmpty else {
      throw Self.invalid("server.tls_cert", certificatePath, "holds no PEM certificate")
    }
    do {
      privateKey = try NIOSSLPrivateKey(bytes: keyPEM, format: .pem)
    } catch {
      throw Self.invalid("server.tls_key", keyPath, "is not a PEM private key (\(error))")
    }
    do {
      _ = try NIOSSLContext(configuration: restConfiguration)
    } catch {
      throw Self.invalid(
        "server.tls_key", keyPath, "does not fit the certificate of server.tls_cert \(certificatePath) (\(error))")
    }
  }

  /// The identity of `settings`, or nil when they serve plaintext.
  public init?(_ settings: ServerSettings) throws(EngineError) {
    guard settings.usesTLS else { return nil }
    try self.init(certificatePath: settings.tlsCertificatePath, keyPath: settings.tlsKeyPath)
  }

  /// The gRPC listener's transport security: TLS with this identity, no client certificates.
  var grpcSecurity: HTTP2ServerTransport.Posix.TransportSecurity {
    .tls(certificateChain: [.bytes(certificatePEM, format: .pem)], privateKey: .bytes(keyPEM, format: .pem))
  }

  /// The REST listener's TLS configuration: this identity, no client certificates, HTTP/1.1.
  var restConfiguration: TLSConfiguration {
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: certificateChain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    configuration.applicationProtocols = ["http/1.1"]
    return configuration
  }

  private static func read(_ path: String, key: String) throws(EngineError) -> [UInt8] {
    do {
      return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      throw invalid(key, path, "cannot be read (\(reason))")
    }
  }

  private static func invalid(_ key: String, _ path: String, _ problem: String) -> EngineError {
    EngineError(.fixConfiguration, "\(key) \(path) \(problem); set a readable PEM file or leave it empty for plaintext")
  }
}
