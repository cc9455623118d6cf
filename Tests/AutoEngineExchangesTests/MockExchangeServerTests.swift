import AsyncHTTPClient
import AutoEngineCore
import AutoEngineTestSupport
import FoundationEssentials
import NIOCore
import NIOHTTP1
import Testing

/// The mock's answers checked byte-for-byte against exchanges.md, independently of the clients.
@Suite("Mock exchange server")
struct MockExchangeServerTests {
  func get(_ h: ExchangeHarness, _ pathAndQuery: String) async throws -> (
    status: Int, headers: [String: String], body: String
  ) {
    let response = try await h.http.execute(HTTPClientRequest(url: h.mock.baseURL + pathAndQuery), timeout: .seconds(5))
    let body = try await response.body.collect(upTo: 1 << 22)
    var headers: [String: String] = [:]
    for header in response.headers { headers[header.name.lowercased()] = header.value }
    return (Int(response.status.code), headers, String(buffer: body))
  }

  @Test("Coinbase products: documented field names, numbers as strings, absent unknown ids")
  func coinbaseProducts() async throws {
    try await ExchangeHarness.run { h async throws in
      let answer = try await get(h, "/api/v3/brokerage/market/products?product_ids=BTC-USD&product_ids=MATIC-USD")
      #expect(answer.status == 200)
      #expect(
        answer.body.hasPrefix(
          #"{"products":[{"product_id":"BTC-USD","price":"65000.12","price_percentage_change_24h":"-3","volume_24h":"10000""#
        ))
      for field in [
        "base_increment", "quote_min_size", "status\":\"online", "trading_disabled\":false", "cancel_only\":false",
        "alias_to",
      ] {
        #expect(answer.body.contains(field))
      }
      #expect(!answer.body.contains("MATIC-USD"))
      #expect(answer.body.hasSuffix(#""num_products":1}"#))
    }
  }

  @Test("Coinbase candles: newest first, start as a string; too many is a 400")
  func coinbaseCandles() async throws {
    try await ExchangeHarness.run { h async throws in
      let end = Int64(h.clock.now().seconds / 60) * 60
      let answer = try await get(
        h, "/api/v3/brokerage/market/products/BTC-USD/candles?start=\(end - 120)&end=\(end)&granularity=ONE_MINUTE")
      #expect(answer.body.hasPrefix(#"{"candles":[{"start":"\#(end)","low":""#))
      #expect(answer.body.components(separatedBy: "\"start\"").count == 4)
      let tooMany = try await get(
        h, "/api/v3/brokerage/market/products/BTC-USD/candles?start=\(end - 60 * 400)&end=\(end)&granularity=ONE_MINUTE"
      )
      #expect(tooMany.status == 400)
    }
  }

  @Test("Binance tickers: 8-decimal strings, -1121 for a batch naming an unknown symbol, weight header")
  func binanceTickers() async throws {
    try await ExchangeHarness.run { h async throws in
      let encoded = "%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D"
      let prices = try await get(h, "/api/v3/ticker/price?symbols=\(encoded)")
      #expect(
        prices.body == #"[{"symbol":"BTCUSDT","price":"65000.12000000"},{"symbol":"ETHUSDT","price":"3400.55000000"}]"#)
      #expect(prices.headers["x-mbx-used-weight-1m"] == "2")
      let one = try await get(h, "/api/v3/ticker/24hr?symbol=BTCUSDT")
      #expect(one.body.hasPrefix(#"{"symbol":"BTCUSDT","priceChange":""#))
      for field in [
        "priceChangePercent", "weightedAvgPrice", "lastPrice", "bidPrice", "askPrice", "openPrice", "highPrice",
        "lowPrice", "\"volume\"", "quoteVolume", "\"openTime\":", "\"closeTime\":", "\"count\":",
      ] {
        #expect(one.body.contains(field))
      }
      #expect(one.headers["x-mbx-used-weight-1m"] == "3")
      let invalid = try await get(h, "/api/v3/ticker/24hr?symbols=%5B%22BTCUSDT%22%2C%22MATICUSDT%22%5D")
      #expect(invalid.status == 400)
      #expect(invalid.body == #"{"code":-1121,"msg":"Invalid symbol."}"#)
    }
  }

  @Test("Binance klines rows and exchangeInfo rate limits")
  func binanceKlinesAndInfo() async throws {
    try await ExchangeHarness.run { h async throws in
      let klines = try await get(h, "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2")
      #expect(klines.body.hasPrefix("[["))
      #expect(klines.body.components(separatedBy: "],[").count == 2)
      let info = try await get(h, "/api/v3/exchangeInfo?symbols=%5B%22ETHUSDT%22%5D")
      #expect(
        info.body.contains(
          #""rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":1200}"#))
      #expect(info.body.contains(#""symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH""#))
      #expect(info.body.contains(#""filterType":"LOT_SIZE""#))
      #expect(info.headers["x-mbx-used-weight-1m"] == "11")
    }
  }

  @Test("SWPC Kp product in the header-row shape and the 1-minute feed without a zone")
  func swpcShapes() async throws {
    try await ExchangeHarness.run(solar: .sample(endingAt: UnixTime(seconds: 1_747_484_160))) { h async throws in
      let product = try await get(h, "/products/noaa-planetary-k-index.json")
      #expect(
        product.body.hasPrefix(#"[["time_tag","Kp","a_running","station_count"],["2025-05-16 15:00:00.000","1.0","#))
      let minute = try await get(h, "/json/planetary_k_index_1m.json")
      #expect(minute.body.hasPrefix(#"[{"time_tag":"2025-05-17T12:12:00","kp_index":2,"estimated_kp":2.33,"kp":"2P"}"#))
      let flux = try await get(h, "/json/goes/primary/xrays-6-hour.json")
      #expect(flux.body.contains(#""electron_contaminaton":false,"energy":"0.1-0.8nm""#))
    }
  }

  @Test("faults are served in order, the given number of times, and counted with the calls")
  func faultQueue() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.inject(.rateLimited(retryAfterSeconds: 3), on: .binanceTickerPrice)
      h.state.inject(.serverError(status: 500), on: .binanceTickerPrice, times: 2)
      let first = try await get(h, "/api/v3/ticker/price?symbol=BTCUSDT")
      #expect(first.status == 429)
      #expect(first.headers["retry-after"] == "3")
      #expect(first.body.contains("-1003"))
      #expect(try await get(h, "/api/v3/ticker/price?symbol=BTCUSDT").status == 500)
      #expect(try await get(h, "/api/v3/ticker/price?symbol=BTCUSDT").status == 500)
      #expect(try await get(h, "/api/v3/ticker/price?symbol=BTCUSDT").status == 200)
      #expect(h.state.callCount(.binanceTickerPrice) == 4)
      #expect(try await get(h, "/nowhere").status == 404)
      #expect(h.state.totalCallCount == 5)
    }
  }

  @Test("a price gap moves every price of the exchange before the answer")
  func priceGap() async throws {
    try await ExchangeHarness.run { h async throws in
      h.state.inject(.priceGap(percent: -10), on: .coinbaseProducts)
      let answer = try await get(h, "/api/v3/brokerage/market/products?product_ids=BTC-USD")
      #expect(answer.body.contains(#""price":"58500.108""#))
      #expect(h.state.market("ETH-USD")?.price == Decimal(string: "3060.495")!)
      #expect(h.state.market("ETHUSDT")?.price == Decimal(string: "3400.55")!)
    }
  }

  @Test("start, stop and restart on a new port")
  func lifecycle() async throws {
    let server = MockExchangeServer()
    try await server.start()
    let port = try #require(server.port)
    #expect(server.coinbaseBaseURL == "http://127.0.0.1:\(port)")
    await #expect(throws: MockExchangeServerError.alreadyRunning) { try await server.start() }
    await server.stop()
    #expect(server.port == nil)
    try await server.start()
    #expect(server.port != nil)
    await server.stop()
  }
}
