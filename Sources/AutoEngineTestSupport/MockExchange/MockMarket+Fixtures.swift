public import AutoEngineCore
public import FoundationEssentials

extension MockMarket {
  /// Plausible prices of the seed's base assets and their successors, USD.
  public static let referencePrices: [String: Decimal] = [
    "BTC": Decimal(string: "65000.12")!, "ETH": Decimal(string: "3400.55")!, "ADA": Decimal(string: "0.4512")!,
    "DOT": Decimal(string: "6.123")!, "LINK": Decimal(string: "14.56")!, "SOL": Decimal(string: "145.78")!,
    "MATIC": Decimal(string: "0.3801")!, "POL": Decimal(string: "0.3802")!, "AVAX": Decimal(string: "27.31")!,
    "ATOM": Decimal(string: "6.88")!, "UNI": Decimal(string: "7.654")!, "LTC": Decimal(string: "72.45")!,
    "BCH": Decimal(string: "351.2")!, "XLM": Decimal(string: "0.0945")!, "ALGO": Decimal(string: "0.1523")!,
    "VET": Decimal(string: "0.02411")!, "FIL": Decimal(string: "4.512")!, "ICP": Decimal(string: "8.93")!,
    "NEAR": Decimal(string: "5.12")!, "FTM": Decimal(string: "0.6712")!, "S": Decimal(string: "0.5013")!,
    "SAND": Decimal(string: "0.3344")!,
  ]

  /// The seed's 20 coins of `exchange` (CoinCatalogue.defaults) as the exchange lists them today:
  /// MATIC is delisted (absent, as after the POL migration) unless `includingMATIC`, and the
  /// successors POL and S are listed too. Volumes and 24-hour changes differ per coin.
  public static func seedMarkets(on exchange: Exchange, includingMATIC: Bool = false) -> [MockMarket] {
    let quote = exchange == .coinbase ? "USD" : "USDT"
    var bases = CoinCatalogue.defaults.coins(on: exchange).map(\.base)
    if !includingMATIC { bases.removeAll { $0 == "MATIC" } }
    bases += ["POL", "S"]
    return bases.enumerated().map { index, base in
      let symbol = MarketSymbol(base: base, quote: quote).symbol(on: exchange)
      return MockMarket(
        symbol: symbol, exchange: exchange, price: referencePrices[base] ?? 1,
        volume24h: Decimal(10_000 + index * 1_337), priceChangePercent24h: Decimal(index % 7) - 3)
    }
  }
}
