import AutoEngineCore
import FoundationEssentials

extension MockRoute {
  /// Binance.US public market data: price and 24-hour tickers (`symbol=` or `symbols=["A","B"]`,
  /// all symbols without either), klines and exchangeInfo, with the documented weights sent back
  /// in `X-MBX-USED-WEIGHT-1M`. Any unknown symbol fails the whole request with
  /// `{"code":-1121,"msg":"Invalid symbol."}`, as the real API does.
  public static let binanceUSMarketData: [MockRoute] = [
    MockRoute(
      .binanceTickerPrice, path: "/api/v3/ticker/price", family: .binanceUS,
      weight: { $0.queryValue("symbol") != nil ? 1 : 2 }
    ) { request, state in
      BinanceMockFormat.tickers(request, state) { market in
        MockJSON.object([
          ("symbol", MockJSON.string(market.symbol)), ("price", BinanceMockFormat.decimal(market.price)),
        ])
      }
    },
    MockRoute(
      .binanceTicker24hr, path: "/api/v3/ticker/24hr", family: .binanceUS,
      weight: { request in
        if request.queryValue("symbol") != nil { return 1 }
        guard let list = request.queryValue("symbols").flatMap(BinanceMockFormat.symbolList) else { return 40 }
        return list.count <= 20 ? 1 : (list.count <= 100 ? 20 : 40)
      }
    ) { request, state in
      let closeMillis = Int64(state.now().seconds * 1000)
      return BinanceMockFormat.tickers(request, state) { BinanceMockFormat.dailyTicker($0, closeMillis: closeMillis) }
    },
    MockRoute(.binanceKlines, path: "/api/v3/klines", family: .binanceUS, weight: { _ in 1 }) { request, state in
      BinanceMockFormat.klines(request, state)
    },
    MockRoute(.binanceExchangeInfo, path: "/api/v3/exchangeInfo", family: .binanceUS, weight: { _ in 10 }) {
      request, state in
      let markets: [MockMarket]
      switch BinanceMockFormat.requestedMarkets(request, state) {
      case .success(let found): markets = found
      case .failure(let error): return error.response
      }
      return .json(BinanceMockFormat.exchangeInfo(markets, weightLimit: state.binanceWeightLimit, now: state.now()))
    },
  ]
}

/// How the mock writes Binance.US answers (decimals as strings with 8 places, times in ms).
enum BinanceMockFormat {
  struct Refusal: Error {
    var response: MockResponse
  }

  static func error(_ code: Int, _ message: String, status: Int = 400) -> MockResponse {
    .json(MockJSON.object([("code", "\(code)"), ("msg", MockJSON.string(message))]), status: status)
  }

  static let invalidSymbol = Refusal(response: error(-1121, "Invalid symbol."))

  static func decimal(_ value: Decimal) -> String { MockJSON.decimal(value, places: 8) }

  static func decimal(_ value: Double) -> String {
    MockJSON.decimal(Decimal(string: "\(value)") ?? 0, places: 8)
  }

