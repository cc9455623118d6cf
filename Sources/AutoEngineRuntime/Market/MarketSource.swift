public import AutoEngineCore

/// Where the engine's market data come from.
public enum MarketSourceKind: String, Hashable, Sendable, CaseIterable {
  /// The real exchanges (Coinbase Advanced Trade, Binance.US).
  case live
  /// A seeded, deterministic simulated market that works offline (the default).
  case simulated
  /// Candle files replayed at a chosen speed.
  case replay
}

/// A source of prices, 24-hour statistics and candle history for the configured coins.
///
/// The engine's fetch scheduler calls it on its cadences; the live source fans out to the
/// exchanges' batched endpoints, the simulated and replay sources answer from their own state.
/// Time is passed in, so simulated and replayed markets follow the engine's (possibly
/// simulated) clock. Answers cover the requested coins the source knows, in the order asked; a
/// coin the source does not list is left out rather than failing the whole batch.
public protocol MarketSource: Sendable {
  /// What kind of source this is.
  var kind: MarketSourceKind { get }

  /// How each coin's symbol is listed; a coin whose symbol is absent is not listed at all.
  func listings(for coins: [Coin]) async throws -> [SymbolListing]

  /// The latest price of every coin, as of `now`.
  func prices(for coins: [Coin], now: UnixTime) async throws -> [PriceQuote]

  /// Rolling 24-hour statistics of every coin, as of `now`.
  func dailyStats(for coins: [Coin], now: UnixTime) async throws -> [DailyMarketStats]

  /// Up to `limit` completed candles of `coin` ending at or before `now`, oldest first.
  ///
  /// One-minute candles from the live and simulated sources; a replay source returns its
  /// files' own interval (5-minute files give 5-minute candles).
  func history(for coin: Coin, limit: Int, now: UnixTime) async throws -> [Candle]
}
