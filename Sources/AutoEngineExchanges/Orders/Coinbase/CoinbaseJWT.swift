public import AutoEngineCore
public import Crypto
import FoundationEssentials

/// Makes the per-request JWT of Coinbase Advanced Trade (CDP API keys): ES256 over P-256.
///
/// Header `{"alg":"ES256","kid":<key name>,"nonce":<random hex>,"typ":"JWT"}`; claims
/// `{"sub":<key name>,"iss":"cdp","nbf":now,"exp":now+120,"uri":"<METHOD> <host><path>"}`
/// (times in whole UNIX seconds; `uri` without scheme and query). The signature is the JWS raw
/// `r‖s` form (64 bytes), base64url without padding. `description` never shows the private key,
/// and of the key name only its last 4 characters.
public struct CoinbaseJWT: Sendable, CustomStringConvertible, CustomReflectable {
  /// Lifetime of a token, seconds (Coinbase accepts at most 2 minutes).
  public static let lifetimeSeconds: Int64 = 120

  /// The key name, e.g. `organizations/{org}/apiKeys/{id}` (`kid` and `sub`).
  public let keyName: String
  private let privateKey: P256.Signing.PrivateKey

  /// Creates a signer from the key name and the P-256 private key.
  public init(keyName: String, privateKey: P256.Signing.PrivateKey) {
    self.keyName = keyName
    self.privateKey = privateKey
  }

  /// Creates a signer from the key name and the private key in PEM: SEC1
  /// (`-----BEGIN EC PRIVATE KEY-----`) or PKCS#8 (`-----BEGIN PRIVATE KEY-----`). Literal `\n`
  /// escapes (as environment variables often carry them) are read as newlines.
  ///
  /// - Throws: `CoinbaseKeyError` saying what is wrong with the key (never quoting it).
  public init(keyName: String, privateKeyPEM: String) throws(CoinbaseKeyError) {
    guard !keyName.isEmpty else { throw .emptyKeyName }
    let pem = Self.unescapedPEM(privateKeyPEM)
    guard pem.contains("-----BEGIN") else { throw .notPEM }
    do {
      self.init(keyName: keyName, privateKey: try P256.Signing.PrivateKey(pemRepresentation: pem))
    } catch {
      throw .unreadable("not a P-256 EC private key in SEC1 or PKCS#8 PEM (\(type(of: error)))")
    }
  }

  /// The public key matching the signing key (what Coinbase verifies with).
  public var publicKey: P256.Signing.PublicKey { privateKey.publicKey }

  /// A fresh token for `method` `host``path` valid from `now` for 120 s.
  ///
  /// - Parameters:
  ///   - host: the API host as requests address it, e.g. `api.coinbase.com` (with `:port` when
  ///     not the scheme's default).
  ///   - path: the request path without query, e.g. `/api/v3/brokerage/orders`.
  ///   - nonce: the header's nonce; a random 32-digit hex string when nil.
  public func token(method: String, host: String, path: String, now: UnixTime, nonce: String? = nil) -> String {
    let issued = Int64(now.seconds.rounded(.down))
    let header = Header(alg: "ES256", kid: keyName, nonce: nonce ?? Self.randomNonce(), typ: "JWT")
    let claims = Claims(
      sub: keyName, iss: "cdp", nbf: issued, exp: issued + Self.lifetimeSeconds,
      uri: Self.uri(method: method, host: host, path: path))
    let signingInput = Self.base64URL(Self.json(header)) + "." + Self.base64URL(Self.json(claims))
    let signature: [UInt8]
    do {
      signature = Array(try privateKey.signature(for: Array(signingInput.utf8)).rawRepresentation)
    } catch {
      // Signing with a valid key does not fail; an empty signature makes the exchange refuse the
      // request (HTTP 401) rather than crash the engine.
      signature = []
    }
    return signingInput + "." + Self.base64URL(signature)
  }

  /// The `uri` claim: method, one space, host and path (no scheme, no query).
  public static func uri(method: String, host: String, path: String) -> String {
    var path = path
    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
    return method.uppercased() + " " + host + path
  }

  /// The host (with `:port` when given) of `baseURL`, e.g. `api.coinbase.com` of
  /// `https://api.coinbase.com`, `127.0.0.1:8080` of `http://127.0.0.1:8080/`.
  public static func host(ofBaseURL baseURL: String) -> String {
    var rest = Substring(baseURL)
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    return String(rest)
  }

  /// `bytes` in base64url without padding (RFC 7515 §2).
  public static func base64URL(_ bytes: [UInt8]) -> String {
    var text = Data(bytes).base64EncodedString()
    while text.hasSuffix("=") { text.removeLast() }
    return String(text.map { $0 == "+" ? "-" : ($0 == "/" ? "_" : $0) })
  }

  /// The bytes of base64url `text` (padding optional), or nil when it is not base64url.
  public static func base64URLDecoded(_ text: String) -> [UInt8]? {
    var standard = String(text.map { $0 == "-" ? "+" : ($0 == "_" ? "/" : $0) })
    while standard.utf8.count % 4 != 0 { standard += "=" }
    return Data(base64Encoded: standard).map(Array.init)
  }

  /// `pem` with literal `\n` (backslash, n) read as newlines and surrounding space removed.
  static func unescapedPEM(_ pem: String) -> String {
    var text = pem.replacing("\\r\\n", with: "\n").replacing("\\n", with: "\n")
    while let first = text.first, first.isWhitespace || first == "\"" { text.removeFirst() }
    while let last = text.last, last.isWhitespace || last == "\"" { text.removeLast() }
    return text + "\n"
  }

  private static func randomNonce() -> String {
    var generator = SystemRandomNumberGenerator()
    return BinanceUSSigner.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  public var description: String { "CoinbaseJWT(keyName: \(BinanceUSSigner.masked(keyName)), privateKey: ****)" }

  public var customMirror: Mirror {
    Mirror(self, children: ["keyName": BinanceUSSigner.masked(keyName), "privateKey": "****"])
  }
}

/// What is wrong with a Coinbase API key; never quotes the key.
public enum CoinbaseKeyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The key name is empty.
  case emptyKeyName
  /// The private key is not PEM text (no `-----BEGIN` line).
  case notPEM
  /// PEM that is not a P-256 EC private key.
  case unreadable(String)

  public var description: String {
    switch self {
    case .emptyKeyName: "the key name is empty"
    case .notPEM: "the private key is not PEM (no -----BEGIN line)"
    case .unreadable(let why): "the private key is unreadable: \(why)"
    }
  }
}

extension CoinbaseJWT {
  /// The JOSE header of the token.
  struct Header: Encodable {
    let alg: String
    let kid: String
    let nonce: String
    let typ: String
  }

  /// The claims of the token (times in whole UNIX seconds).
  struct Claims: Encodable {
    let sub: String
    let iss: String
    let nbf: Int64
    let exp: Int64
    let uri: String
  }

  /// `value` as compact JSON with sorted keys (no escaped slashes: the key name contains `/`).
  static func json(_ value: some Encodable) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding these flat structs of strings and integers cannot fail.
    return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
  }
}
