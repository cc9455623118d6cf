public import AsyncHTTPClient
public import AutoEngineCore
public import Logging

/// Binance.US public market data over HTTP.
///
/// `snapshot(symbols:)` reads prices (last, bid, ask) and 24-hour statistics from one
/// `/api/v3/ticker/24hr?symbols=[…]` request (weight 1 for up to 20 symbols); `prices(symbols:)`
/// uses `/api/v3/ticker/price` (weight 2); listings come from `/api/v3/exchangeInfo` (weight 10),
/// whose `REQUEST_WEIGHT` limit updates `budget`; candles from `/api/v3/klines` (weight 1, 1000
/// per request, paged). Every request goes through `budget`, which also reads
/// `X-MBX-USED-WEIGHT-1M`.
///
/// A request naming a symbol Binance.US does not know fails whole with `-1121 Invalid symbol`.
/// The client then asks `exchangeInfo` which symbols exist, retries without the unknown ones and
/// reports them as missing; it remembers them and leaves them out of later requests until
/// `listings(symbols:)` finds them listed again. So one delisted coin (`MATICUSDT`) never blinds
/// the others.
public struct BinanceUSMarketData: ExchangeMarketData {
  /// The production host.
  public static let defaultBaseURL = "https://api.binance.us"
  /// Most klines one request may return.
  public static let maxKlinesPerRequest = 1000
  /// Most symbols one ticker request names.
  public static let maxSymbolsPerRequest = 100
  /// Binance's error code for a symbol it does not know.
  public static let invalidSymbolCode = -1121

  public var exchange: Exchange { .binanceUS }
  /// The request budget every call of this client spends from.
  public let budget: RequestBudget
  let fetcher: JSONFetcher
  let unknownSymbols = UnknownSymbolSet()

  /// Creates a client of `baseURL` (scheme and host, e.g. a local mock's `http://127.0.0.1:PORT`).
  ///
  /// - Parameter budget: the limiter to spend from; by default a new one with `RequestBudgetPolicy.binanceUS`.
  public init(
    baseURL: String = BinanceUSMarketData.defaultBaseURL, settings: HTTPRequestSettings = HTTPRequestSettings(),
    httpClient: HTTPClient = .shared, budget: RequestBudget? = nil,
    logger: Logger = Logger(label: "autoengine.exchanges.binanceus")
  ) {
    let budget = budget ?? RequestBudget(service: Exchange.binanceUS.displayName, policy: .binanceUS)
    self.budget = budget
    self.fetcher = JSONFetcher(
      service: Exchange.binanceUS.displayName, baseURL: baseURL, http: httpClient, budget: budget,
      settings: settings, logger: logger)
  }

  /// The symbols found unknown so far (left out of ticker requests), sorted.
  public var knownMissingSymbols: [String] { unknownSymbols.sorted }

