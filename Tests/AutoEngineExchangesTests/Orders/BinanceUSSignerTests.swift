import AutoEngineExchanges
import Testing

@Suite("Binance.US request signing")
struct BinanceUSSignerTests {
  /// The official documentation's example (exchanges.md).
  static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
  static let payload =
    "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"

  @Test("reproduces the documented test vector exactly")
  func documentedVector() {
    let signer = BinanceUSSigner(
      apiKey: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", secret: Self.secret)
    #expect(signer.signature(for: Self.payload) == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
  }

  @Test("a query string and a body are signed as their concatenation, without separator")
  func queryPlusBody() {
    let signer = BinanceUSSigner(apiKey: "key", secret: Self.secret)
    let query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
    let body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
    #expect(signer.signature(query: query, body: body) == signer.signature(for: query + body))
    #expect(signer.signature(query: "", body: Self.payload) == signer.signature(for: Self.payload))
    #expect(signer.signature(query: query, body: body) != signer.signature(for: query + "&" + body))
  }

  @Test("the description shows neither the secret nor the whole key")
  func descriptionHidesSecrets() {
    let key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    let signer = BinanceUSSigner(apiKey: key, secret: Self.secret)
    let text = "\(signer) \(String(reflecting: signer))"
    #expect(!text.contains(Self.secret))
    #expect(!text.contains(key))
  }
}
