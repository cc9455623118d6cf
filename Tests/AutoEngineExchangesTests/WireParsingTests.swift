import AutoEngineCore
import FoundationEssentials
import Testing

@testable import AutoEngineExchanges

@Suite("Wire parsing helpers")
struct WireParsingTests {
  @Test(
    "exact decimals from the exchanges' strings",
    arguments: [
      ("4.00000200", "4.000002"), ("65000.12", "65000.12"), ("-0.5", "-0.5"), ("0", "0"), ("1e-8", "0.00000001"),
      ("+12.30", "12.3"),
    ])
  func decimals(text: String, expected: String) {
    #expect(DecimalText.parse(text) == Decimal(string: expected)!)
  }

  @Test(
    "garbage is rejected, never read partially",
    arguments: ["", "abc", "12abc", "1,5", "NaN", "inf", ".", "-", "1e", "1.2.3", " 1"])
  func garbage(text: String) {
    #expect(DecimalText.parse(text) == nil)
    #expect(DecimalText.parseDouble(text) == nil)
  }

  @Test("SWPC timestamps in all three formats are UTC")
  func swpcTimestamps() {
    let expected = UnixTime(seconds: 1_747_484_160)
    #expect(SWPCTimestamp.parse("2025-05-17T12:16:00Z") == expected)
    #expect(SWPCTimestamp.parse("2025-05-17T12:16:00") == expected)
    #expect(SWPCTimestamp.parse("2025-05-17 12:16:00.000") == expected)
    #expect(SWPCTimestamp.parse("2025-05-17T14:16:00+02:00") == expected)
    #expect(SWPCTimestamp.parse("17 May 2025") == nil)
  }

  @Test("query values are percent-encoded per RFC 3986")
  func queryEncoding() {
    #expect(QueryString.encode(#"["BTCUSDT","ETHUSDT"]"#) == "%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D")
    #expect(
      QueryString([("product_ids", "BTC-USD"), ("product_ids", "ETH-USD")]).suffix
        == "?product_ids=BTC-USD&product_ids=ETH-USD")
    #expect(QueryString().suffix == "")
  }

  @Test("Binance weights per exchanges.md")
  func weights() {
    #expect(BinanceWeight.dailyTicker(symbolCount: 1) == 1)
    #expect(BinanceWeight.dailyTicker(symbolCount: 20) == 1)
    #expect(BinanceWeight.dailyTicker(symbolCount: 21) == 20)
    #expect(BinanceWeight.dailyTicker(symbolCount: 100) == 20)
    #expect(BinanceWeight.dailyTicker(symbolCount: 0) == 40)
    #expect(BinanceWeight.priceTicker == 2 && BinanceWeight.klines == 1 && BinanceWeight.exchangeInfo == 10)
  }

  @Test("error bodies: Binance code and msg, Coinbase message, anything else as text")
  func errorBodies() {
    let endpoint = ExchangeEndpoint(service: "X", path: "/p")
    let binance = JSONFetcher.rejection(
      endpoint, status: 400, body: Array(#"{"code":-1121,"msg":"Invalid symbol."}"#.utf8))
    #expect(binance == .rejected(endpoint, status: 400, code: -1121, message: "Invalid symbol."))
    #expect(binance.exchangeCode == -1121)
    let coinbase = JSONFetcher.rejection(endpoint, status: 404, body: Array(#"{"message":"NotFound"}"#.utf8))
    #expect(coinbase == .rejected(endpoint, status: 404, code: nil, message: "NotFound"))
    let html = JSONFetcher.rejection(endpoint, status: 403, body: Array("<html>Forbidden</html>".utf8))
    #expect(html == .rejected(endpoint, status: 403, code: nil, message: "<html>Forbidden</html>"))
  }

  @Test("errors say what happened and whether waiting helps")
  func errorDescriptions() {
    let endpoint = ExchangeEndpoint(service: "Binance.US", path: "/api/v3/ticker/24hr")
    let until = UnixTime(seconds: 1_747_484_160)
    #expect(
      ExchangeError.banned(endpoint, until: until).description
        == "Binance.US /api/v3/ticker/24hr: IP banned (HTTP 418) until 2025-05-17T12:16:00Z")
    #expect(
      ExchangeError.budgetDenied(service: "Coinbase", until: until, reason: .rateLimited).description
        == "Coinbase: request not sent (rate limited) before 2025-05-17T12:16:00Z")
    #expect(ExchangeError.serverError(endpoint, status: 503).isTemporary)
    #expect(!ExchangeError.malformed(endpoint, reason: "x").isTemporary)
    #expect(ExchangeError.rateLimited(endpoint, until: until).retryAt == until)
  }
}
