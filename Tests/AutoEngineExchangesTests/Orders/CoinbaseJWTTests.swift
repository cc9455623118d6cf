import AutoEngineCore
import AutoEngineExchanges
import AutoEngineTestSupport
import Crypto
import FoundationEssentials
import Testing

@Suite("Coinbase JWT (ES256)")
struct CoinbaseJWTTests {
  struct Header: Decodable, Equatable {
    var alg: String
    var kid: String
    var nonce: String
    var typ: String
  }

  struct Claims: Decodable, Equatable {
    var sub: String
    var iss: String
    var nbf: Int64
    var exp: Int64
    var uri: String
  }

  static let keyName = "organizations/0f4c2b1e-org/apiKeys/9a8b7c6d-key"

  /// The three parts of `token`, decoded.
  func parts(_ token: String) throws -> (header: [UInt8], claims: [UInt8], signature: [UInt8], input: String) {
    let pieces = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    try #require(pieces.count == 3)
    for piece in pieces {
      #expect(!piece.contains("=") && !piece.contains("+") && !piece.contains("/"), "base64url without padding")
    }
    let header = try #require(CoinbaseJWT.base64URLDecoded(pieces[0]))
    let claims = try #require(CoinbaseJWT.base64URLDecoded(pieces[1]))
    let signature = try #require(CoinbaseJWT.base64URLDecoded(pieces[2]))
    return (header, claims, signature, pieces[0] + "." + pieces[1])
  }

  @Test("header and claims carry every documented field and the signature verifies with the public key")
  func everyField() throws {
    let key = P256.Signing.PrivateKey()
    let jwt = CoinbaseJWT(keyName: Self.keyName, privateKey: key)
    let token = jwt.token(
      method: "POST", host: "api.coinbase.com", path: "/api/v3/brokerage/orders",
      now: UnixTime(seconds: 1_750_000_000.7),
      nonce: "00ff13")
    let (headerBytes, claimBytes, signature, input) = try parts(token)
    let header = try JSONDecoder().decode(Header.self, from: Data(headerBytes))
    #expect(header == Header(alg: "ES256", kid: Self.keyName, nonce: "00ff13", typ: "JWT"))
    #expect(String(decoding: headerBytes, as: UTF8.self).hasPrefix(#"{"alg":"ES256","kid":"#))
    let claims = try JSONDecoder().decode(Claims.self, from: Data(claimBytes))
    #expect(
      claims
        == Claims(
          sub: Self.keyName, iss: "cdp", nbf: 1_750_000_000, exp: 1_750_000_120,
          uri: "POST api.coinbase.com/api/v3/brokerage/orders"))
    #expect(signature.count == 64, "JWS raw r||s")
    let parsed = try P256.Signing.ECDSASignature(rawRepresentation: signature)
    #expect(key.publicKey.isValidSignature(parsed, for: Array(input.utf8)))
    #expect(jwt.publicKey.rawRepresentation == key.publicKey.rawRepresentation)
    let other = P256.Signing.PrivateKey().publicKey
    #expect(!other.isValidSignature(parsed, for: Array(input.utf8)))
  }

  @Test("every token has a fresh random hex nonce")
  func freshNonce() throws {
    let jwt = CoinbaseJWT(keyName: Self.keyName, privateKey: P256.Signing.PrivateKey())
    let now = UnixTime(seconds: 1_750_000_000)
    let first = try JSONDecoder().decode(
      Header.self, from: Data(try parts(jwt.token(method: "GET", host: "h", path: "/p", now: now)).header))
    let second = try JSONDecoder().decode(
      Header.self, from: Data(try parts(jwt.token(method: "GET", host: "h", path: "/p", now: now)).header))
    #expect(first.nonce != second.nonce)
    #expect(first.nonce.count == 32 && first.nonce.allSatisfy(\.isHexDigit))
  }

  @Test("uri: method, one space, host (with a non-default port) and path; no scheme, no query")
  func uriClaim() {
    #expect(
      CoinbaseJWT.uri(method: "get", host: "api.coinbase.com", path: "/api/v3/brokerage/accounts?limit=250")
        == "GET api.coinbase.com/api/v3/brokerage/accounts")
    #expect(CoinbaseJWT.host(ofBaseURL: "https://api.coinbase.com") == "api.coinbase.com")
    #expect(CoinbaseJWT.host(ofBaseURL: "http://127.0.0.1:8443/") == "127.0.0.1:8443")
    #expect(CoinbaseJWT.host(ofBaseURL: "api.coinbase.com") == "api.coinbase.com")
  }

  @Test("reads the key from SEC1 and PKCS#8 PEM, also with literal \\n escapes")
  func pemForms() throws {
    let credentials = MockCredentials()
    let sec1 = credentials.coinbasePrivateKeyPEM
    #expect(sec1.hasPrefix("-----BEGIN EC PRIVATE KEY-----\n"))
    let pkcs8 = credentials.coinbasePrivateKeyPKCS8PEM
    #expect(pkcs8.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    let escaped = sec1.split(separator: "\n").joined(separator: "\\n")
    for pem in [sec1, pkcs8, escaped, "  \(pkcs8)\n\n"] {
      let jwt = try CoinbaseJWT(keyName: Self.keyName, privateKeyPEM: pem)
      #expect(jwt.publicKey.rawRepresentation == credentials.coinbasePublicKey.rawRepresentation)
    }
  }

  @Test("a bad key is a clear error that never quotes the key")
  func badKeys() {
    let secretLooking = "-----BEGIN EC PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldY\n-----END EC PRIVATE KEY-----"
    #expect(throws: CoinbaseKeyError.notPEM) { try CoinbaseJWT(keyName: Self.keyName, privateKeyPEM: "abc") }
    #expect(throws: CoinbaseKeyError.emptyKeyName) { try CoinbaseJWT(keyName: "", privateKeyPEM: secretLooking) }
    do {
      _ = try CoinbaseJWT(keyName: Self.keyName, privateKeyPEM: secretLooking)
      Issue.record("an unreadable key was accepted")
    } catch {
      #expect(!error.description.contains("QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"))
      #expect(error.description.contains("P-256"))
    }
  }

  @Test("the description never shows the private key")
  func descriptionHidesKey() throws {
    let credentials = MockCredentials()
    let jwt = try CoinbaseJWT(keyName: Self.keyName, privateKeyPEM: credentials.coinbasePrivateKeyPEM)
    let body = credentials.coinbasePrivateKeyPEM.split(separator: "\n")[1]
    #expect(!"\(jwt)".contains(body))
    #expect(!String(reflecting: jwt).contains(body))
  }
}
