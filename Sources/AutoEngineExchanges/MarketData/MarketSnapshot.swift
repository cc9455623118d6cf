public import AutoEngineCore

/// Prices and 24-hour statistics of many symbols, fetched together (one call on both exchanges
/// for up to 20 symbols), with the symbols the answer could not cover.
public struct MarketSnapshot: Hashable, Sendable {
  /// The latest price of each symbol served, in the order requested.
  public var prices: [PriceQuote]
  /// The 24-hour statistics of each symbol served, in the order requested.
  public var stats: [DailyMarketStats]
  /// Requested symbols the exchange did not serve: unknown to it (delisted, renamed, e.g.
  /// `MATICUSDT`) or listed without a price. The other symbols are served regardless.
  public var missingSymbols: [String]

  /// Creates a snapshot.
  public init(prices: [PriceQuote], stats: [DailyMarketStats], missingSymbols: [String]) {
    self.prices = prices
    self.stats = stats
    self.missingSymbols = missingSymbols
  }
}
