import Crypto
import FoundationEssentials

/// Signs Binance.US requests: `signature = hex(HMAC-SHA256(secret, queryString + body))`,
/// lower-case hex, sent as the last parameter; the API key goes in header `X-MBX-APIKEY`.
///
/// The payload is the exact encoded text sent (query string without `?`, then the body), so
/// what is signed is byte for byte what the exchange reads. `description` never shows the secret.
public struct BinanceUSSigner: Sendable, CustomStringConvertible, CustomReflectable {
  /// The header carrying the API key.
  public static let apiKeyHeader = "X-MBX-APIKEY"

  /// The API key (sent in clear in `X-MBX-APIKEY`).
  public let apiKey: String
  private let key: SymmetricKey

  /// Creates a signer from the API key and its HMAC secret (used as UTF-8 bytes).
  public init(apiKey: String, secret: String) {
    self.apiKey = apiKey
    self.key = SymmetricKey(data: Array(secret.utf8))
  }

  /// The lower-case hex HMAC-SHA256 of `payload` (query string followed by body).
  public func signature(for payload: String) -> String {
    let code = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: key)
    return Self.hex(Array(code))
  }

  /// The signature of a query string and a body, concatenated without separator.
  public func signature(query: String, body: String) -> String {
    signature(for: query + body)
  }

  /// `bytes` as lower-case hex.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".unicodeScalars)
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.unicodeScalars.append(digits[Int(byte >> 4)])
      text.unicodeScalars.append(digits[Int(byte & 0x0F)])
    }
    return text
  }

  public var description: String { "BinanceUSSigner(apiKey: \(Self.masked(apiKey)), secret: ****)" }

  public var customMirror: Mirror { Mirror(self, children: ["apiKey": Self.masked(apiKey), "secret": "****"]) }

  /// `****` and the last 4 characters of a key of at least 12 characters, else `****`.
  static func masked(_ text: String) -> String {
    text.count >= 12 ? "****" + text.suffix(4) : "****"
  }
}
