public import AutoEngineCore

/// The public market data of one exchange, fetched in as few calls as its API allows.
///
/// Implemented by the Coinbase Advanced Trade and Binance.US clients over HTTP. Every call goes
/// through the exchange's `RequestBudget`, so a caller can never exceed the documented limits or
/// call during a `Retry-After` or ban period (the call fails at once with an `ExchangeError`).
/// Symbols the exchange does not know (delisted or renamed coins) are left out of the results,
/// never allowed to fail the others.
public protocol ExchangeMarketData: Sendable {
  /// The exchange served.
  var exchange: Exchange { get }

  /// How the exchange lists each of `symbols`; symbols it does not know are absent from the result.
  func listings(symbols: [String]) async throws -> [SymbolListing]

  /// The latest price of each of `symbols` (batched: one call for all where the API allows);
  /// unknown symbols are absent from the result.
  func prices(symbols: [String]) async throws -> [PriceQuote]

  /// Rolling 24-hour statistics of each of `symbols` (batched where the API allows); unknown
  /// symbols are absent from the result.
  func dailyStats(symbols: [String]) async throws -> [DailyMarketStats]

  /// Prices and 24-hour statistics of `symbols` together, in as few calls as the API allows
  /// (Coinbase's products list and Binance.US's 24-hour ticker both carry prices and volumes:
  /// one call for up to 20 symbols), with the symbols that were not served.
  func snapshot(symbols: [String]) async throws -> MarketSnapshot

  /// Up to `limit` candles of `intervalSeconds` (60 = 1 minute) ending at or before `end`,
  /// oldest first, for warming up indicators.
  func candles(symbol: String, intervalSeconds: Int, limit: Int, end: UnixTime) async throws -> [Candle]
}

extension ExchangeMarketData {
  /// Default: `prices(symbols:)` and `dailyStats(symbols:)`, two calls; the clients of this
  /// module override it with one.
  public func snapshot(symbols: [String]) async throws -> MarketSnapshot {
    let prices = try await prices(symbols: symbols)
    let stats = try await dailyStats(symbols: symbols)
    let served = Set(prices.map(\.symbol)).intersection(stats.map(\.symbol))
    return MarketSnapshot(prices: prices, stats: stats, missingSymbols: symbols.filter { !served.contains($0) })
  }
}
