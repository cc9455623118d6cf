public import AutoEngineCore
public import AutoEngineExchanges
import Synchronization

/// The real exchanges as one market source, at the fewest calls their APIs allow.
///
/// A price tick asks each exchange once for a *snapshot* of all its coins (Coinbase's products
/// list and Binance.US's 24-hour ticker both carry the price and the 24-hour statistics of up to
/// 20 symbols in one call), so 40 coins at a 10 s price interval cost 2 calls per tick — 12 per
/// minute. The statistics of the latest snapshot then answer `dailyStats` without another call
/// while they are younger than `statsMaxAge`. Exchanges are asked in parallel and independently:
/// when one fails, the other's coins are still served (the failure shows in its budget status);
/// only when every exchange fails does the call throw.
public final class LiveMarket: MarketSource {
  public let kind = MarketSourceKind.live
  /// The exchanges, by venue.
  public let exchanges: [Exchange: LiveExchange]
  /// Seconds for which a snapshot's statistics answer `dailyStats` without a call.
  public let statsMaxAge: Double
  private let latestStats = Mutex([String: (stats: DailyMarketStats, time: UnixTime)]())

  /// Creates the live market over `exchanges` (at most one per venue).
  public init(exchanges: [LiveExchange], statsMaxAge: Double = 180) {
    self.exchanges = Dictionary(exchanges.map { ($0.client.exchange, $0) }, uniquingKeysWith: { first, _ in first })
    self.statsMaxAge = statsMaxAge
  }

  public func listings(for coins: [Coin]) async throws -> [SymbolListing] {
    try await perExchange(coins) { client, symbols in try await client.listings(symbols: symbols) }
  }

  public func prices(for coins: [Coin], now: UnixTime) async throws -> [PriceQuote] {
    let snapshots = try await perExchange(coins) { client, symbols in [try await client.snapshot(symbols: symbols)] }
    latestStats.withLock { latest in
      for snapshot in snapshots {
        for stats in snapshot.stats { latest[stats.symbol] = (stats, now) }
      }
    }
    return snapshots.flatMap(\.prices)
  }

  public func dailyStats(for coins: [Coin], now: UnixTime) async throws -> [DailyMarketStats] {
    let cached = latestStats.withLock { latest in
      coins.compactMap { coin in latest[coin.symbol].flatMap { now.since($0.time) <= statsMaxAge ? $0.stats : nil } }
    }
    let missing = coins.filter { coin in !cached.contains { $0.symbol == coin.symbol } }
    guard !missing.isEmpty else { return cached }
    return cached
      + (try await perExchange(missing) { client, symbols in try await client.dailyStats(symbols: symbols) })
  }

  public func history(for coin: Coin, limit: Int, now: UnixTime) async throws -> [Candle] {
    guard let exchange = exchanges[coin.exchange] else { return [] }
    return try await exchange.client.candles(symbol: coin.symbol, intervalSeconds: 60, limit: limit, end: now)
  }

  /// Status of each exchange's request budget.
  public func budgetStatuses() async -> [(exchange: Exchange, baseURL: String, status: BudgetStatus)] {
    var result: [(Exchange, String, BudgetStatus)] = []
    for venue in Exchange.allCases {
      guard let exchange = exchanges[venue] else { continue }
      result.append((venue, exchange.baseURL, await exchange.budget.status()))
    }
    return result
  }

  /// Runs `body` for each exchange's coins in parallel and joins the answers; throws only when
  /// every exchange that had coins failed (with the first error).
  private func perExchange<Item: Sendable>(
    _ coins: [Coin], _ body: @escaping @Sendable (any ExchangeMarketData, [String]) async throws -> [Item]
  ) async throws -> [Item] {
    let groups = Dictionary(grouping: coins, by: \.exchange)
    let results = await withTaskGroup(of: Result<[Item], any Error>.self) { group in
      for (venue, members) in groups {
        guard let client = exchanges[venue]?.client else { continue }
        let symbols = members.map(\.symbol)
        group.addTask {
          do { return .success(try await body(client, symbols)) } catch { return .failure(error) }
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    let successes = results.compactMap { try? $0.get() }
    if successes.isEmpty, case .failure(let error)? = results.first { throw error }
    return successes.flatMap { $0 }
  }
}
