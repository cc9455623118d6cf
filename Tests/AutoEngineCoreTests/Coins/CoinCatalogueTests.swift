import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Coin catalogue")
struct CoinCatalogueTests {
  static let seedSymbols = [
    "BTC-USD", "ETH-USD", "ADA-USD", "DOT-USD", "LINK-USD",
    "SOL-USD", "MATIC-USD", "AVAX-USD", "ATOM-USD", "UNI-USD",
    "LTC-USD", "BCH-USD", "XLM-USD", "ALGO-USD", "VET-USD",
    "FIL-USD", "ICP-USD", "NEAR-USD", "FTM-USD", "SAND-USD",
    "BTCUSDT", "ETHUSDT", "ADAUSDT", "DOTUSDT", "LINKUSDT",
    "SOLUSDT", "MATICUSDT", "AVAXUSDT", "ATOMUSDT", "UNIUSDT",
    "LTCUSDT", "BCHUSDT", "XLMUSDT", "ALGOUSDT", "VETUSDT",
    "FILUSDT", "ICPUSDT", "NEARUSDT", "FTMUSDT", "SANDUSDT",
  ]

  @Test("defaults are exactly the seed's 40 symbols in the seed's order")
  func defaultsMatchSeed() {
    #expect(CoinCatalogue.defaults.symbols == Self.seedSymbols)
    #expect(CoinCatalogue.defaults.count == 40)
  }

  @Test("20 coins per exchange, Coinbase first, quoted in USD and USDT")
  func exchangesAndQuotes() {
    let catalogue = CoinCatalogue.defaults
    #expect(catalogue.coins(on: .coinbase).count == 20)
    #expect(catalogue.coins(on: .binanceUS).count == 20)
    #expect(catalogue.coins.prefix(20).allSatisfy { $0.exchange == .coinbase && $0.quote == "USD" })
    #expect(catalogue.coins.suffix(20).allSatisfy { $0.exchange == .binanceUS && $0.quote == "USDT" })
    #expect(catalogue.coin(forSymbol: "LINKUSDT")?.base == "LINK")
  }

  @Test("trade limits: 10 minimum, 10,000 for BTC and ETH, 5,000 for others")
  func tradeLimits() {
    for coin in CoinCatalogue.defaults.coins {
      #expect(coin.minTradeAmount == 10)
      let expected: Decimal = ["BTC", "ETH"].contains(coin.base) ? 10_000 : 5_000
      #expect(coin.maxTradeAmount == expected, "\(coin.symbol)")
      #expect(coin.enabled)
    }
  }

  @Test("successors: MATIC → POL and FTM → S on both exchanges, nobody else")
  func successors() {
    let catalogue = CoinCatalogue.defaults
    #expect(catalogue.coin(forSymbol: "MATIC-USD")?.successorSymbol == "POL-USD")
    #expect(catalogue.coin(forSymbol: "MATICUSDT")?.successorSymbol == "POLUSDT")
    #expect(catalogue.coin(forSymbol: "FTM-USD")?.successorSymbol == "S-USD")
    #expect(catalogue.coin(forSymbol: "FTMUSDT")?.successorSymbol == "SUSDT")
    #expect(catalogue.coinsWithSuccessors.map(\.symbol) == ["MATIC-USD", "FTM-USD", "MATICUSDT", "FTMUSDT"])
  }

  @Test("lookup by symbol is case-insensitive and misses give nil")
  func lookup() {
    let catalogue = CoinCatalogue.defaults
    #expect(catalogue.coin(forSymbol: "btc-usd")?.symbol == "BTC-USD")
    #expect(catalogue.coin(forSymbol: "EthUsdt")?.symbol == "ETHUSDT")
    #expect(catalogue.coin(forSymbol: "DOGE-USD") == nil)
    #expect(catalogue.contains(symbol: "sandusdt"))
    #expect(!catalogue.contains(symbol: "BTCUSD"))
  }

  @Test("the defaults pass the checked initialiser")
  func defaultsSatisfyInvariants() throws {
    let rebuilt = try CoinCatalogue(CoinCatalogue.defaults.coins)
    #expect(rebuilt == CoinCatalogue.defaults)
  }