  public func listings(symbols: [String]) async throws -> [SymbolListing] {
    let requested = Self.deduplicated(symbols)
    let valid = requested.filter(Self.isWellFormedSymbol)
    guard !valid.isEmpty else {
      unknownSymbols.insert(requested)
      return []
    }
    let info: BinanceExchangeInfo
    do {
      info = try await exchangeInfo(symbols: valid)
    } catch let error as ExchangeError where error.exchangeCode == Self.invalidSymbolCode {
      info = try await exchangeInfo(symbols: nil)
    }
    let bySymbol = Dictionary(info.symbols.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
    let found = requested.filter { bySymbol[$0] != nil }
    unknownSymbols.remove(found)
    unknownSymbols.insert(requested.filter { bySymbol[$0] == nil })
    return found.compactMap { bySymbol[$0]?.listing }
  }

  public func prices(symbols: [String]) async throws -> [PriceQuote] {
    let now = budget.clock.now()
    let served = try await servingKnownSymbols(symbols) { batch in
      let tickers = try await fetcher.get(
        OneOrMany<BinancePriceTicker>.self, path: "/api/v3/ticker/price", query: Self.symbolsQuery(batch),
        weight: BinanceWeight.priceTicker)
      return tickers.elements.map { PriceQuote(symbol: $0.symbol, price: $0.price, time: now) }
    }
    return served.items
  }

  public func dailyStats(symbols: [String]) async throws -> [DailyMarketStats] {
    let now = budget.clock.now()
    return try await dailyTickers(symbols).items.map { $0.stats(fetchedAt: now) }
  }

  /// Prices and 24-hour statistics from `/api/v3/ticker/24hr` (one request per 100 symbols),
  /// with the symbols Binance.US does not know.
  public func snapshot(symbols: [String]) async throws -> MarketSnapshot {
    let now = budget.clock.now()
    let (tickers, missing) = try await dailyTickers(symbols)
    return MarketSnapshot(
      prices: tickers.map { $0.quote(fetchedAt: now) }, stats: tickers.map { $0.stats(fetchedAt: now) },
      missingSymbols: missing)
  }

  /// Klines of `symbol` from `/api/v3/klines`, oldest first, with open time at or before `end`,
  /// paging by 1000; `intervalSeconds` must be a Binance interval (60 = `1m`, … 604800 = `1w`).
  public func candles(symbol: String, intervalSeconds: Int, limit: Int, end: UnixTime) async throws -> [Candle] {
    guard let interval = BinanceInterval.names[intervalSeconds] else {
      throw ExchangeError.invalidRequest("Binance.US has no \(intervalSeconds)-second klines")
    }
    guard limit > 0 else { return [] }
    var endMillis = Int64((end.seconds * 1000).rounded(.down))
    var remaining = limit
    var collected: [Candle] = []
    while remaining > 0 {
      let count = min(Self.maxKlinesPerRequest, remaining)
      let query = QueryString([
        ("symbol", symbol), ("interval", interval), ("limit", String(count)), ("endTime", String(endMillis)),
      ])
      let page = try await klines(query: query).filter { $0.time.seconds * 1000 <= Double(endMillis) }
      collected.insert(contentsOf: page, at: 0)
      remaining -= page.count
      guard page.count >= count, let first = page.first else { break }
      endMillis = Int64((first.time.seconds * 1000).rounded(.down)) - 1
    }
    return Array(collected.suffix(limit))
  }

  // MARK: - Requests

  func exchangeInfo(symbols: [String]?) async throws -> BinanceExchangeInfo {
    let query = symbols.map { Self.symbolsQuery($0) } ?? QueryString()
    let info = try await fetcher.get(
      BinanceExchangeInfo.self, path: "/api/v3/exchangeInfo", query: query, weight: BinanceWeight.exchangeInfo)
    if let limit = info.requestWeightLimit {
      await budget.updateLimit(limit.limit, windowSeconds: limit.windowSeconds)
    }
    return info
  }

  private func dailyTickers(_ symbols: [String]) async throws -> (items: [BinanceDailyTicker], missing: [String]) {
    try await servingKnownSymbols(symbols) { batch in
      try await fetcher.get(
        OneOrMany<BinanceDailyTicker>.self, path: "/api/v3/ticker/24hr", query: Self.symbolsQuery(batch),
        weight: BinanceWeight.dailyTicker(symbolCount: batch.count)
      ).elements
    }
  }

  private func klines(query: QueryString) async throws -> [Candle] {
    let endpoint = fetcher.endpoint("/api/v3/klines")
    let rows = try await fetcher.get(
      [[JSONValue]].self, path: endpoint.path, query: query, weight: BinanceWeight.klines)
    var candles: [Candle] = []
    candles.reserveCapacity(rows.count)
    for (index, row) in rows.enumerated() {
      switch Self.candle(fromKline: row) {
      case .success(let candle): candles.append(candle)
      case .failure(let problem): throw await fetcher.malformed(endpoint, reason: "[\(index)]\(problem.text)")
      }
    }
    return candles.sorted { $0.time < $1.time }
  }
}
