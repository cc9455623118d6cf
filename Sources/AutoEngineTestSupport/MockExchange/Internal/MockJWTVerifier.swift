import AutoEngineCore
import Crypto
import FoundationEssentials

/// How the mock checks a Coinbase `Authorization: Bearer <JWT>`, as Coinbase documents it:
/// header `alg` ES256, `typ` JWT, `kid` the key name and a `nonce`; claims `sub` the key name,
/// `iss` `cdp`, `nbf` ≤ now (5 s leeway) < `exp` ≤ `nbf` + 120, and `uri` exactly
/// `"<METHOD> <Host header><path>"`; the signature (JWS raw r‖s, base64url) verified with the
/// configured P-256 public key.
enum MockJWTVerifier {
  private struct Header: Decodable {
    var alg: String
    var kid: String
    var nonce: String
    var typ: String
  }

  private struct Claims: Decodable {
    var sub: String
    var iss: String
    var nbf: Int64
    var exp: Int64
    var uri: String
  }

  /// Why `request` is not authenticated, or nil when it is.
  static func problem(with request: MockRequest, _ state: MockExchangeState) -> String? {
    guard let authorization = request.headers["authorization"], authorization.hasPrefix("Bearer ") else {
      return "missing bearer token"
    }
    let parts = authorization.dropFirst("Bearer ".count).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let headerBytes = base64URL(String(parts[0])), let claimBytes = base64URL(String(parts[1])),
      let signatureBytes = base64URL(String(parts[2]))
    else { return "not a JWT" }
    guard let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)) else {
      return "JWT header lacks alg, kid, nonce or typ"
    }
    guard let claims = try? JSONDecoder().decode(Claims.self, from: Data(claimBytes)) else {
      return "JWT claims lack sub, iss, nbf, exp or uri"
    }
    let credentials = state.credentials
    guard header.alg == "ES256", header.typ == "JWT", !header.nonce.isEmpty else {
      return "JWT header is not ES256/JWT"
    }
    guard header.kid == credentials.coinbaseKeyName, claims.sub == credentials.coinbaseKeyName else {
      return "unknown key name"
    }
    guard claims.iss == "cdp" else { return "issuer is not cdp" }
    let now = Int64(state.now().seconds.rounded(.down))
    guard claims.nbf <= now + 5, now < claims.exp, claims.exp - claims.nbf <= 120 else { return "JWT expired" }
    let expected = request.method + " " + (request.headers["host"] ?? "") + request.path
    guard claims.uri == expected else { return "uri claim \"\(claims.uri)\" is not \"\(expected)\"" }
    guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes),
      credentials.coinbasePublicKey.isValidSignature(signature, for: Array((parts[0] + "." + parts[1]).utf8))
    else { return "JWT signature is not valid" }
    return nil
  }

  /// The bytes of base64url `text` (padding optional), or nil.
  static func base64URL(_ text: String) -> [UInt8]? {
    var standard = String(text.map { $0 == "-" ? "+" : ($0 == "_" ? "/" : $0) })
    while standard.utf8.count % 4 != 0 { standard += "=" }
    return Data(base64Encoded: standard).map(Array.init)
  }
}
