public import Crypto
import FoundationEssentials
import Synchronization

/// The API credentials the mock's order routes accept: a Binance.US API key and HMAC secret,
/// and a Coinbase key name with its P-256 key pair (a fresh pair per mock state).
///
/// Tests read them to configure the clients, or change them to provoke refusals (a wrong secret
/// gives `-1022`, another public key a `401`).
public final class MockCredentials: Sendable {
  private struct Storage {
    var binanceUSAPIKey = "mock-binanceus-api-key-0123456789"
    var binanceUSSecret = "mock-binanceus-secret-abcdefghijklmnopqrstuvwxyz"
    var coinbaseKeyName = "organizations/mock-org/apiKeys/mock-key"
    var coinbasePrivateKey = P256.Signing.PrivateKey()
    var coinbasePublicKey: P256.Signing.PublicKey
  }

  private let storage: Mutex<Storage>

  /// Creates credentials with a fresh Coinbase key pair.
  public init() {
    let key = P256.Signing.PrivateKey()
    storage = Mutex(Storage(coinbasePrivateKey: key, coinbasePublicKey: key.publicKey))
  }

  /// The Binance.US API key expected in `X-MBX-APIKEY`.
  public var binanceUSAPIKey: String {
    get { storage.withLock { $0.binanceUSAPIKey } }
    set { storage.withLock { $0.binanceUSAPIKey = newValue } }
  }

  /// The Binance.US HMAC secret signatures are checked with.
  public var binanceUSSecret: String {
    get { storage.withLock { $0.binanceUSSecret } }
    set { storage.withLock { $0.binanceUSSecret = newValue } }
  }

  /// The Coinbase key name expected as the JWT's `kid` and `sub`.
  public var coinbaseKeyName: String {
    get { storage.withLock { $0.coinbaseKeyName } }
    set { storage.withLock { $0.coinbaseKeyName = newValue } }
  }

  /// The Coinbase private key in SEC1 PEM (`-----BEGIN EC PRIVATE KEY-----`, as Coinbase hands
  /// out CDP keys), for the client.
  public var coinbasePrivateKeyPEM: String {
    storage.withLock { storage in
      let der = Self.sec1DER(storage.coinbasePrivateKey)
      return "-----BEGIN EC PRIVATE KEY-----\n" + Self.base64Lines(der) + "-----END EC PRIVATE KEY-----\n"
    }
  }

  /// The Coinbase private key in PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for the client.
  public var coinbasePrivateKeyPKCS8PEM: String { storage.withLock { $0.coinbasePrivateKey.pemRepresentation } }

  /// The public key JWT signatures are verified with (by default the private key's).
  public var coinbasePublicKey: P256.Signing.PublicKey {
    get { storage.withLock { $0.coinbasePublicKey } }
    set { storage.withLock { $0.coinbasePublicKey = newValue } }
  }

  /// RFC 5915 `ECPrivateKey` DER of a P-256 key: version 1, the 32-byte scalar, the curve OID
  /// (prime256v1) and the uncompressed public point.
  static func sec1DER(_ key: P256.Signing.PrivateKey) -> [UInt8] {
    let scalar = Array(key.rawRepresentation)
    let point = Array(key.publicKey.x963Representation)
    let curve: [UInt8] = [0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
    let body: [UInt8] =
      [0x02, 0x01, 0x01, 0x04, 0x20] + scalar + curve + [0xA1, 0x44, 0x03, 0x42, 0x00] + point
    return [0x30, UInt8(body.count)] + body
  }

  private static func base64Lines(_ bytes: [UInt8]) -> String {
    let text = Array(Data(bytes).base64EncodedString())
    var lines = ""
    var start = 0
    while start < text.count {
      lines += String(text[start..<min(start + 64, text.count)]) + "\n"
      start += 64
    }
    return lines
  }
}
