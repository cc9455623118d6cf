import AutoEngineCore
import FoundationEssentials

extension MockRoute {
  /// Coinbase Advanced Trade public market data under `/api/v3/brokerage`: the products list
  /// (batched by `product_ids`; unknown ids are simply absent), one product, and candles (start
  /// and end required, at most 350, newest first). Errors are `{"error","message"}` bodies.
  public static let coinbaseMarketData: [MockRoute] = [
    MockRoute(.coinbaseProducts, path: "/api/v3/brokerage/market/products", family: .coinbase) { request, state in
      let wanted = request.queryValues("product_ids")
      let all = state.markets(on: .coinbase)
      let markets =
        wanted.isEmpty ? all : wanted.compactMap { id in all.first { $0.symbol == id } }
      let products = markets.map(CoinbaseMockFormat.product)
      return .json(MockJSON.object([("products", MockJSON.array(products)), ("num_products", "\(products.count)")]))
    },
    MockRoute(.coinbaseProduct, path: "/api/v3/brokerage/market/products/{product_id}", family: .coinbase) {
      request, state in
      guard let market = state.market(request.pathParameters["product_id"] ?? "", on: .coinbase) else {
        return CoinbaseMockFormat.notFound
      }
      return .json(CoinbaseMockFormat.product(market))
    },
    MockRoute(.coinbaseCandles, path: "/api/v3/brokerage/market/products/{product_id}/candles", family: .coinbase) {
      request, state in
      guard let market = state.market(request.pathParameters["product_id"] ?? "", on: .coinbase) else {
        return CoinbaseMockFormat.notFound
      }
      guard let start = request.queryValue("start").flatMap(Int64.init),
        let end = request.queryValue("end").flatMap(Int64.init), end >= start
      else { return CoinbaseMockFormat.invalidArgument("start and end are required UNIX seconds, start <= end") }
      guard let granularity = request.queryValue("granularity"),
        let step = CoinbaseMockFormat.granularities[granularity]
      else { return CoinbaseMockFormat.invalidArgument("unknown granularity") }
      let slots = (end - start) / Int64(step) + 1
      let limit = request.queryValue("limit").flatMap(Int.init) ?? 350
      guard slots <= 350, limit <= 350 else {
        return CoinbaseMockFormat.invalidArgument("number of candles requested should be less than or equal to 350")
      }
      let range = Double(start)...Double(end)
      let candles =
        market.candles.isEmpty
        ? SyntheticCandles.candles(
          for: market, interval: step, from: range.lowerBound, through: range.upperBound, now: state.now().seconds)
        : market.candles.filter { range.contains($0.time.seconds) }
      let newestFirst = candles.suffix(limit).reversed().map(CoinbaseMockFormat.candle)
      return .json(MockJSON.object([("candles", MockJSON.array(newestFirst))]))
    },
  ]
}

/// How the mock writes Coinbase answers (field names as in exchanges.md, numbers as strings).
enum CoinbaseMockFormat {
  static let granularities: [String: Int] = [
    "ONE_MINUTE": 60, "FIVE_MINUTE": 300, "FIFTEEN_MINUTE": 900, "THIRTY_MINUTE": 1800, "ONE_HOUR": 3600,
    "TWO_HOUR": 7200, "SIX_HOUR": 21_600, "ONE_DAY": 86_400,
  ]

  static let notFound = MockResponse.json(
    MockJSON.object([
      ("error", MockJSON.string("NOT_FOUND")), ("error_details", MockJSON.string("ProductID is invalid")),
      ("message", MockJSON.string("NotFound")),
    ]), status: 404)

  static func invalidArgument(_ message: String) -> MockResponse {
    .json(
      MockJSON.object([
        ("error", MockJSON.string("INVALID_ARGUMENT")), ("error_details", MockJSON.string(message)),
        ("message", MockJSON.string(message)),
      ]), status: 400)
  }

  static func product(_ market: MockMarket) -> String {
    MockJSON.object([
      ("product_id", MockJSON.string(market.symbol)),
      ("price", MockJSON.decimal(market.price)),
      ("price_percentage_change_24h", MockJSON.decimal(market.priceChangePercent24h)),
      ("volume_24h", MockJSON.decimal(market.volume24h)),
      ("volume_percentage_change_24h", MockJSON.string("1.25")),
      ("base_increment", MockJSON.decimal(market.rules.quantityStep)),
      ("quote_increment", MockJSON.decimal(market.rules.priceTick)),
      ("quote_min_size", MockJSON.decimal(market.rules.minNotional)),
      ("quote_max_size", MockJSON.decimal(market.rules.maxNotional)),
      ("base_min_size", MockJSON.decimal(market.rules.minQuantity)),
      ("base_max_size", MockJSON.decimal(market.rules.maxQuantity)),
      ("base_name", MockJSON.string(market.baseAsset)),
      ("quote_name", MockJSON.string(market.quoteAsset)),
      ("watched", MockJSON.bool(false)),
      ("is_disabled", MockJSON.bool(false)),
      ("new", MockJSON.bool(false)),
      ("status", MockJSON.string(market.status)),
      ("cancel_only", MockJSON.bool(market.cancelOnly)),
      ("limit_only", MockJSON.bool(false)),
      ("post_only", MockJSON.bool(false)),
      ("trading_disabled", MockJSON.bool(market.tradingDisabled)),
      ("auction_mode", MockJSON.bool(false)),
      ("product_type", MockJSON.string("SPOT")),
      ("quote_currency_id", MockJSON.string(market.quoteAsset)),
      ("base_currency_id", MockJSON.string(market.baseAsset)),
      ("mid_market_price", MockJSON.string("")),
      ("alias", MockJSON.string("")),
      ("alias_to", "[]"),
      ("base_display_symbol", MockJSON.string(market.baseAsset)),
      ("quote_display_symbol", MockJSON.string(market.quoteAsset)),
    ])
  }

  static func candle(_ candle: Candle) -> String {
    MockJSON.object([
      ("start", MockJSON.string(String(Int64(candle.time.seconds)))),
      ("low", MockJSON.numberString(candle.low)),
      ("high", MockJSON.numberString(candle.high)),
      ("open", MockJSON.numberString(candle.open)),
      ("close", MockJSON.numberString(candle.close)),
      ("volume", MockJSON.numberString(candle.volume)),
    ])
  }
}
