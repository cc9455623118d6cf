public import AsyncHTTPClient
public import AutoEngineCore
public import Logging

/// Coinbase Advanced Trade public market data over HTTP.
///
/// Prices, 24-hour volumes and listings all come from one batched call,
/// `GET /api/v3/brokerage/market/products?product_ids=A&product_ids=B…`, so `snapshot(symbols:)`
/// serves 20 coins with one request. Candles come from `/market/products/{id}/candles`, at most
/// 350 per request (more are paged). Products the exchange does not return are reported missing,
/// never failing the others. Every request goes through `budget` (10 public requests per second).
public struct CoinbaseMarketData: ExchangeMarketData {
  /// The production host.
  public static let defaultBaseURL = "https://api.coinbase.com"
  /// The path prefix of the Advanced Trade API.
  public static let apiPrefix = "/api/v3/brokerage"
  /// Most candles one candles request may return.
  public static let maxCandlesPerRequest = 350

  public var exchange: Exchange { .coinbase }
  /// The request budget every call of this client spends from.
  public let budget: RequestBudget
  /// Most product ids sent in one products request.
  public let productsPerRequest: Int
  private let fetcher: JSONFetcher

  /// Creates a client of `baseURL` (scheme and host, e.g. a local mock's `http://127.0.0.1:PORT`).
  ///
  /// - Parameters:
  ///   - budget: the limiter to spend from; by default a new one with `RequestBudgetPolicy.coinbasePublic`.
  ///   - productsPerRequest: the largest batch of product ids per request (≥ 1).
  public init(
    baseURL: String = CoinbaseMarketData.defaultBaseURL, settings: HTTPRequestSettings = HTTPRequestSettings(),
    httpClient: HTTPClient = .shared, budget: RequestBudget? = nil, productsPerRequest: Int = 100,
    logger: Logger = Logger(label: "autoengine.exchanges.coinbase")
  ) {
    let budget = budget ?? RequestBudget(service: Exchange.coinbase.displayName, policy: .coinbasePublic)
    self.budget = budget
    self.productsPerRequest = max(1, productsPerRequest)
    self.fetcher = JSONFetcher(
      service: Exchange.coinbase.displayName, baseURL: baseURL, http: httpClient, budget: budget,
      settings: settings, logger: logger)
  }

  public func listings(symbols: [String]) async throws -> [SymbolListing] {
    let (products, _) = try await products(symbols)
    return products.map(\.listing)
  }

  public func prices(symbols: [String]) async throws -> [PriceQuote] {
    try await snapshot(symbols: symbols).prices
  }

  public func dailyStats(symbols: [String]) async throws -> [DailyMarketStats] {
    try await snapshot(symbols: symbols).stats
  }

  /// Prices and 24-hour statistics from one products request per `productsPerRequest` symbols.
  ///
  /// A product without a price is reported missing; one without `volume_24h` has a price but no
  /// statistics. Times are the fetch time (the products list carries none).
  public func snapshot(symbols: [String]) async throws -> MarketSnapshot {
    let (products, requested) = try await products(symbols)
    let now = budget.clock.now()
    var prices: [PriceQuote] = []
    var stats: [DailyMarketStats] = []
    var served: Set<String> = []
    for product in products {
      guard let price = product.price else { continue }
      served.insert(product.productID)
      prices.append(PriceQuote(symbol: product.productID, price: price, time: now))
      if let volume = product.volume24h {
        stats.append(
          DailyMarketStats(
            symbol: product.productID, volume: volume, priceChangePercent: product.priceChangePercent24h,
            lastPrice: price, time: now))
      }
    }
    return MarketSnapshot(prices: prices, stats: stats, missingSymbols: requested.filter { !served.contains($0) })
  }

  /// Candles of `symbol` from `/market/products/{id}/candles`, oldest first, ending at or before
  /// `end`, paging by 350; `intervalSeconds` must be one of 60, 300, 900, 1800, 3600, 7200,
  /// 21600, 86400. Minutes without trades have no candle, so fewer than `limit` may return.
  public func candles(symbol: String, intervalSeconds: Int, limit: Int, end: UnixTime) async throws -> [Candle] {
    guard let granularity = CoinbaseGranularity.names[intervalSeconds] else {
      throw ExchangeError.invalidRequest("Coinbase has no \(intervalSeconds)-second candles")
    }
    guard limit > 0 else { return [] }
    let path = Self.apiPrefix + "/market/products/" + QueryString.encode(symbol) + "/candles"
    let step = Double(intervalSeconds)
    var pageEnd = (end.seconds / step).rounded(.down) * step
    var remaining = limit
    var byTime: [Double: Candle] = [:]
    while remaining > 0 {
      let count = min(Self.maxCandlesPerRequest, remaining)
      let pageStart = pageEnd - Double(count - 1) * step
      let query = QueryString([
        ("start", String(Int64(pageStart))), ("end", String(Int64(pageEnd))),
        ("granularity", granularity), ("limit", String(count)),
      ])
      let answer = try await fetcher.get(CoinbaseCandlesAnswer.self, path: path, query: query)
      let page = answer.candles.map(\.candle).filter { $0.time.seconds >= pageStart && $0.time.seconds <= pageEnd }
      if page.isEmpty { break }
      for candle in page { byTime[candle.time.seconds] = candle }
      remaining -= count
      pageEnd = pageStart - step
    }
    return Array(byTime.values.sorted { $0.time < $1.time }.suffix(limit))
  }

  /// The products of `symbols` (deduplicated, order kept) in batches, in request order, with the
  /// deduplicated request.
  private func products(_ symbols: [String]) async throws -> (products: [CoinbaseProduct], requested: [String]) {
    var seen: Set<String> = []
    let requested = symbols.filter { seen.insert($0).inserted }
    var found: [String: CoinbaseProduct] = [:]
    var start = 0
    while start < requested.count {
      let batch = requested[start..<min(start + productsPerRequest, requested.count)]
      let query = QueryString(batch.map { ("product_ids", $0) })
      let answer = try await fetcher.get(
        CoinbaseProductsAnswer.self, path: Self.apiPrefix + "/market/products", query: query)
      for product in answer.products where batch.contains(product.productID) {
        found[product.productID] = product
      }
      start += productsPerRequest
    }
    return (requested.compactMap { found[$0] }, requested)
  }
}
