import AutoEngineCore
import Crypto
import FoundationEssentials

/// How the mock checks a Binance.US signed request, as the documentation describes it: the key
/// in `X-MBX-APIKEY` (else `-2015`, HTTP 401), `signature = hex(HMAC-SHA256(secret, query +
/// body))` over the exact text received without the `signature` item (else `-1022`), and a
/// `timestamp` with `timestamp < serverTime + 1000` and `serverTime − timestamp ≤ recvWindow`
/// (default 5000, at most 60000; else `-1021`).
enum BinanceMockAuthentication {
  /// The parameters of a signed request: query items, then body items, without `signature`.
  struct Parameters {
    var items: [(name: String, value: String)]

    subscript(name: String) -> String? { items.first { $0.name == name }?.value }
  }

  static func verify(_ request: MockRequest, _ state: MockExchangeState) -> Result<
    Parameters, BinanceMockFormat.Refusal
  > {
    let credentials = state.credentials
    guard request.headers["x-mbx-apikey"] == credentials.binanceUSAPIKey else {
      return refuse(-2015, "Invalid API-key, IP, or permissions for action.", status: 401)
    }
    let (query, querySignature) = withoutSignature(request.rawQuery)
    let (body, bodySignature) = withoutSignature(String(decoding: request.body, as: UTF8.self))
    guard let signature = querySignature ?? bodySignature, !signature.isEmpty else {
      return refuse(-1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.")
    }
    let key = SymmetricKey(data: Array(credentials.binanceUSSecret.utf8))
    let code = HMAC<SHA256>.authenticationCode(for: Array((query + body).utf8), using: key)
    guard hex(Array(code)) == signature.lowercased() else {
      return refuse(-1022, "Signature for this request is not valid.")
    }
    let items = (MockRequest.formItems(query) + MockRequest.formItems(body))
    let parameters = Parameters(items: items)
    guard let timestamp = parameters["timestamp"].flatMap(Int64.init) else {
      return refuse(-1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.")
    }
    let window = parameters["recvWindow"].flatMap(Int64.init) ?? 5000
    guard window > 0, window <= 60_000 else { return refuse(-1131, "recvWindow must be less than 60000") }
    let serverTime = BinanceMockFormat.millis(state.now())
    guard timestamp < serverTime + 1000, serverTime - timestamp <= window else {
      return refuse(-1021, "Timestamp for this request is outside of the recvWindow.")
    }
    return .success(parameters)
  }

  /// `text` without its `signature=` item, and that item's value.
  static func withoutSignature(_ text: String) -> (String, String?) {
    var signature: String?
    let kept = text.split(separator: "&", omittingEmptySubsequences: false).filter { item in
      guard item.hasPrefix("signature=") else { return true }
      signature = String(item.dropFirst("signature=".count))
      return false
    }
    return (kept.joined(separator: "&"), signature)
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
  }

  private static func refuse(_ code: Int, _ message: String, status: Int = 400) -> Result<
    Parameters, BinanceMockFormat.Refusal
  > {
    .failure(BinanceMockFormat.Refusal(response: BinanceMockFormat.error(code, message, status: status)))
  }
}