  /// The symbols of a `symbols=["A","B"]` parameter, or nil when it is not such an array.
  static func symbolList(_ text: String) -> [String]? {
    guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
    let inner = text.dropFirst().dropLast()
    if inner.isEmpty { return [] }
    var symbols: [String] = []
    for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
      guard item.count >= 3, item.hasPrefix("\""), item.hasSuffix("\"") else { return nil }
      let symbol = item.dropFirst().dropLast()
      guard (1...20).contains(symbol.count),
        symbol.unicodeScalars.allSatisfy({
          ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        })
      else { return nil }
      symbols.append(String(symbol))
    }
    return symbols
  }

  /// The markets a request names by `symbol` or `symbols` (all when neither), or the refusal.
  static func requestedMarkets(_ request: MockRequest, _ state: MockExchangeState) -> Result<[MockMarket], Refusal> {
    if let symbol = request.queryValue("symbol") {
      guard let market = state.market(symbol, on: .binanceUS) else { return .failure(invalidSymbol) }
      return .success([market])
    }
    if let text = request.queryValue("symbols") {
      guard let symbols = symbolList(text) else {
        return .failure(Refusal(response: error(-1100, "Illegal characters found in parameter 'symbols'.")))
      }
      var markets: [MockMarket] = []
      for symbol in symbols {
        guard let market = state.market(symbol, on: .binanceUS) else { return .failure(invalidSymbol) }
        markets.append(market)
      }
      return .success(markets)
    }
    return .success(state.markets(on: .binanceUS))
  }

  /// A ticker answer: one object for `symbol=`, an array otherwise.
  static func tickers(_ request: MockRequest, _ state: MockExchangeState, _ entry: (MockMarket) -> String)
    -> MockResponse
  {
    switch requestedMarkets(request, state) {
    case .failure(let refusal): return refusal.response
    case .success(let markets):
      if request.queryValue("symbol") != nil, let market = markets.first { return .json(entry(market)) }
      return .json(MockJSON.array(markets.map(entry)))
    }
  }

  static func dailyTicker(_ market: MockMarket, closeMillis: Int64) -> String {
    let open = market.openPrice24h
    let high = max(open, market.price) * Decimal(string: "1.01")!
    let low = min(open, market.price) * Decimal(string: "0.99")!
    return MockJSON.object([
      ("symbol", MockJSON.string(market.symbol)),
      ("priceChange", decimal(market.price - open)),
      ("priceChangePercent", MockJSON.decimal(market.priceChangePercent24h, places: 3)),
      ("weightedAvgPrice", decimal((open + market.price) / 2)),
      ("prevClosePrice", decimal(open)),
      ("lastPrice", decimal(market.price)),
      ("lastQty", decimal(Decimal(string: "0.01")!)),
      ("bidPrice", decimal(market.bid ?? market.price)),
      ("bidQty", decimal(Decimal(1))),
      ("askPrice", decimal(market.ask ?? market.price)),
      ("askQty", decimal(Decimal(1))),
      ("openPrice", decimal(open)),
      ("highPrice", decimal(high)),
      ("lowPrice", decimal(low)),
      ("volume", decimal(market.volume24h)),
      ("quoteVolume", decimal(market.quoteVolume24h)),
      ("openTime", "\(closeMillis - 86_400_000)"),
      ("closeTime", "\(closeMillis)"),
      ("firstId", "1000"),
      ("lastId", "1999"),
      ("count", "1000"),
    ])
  }

  static let intervals: [String: Int] = [
    "1m": 60, "3m": 180, "5m": 300, "15m": 900, "30m": 1800, "1h": 3600, "2h": 7200, "4h": 14_400,
    "6h": 21_600, "8h": 28_800, "12h": 43_200, "1d": 86_400, "3d": 259_200, "1w": 604_800,
  ]

  static func klines(_ request: MockRequest, _ state: MockExchangeState) -> MockResponse {
    guard let symbol = request.queryValue("symbol"), !symbol.isEmpty else {
      return error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.")
    }
    guard let market = state.market(symbol, on: .binanceUS) else { return invalidSymbol.response }
    guard let interval = request.queryValue("interval").flatMap({ intervals[$0] }) else {
      return error(-1120, "Invalid interval.")
    }
    let limit = request.queryValue("limit").flatMap(Int.init) ?? 500
    guard (1...1000).contains(limit) else { return error(-1130, "Data sent for parameter 'limit' is not valid.") }
    let now = state.now().seconds
    let endTime = request.queryValue("endTime").flatMap(Int64.init).map { Double($0) / 1000 }
    let startTime = request.queryValue("startTime").flatMap(Int64.init).map { Double($0) / 1000 }
    let through = min(endTime ?? now, now)
    let from = startTime ?? through - Double(interval) * Double(limit + 1)
    let candles =
      market.candles.isEmpty
      ? SyntheticCandles.candles(for: market, interval: interval, from: from, through: through, now: now)
      : market.candles.filter { $0.time.seconds >= from && $0.time.seconds <= through }
    let chosen = startTime != nil && endTime == nil ? Array(candles.prefix(limit)) : Array(candles.suffix(limit))
    let rows = chosen.map { candle in
      let openMillis = Int64(candle.time.seconds * 1000)
      return MockJSON.array([
        "\(openMillis)", decimal(candle.open), decimal(candle.high), decimal(candle.low), decimal(candle.close),
        decimal(candle.volume), "\(openMillis + Int64(interval) * 1000 - 1)", decimal(candle.volume * candle.close),
        "100", decimal(candle.volume / 2), decimal(candle.volume * candle.close / 2), MockJSON.string("0"),
      ])
    }
    return .json(MockJSON.array(rows))
  }

  static func exchangeInfo(_ markets: [MockMarket], weightLimit: Int, now: UnixTime) -> String {
    let rateLimits = MockJSON.array([
      #"{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":\#(weightLimit)}"#,
      #"{"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100}"#,
      #"{"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}"#,
    ])
    let symbols = markets.map { market in
      MockJSON.object([
        ("symbol", MockJSON.string(market.symbol)),
        ("status", MockJSON.string(market.status)),
        ("baseAsset", MockJSON.string(market.baseAsset)),
        ("baseAssetPrecision", "8"),
        ("quoteAsset", MockJSON.string(market.quoteAsset)),
        ("quotePrecision", "\(market.rules.quotePrecision)"),
        ("quoteAssetPrecision", "\(market.rules.quotePrecision)"),
        ("orderTypes", #"["LIMIT","LIMIT_MAKER","MARKET","STOP_LOSS_LIMIT","TAKE_PROFIT_LIMIT"]"#),
        ("icebergAllowed", "true"),
        ("ocoAllowed", "true"),
        ("isSpotTradingAllowed", "true"),
        ("isMarginTradingAllowed", "false"),
        (
          "filters",
          MockJSON.array([
            MockJSON.object([
              ("filterType", MockJSON.string("PRICE_FILTER")), ("minPrice", decimal(market.rules.minPrice)),
              ("maxPrice", decimal(market.rules.maxPrice)), ("tickSize", decimal(market.rules.priceTick)),
            ]),
            MockJSON.object([
              ("filterType", MockJSON.string("LOT_SIZE")), ("minQty", decimal(market.rules.minQuantity)),
              ("maxQty", decimal(market.rules.maxQuantity)), ("stepSize", decimal(market.rules.quantityStep)),
            ]),
            MockJSON.object([
              ("filterType", MockJSON.string("NOTIONAL")), ("minNotional", decimal(market.rules.minNotional)),
              ("applyMinToMarket", "true"), ("maxNotional", decimal(market.rules.maxNotional)),
              ("applyMaxToMarket", "true"), ("avgPriceMins", "5"),
            ]),
          ])
        ),
        ("permissions", #"["SPOT"]"#),
      ])
    }
    return MockJSON.object([
      ("timezone", MockJSON.string("UTC")),
      ("serverTime", "\(Int64(now.seconds * 1000))"),
      ("rateLimits", rateLimits),
      ("exchangeFilters", "[]"),
      ("symbols", MockJSON.array(symbols)),
    ])
  }
}
