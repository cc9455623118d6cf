public import FoundationEssentials

/// The coins the engine watches and may trade, in a fixed order, with O(1) lookup by symbol.
///
/// `CoinCatalogue.defaults` is the seed's list of 40: the 10 original and 10 additional Coinbase
/// coins, then the 10 original and 10 additional Binance.US coins, each group in the seed's order.
/// Every catalogue upholds these invariants, checked by `init(_:)`:
/// symbols are non-empty and unique (case-insensitively), each symbol follows its exchange's
/// convention and matches the coin's base and quote, trade limits satisfy
/// `0 < minTradeAmount <= maxTradeAmount`, and successor symbols follow the exchange's convention.
public struct CoinCatalogue: Hashable, Sendable {
  /// The coins, in catalogue order.
  public let coins: [Coin]
  /// Position of each coin in `coins`, keyed by upper-cased symbol.
  private let indexBySymbol: [String: Int]

  /// Creates a catalogue, checking its invariants.
  ///
  /// - Throws: `CoinCatalogueError` naming the first offending symbol and the broken rule.
  public init(_ coins: [Coin]) throws(CoinCatalogueError) {
    var index: [String: Int] = [:]
    for (position, coin) in coins.enumerated() {
      guard !coin.symbol.isEmpty else { throw CoinCatalogueError(symbol: "", problem: .emptySymbol) }
      let key = coin.symbol.uppercased()
      guard index[key] == nil else {
        throw CoinCatalogueError(symbol: coin.symbol, problem: .duplicateSymbol)
      }
      guard let pair = MarketSymbol(parsing: coin.symbol, on: coin.exchange),
        pair.symbol(on: coin.exchange) == key
      else {
        throw CoinCatalogueError(symbol: coin.symbol, problem: .malformedSymbol(coin.exchange))
      }
      guard pair.base == coin.base.uppercased(), pair.quote == coin.quote.uppercased() else {
        throw CoinCatalogueError(
          symbol: coin.symbol, problem: .assetsMismatch(base: coin.base, quote: coin.quote))
      }
      guard coin.minTradeAmount > 0, coin.minTradeAmount <= coin.maxTradeAmount else {
        throw CoinCatalogueError(
          symbol: coin.symbol,
          problem: .invalidTradeLimits(min: coin.minTradeAmount, max: coin.maxTradeAmount))
      }
      if let successor = coin.successorSymbol,
        MarketSymbol(parsing: successor, on: coin.exchange) == nil
      {
        throw CoinCatalogueError(symbol: coin.symbol, problem: .malformedSuccessor(successor))
      }
      index[key] = position
    }
    self.coins = coins
    self.indexBySymbol = index
  }

  /// Builds a catalogue already known to satisfy the invariants (the seed list).
  private init(trusted coins: [Coin]) {
    self.coins = coins
    self.indexBySymbol = Dictionary(
      uniqueKeysWithValues: coins.enumerated().map { ($1.symbol.uppercased(), $0) })
  }

  /// The seed's 40 coins with the seed's trade limits (10 … 10,000 for BTC/ETH, 10 … 5,000 others).
  public static let defaults = CoinCatalogue(trusted: seedCoins())

  /// The seed's 40 coins, in the seed's order, with the given limits in quote units.
  ///
  /// `majorMaxTradeAmount` applies to BTC and ETH, `maxTradeAmount` to every other coin.
  /// MATIC and FTM carry their successors: `MATIC-USD → POL-USD`, `MATICUSDT → POLUSDT`,
  /// `FTM-USD → S-USD`, `FTMUSDT → SUSDT` (MATIC became POL, FTM became Sonic's S).
  public static func seedCoins(
    minTradeAmount: Decimal = 10, majorMaxTradeAmount: Decimal = 10_000,
    maxTradeAmount: Decimal = 5_000
  ) -> [Coin] {
    let groups: [(Exchange, String, [String])] = [
      (.coinbase, "USD", ["BTC", "ETH", "ADA", "DOT", "LINK", "SOL", "MATIC", "AVAX", "ATOM", "UNI"]),
      (.coinbase, "USD", ["LTC", "BCH", "XLM", "ALGO", "VET", "FIL", "ICP", "NEAR", "FTM", "SAND"]),
      (.binanceUS, "USDT", ["BTC", "ETH", "ADA", "DOT", "LINK", "SOL", "MATIC", "AVAX", "ATOM", "UNI"]),
      (.binanceUS, "USDT", ["LTC", "BCH", "XLM", "ALGO", "VET", "FIL", "ICP", "NEAR", "FTM", "SAND"]),
    ]
    let successors = ["MATIC": "POL", "FTM": "S"]
    return groups.flatMap { exchange, quote, bases in
      bases.map { base in
        let pair = MarketSymbol(base: base, quote: quote)
        return Coin(
          symbol: pair.symbol(on: exchange), exchange: exchange, base: base, quote: quote,
          minTradeAmount: minTradeAmount,
          maxTradeAmount: majorBases.contains(base) ? majorMaxTradeAmount : maxTradeAmount,
          successorSymbol: successors[base].map {
            MarketSymbol(base: $0, quote: quote).symbol(on: exchange)
          })
      }
    }
  }

  /// Base assets the seed allows larger trades for (its "BTC/ETH" limit).
  public static let majorBases: Set<String> = ["BTC", "ETH"]

  /// Number of coins.
  public var count: Int { coins.count }

  /// Every symbol, in catalogue order.
  public var symbols: [String] { coins.map(\.symbol) }

  /// The coin with `symbol`, compared case-insensitively (`btc-usd` finds `BTC-USD`), or `nil`.
  public func coin(forSymbol symbol: String) -> Coin? {
    indexBySymbol[symbol.uppercased()].map { coins[$0] }
  }

  /// Whether the catalogue contains `symbol` (case-insensitive).
  public func contains(symbol: String) -> Bool { indexBySymbol[symbol.uppercased()] != nil }

  /// The coins on `exchange`, in catalogue order.
  public func coins(on exchange: Exchange) -> [Coin] { coins.filter { $0.exchange == exchange } }

  /// The coins autobuy may trade (`enabled`), in catalogue order.
  public var enabledCoins: [Coin] { coins.filter(\.enabled) }

  /// Coins that were renamed or delisted and name a successor, in catalogue order.
  public var coinsWithSuccessors: [Coin] { coins.filter { $0.successorSymbol != nil } }

  public static func == (lhs: CoinCatalogue, rhs: CoinCatalogue) -> Bool { lhs.coins == rhs.coins }
  public func hash(into hasher: inout Hasher) { hasher.combine(coins) }
}
