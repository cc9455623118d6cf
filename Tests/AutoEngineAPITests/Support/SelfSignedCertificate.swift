import Foundation

/// A throwaway self-signed certificate for 127.0.0.1 and localhost, with its private key, written
/// as PEM files into a fresh temporary folder by `openssl req -x509`.
struct SelfSignedCertificate {
  /// The folder holding both files.
  let directory: URL
  /// Path of the PEM certificate.
  var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
  /// Path of the PEM private key (P-256).
  var keyPath: String { directory.appendingPathComponent("key.pem").path }

  /// Generates the pair; throws if openssl is missing or fails.
  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    openssl.arguments = [
      "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout", directory.appendingPathComponent("key.pem").path,
      "-out", directory.appendingPathComponent("cert.pem").path,
    ]
    openssl.standardOutput = FileHandle.nullDevice
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    guard openssl.terminationStatus == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl req -x509 failed"])
    }
  }

  /// The certificate's PEM bytes, for a client's trust roots.
  func certificatePEM() throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: certificatePath)))
  }

  /// Removes the folder.
  func remove() { try? FileManager.default.removeItem(at: directory) }
}