  @Test("seed coins take custom limits")
  func customLimits() throws {
    let coins = CoinCatalogue.seedCoins(minTradeAmount: 20, majorMaxTradeAmount: 900, maxTradeAmount: 300)
    let catalogue = try CoinCatalogue(coins)
    #expect(catalogue.coin(forSymbol: "ETHUSDT")?.maxTradeAmount == 900)
    #expect(catalogue.coin(forSymbol: "ADA-USD")?.maxTradeAmount == 300)
    #expect(catalogue.coins.allSatisfy { $0.minTradeAmount == 20 })
  }

  @Test("enabled coins filter out disabled ones, keeping order")
  func enabledFilter() throws {
    var coins = CoinCatalogue.defaults.coins
    coins[1].enabled = false
    coins[25].enabled = false
    let catalogue = try CoinCatalogue(coins)
    #expect(catalogue.enabledCoins.count == 38)
    #expect(!catalogue.enabledCoins.map(\.symbol).contains("ETH-USD"))
    #expect(catalogue.enabledCoins.first?.symbol == "BTC-USD")
  }

  @Test("duplicate symbols are rejected, case-insensitively")
  func duplicates() {
    let btc = Coin(symbol: "BTC-USD", exchange: .coinbase)!
    let lower = Coin(symbol: "btc-usd", exchange: .coinbase)!
    #expect(throws: CoinCatalogueError(symbol: "btc-usd", problem: .duplicateSymbol)) {
      try CoinCatalogue([btc, lower])
    }
  }

  @Test("malformed symbols, mismatched assets, bad limits and bad successors are rejected")
  func invariantViolations() {
    let wrongConvention = Coin(symbol: "BTCUSDT", exchange: .coinbase, base: "BTC", quote: "USDT")
    #expect(throws: CoinCatalogueError(symbol: "BTCUSDT", problem: .malformedSymbol(.coinbase))) {
      try CoinCatalogue([wrongConvention])
    }
    let mismatch = Coin(symbol: "BTC-USD", exchange: .coinbase, base: "ETH", quote: "USD")
    #expect(throws: CoinCatalogueError(symbol: "BTC-USD", problem: .assetsMismatch(base: "ETH", quote: "USD"))) {
      try CoinCatalogue([mismatch])
    }
    let inverted = Coin(symbol: "BTC-USD", exchange: .coinbase, minTradeAmount: 100, maxTradeAmount: 50)!
    #expect(throws: CoinCatalogueError(symbol: "BTC-USD", problem: .invalidTradeLimits(min: 100, max: 50))) {
      try CoinCatalogue([inverted])
    }
    let zeroMin = Coin(symbol: "BTC-USD", exchange: .coinbase, minTradeAmount: 0)!
    #expect(throws: CoinCatalogueError(symbol: "BTC-USD", problem: .invalidTradeLimits(min: 0, max: 5_000))) {
      try CoinCatalogue([zeroMin])
    }
    let badSuccessor = Coin(symbol: "FTMUSDT", exchange: .binanceUS, successorSymbol: "S-USD")!
    #expect(throws: CoinCatalogueError(symbol: "FTMUSDT", problem: .malformedSuccessor("S-USD"))) {
      try CoinCatalogue([badSuccessor])
    }
    let empty = Coin(symbol: "", exchange: .coinbase, base: "", quote: "")
    #expect(throws: CoinCatalogueError(symbol: "", problem: .emptySymbol)) { try CoinCatalogue([empty]) }
  }

  @Test("catalogue errors say which symbol and why")
  func errorDescriptions() {
    #expect(
      CoinCatalogueError(symbol: "BTC-USD", problem: .duplicateSymbol).description
        == "coin catalogue: BTC-USD appears more than once")
    #expect(
      CoinCatalogueError(symbol: "X", problem: .invalidTradeLimits(min: 100, max: 50)).description
        == "coin catalogue: X has trade limits 100…50; need 0 < min ≤ max")
    #expect(
      CoinCatalogueError(symbol: "BTCUSDT", problem: .malformedSymbol(.coinbase)).description
        .contains("not a valid Coinbase symbol (expected BASE-QUOTE)"))
  }

  @Test("a coin's trade limits as a range")
  func tradeLimitRange() {
    let coin = CoinCatalogue.defaults.coin(forSymbol: "BTC-USD")!
    #expect(coin.tradeLimits == 10...10_000)
    #expect(coin.description == "BTC-USD (Coinbase)")
  }
}
