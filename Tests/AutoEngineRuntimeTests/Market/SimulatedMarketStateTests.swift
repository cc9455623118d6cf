import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// Levels, ticks, spreads, listings, 24-hour statistics and bounded memory of the simulated market.
@Suite struct SimulatedMarketStateTests {
  let start = MarketTestFixtures.start
  let btc = MarketTestFixtures.coin("BTC-USD")

  @Test func historyAndDailyStatsExistAtStart() async throws {
    let market = SimulatedMarket(coins: [btc], seed: 1, start: start)
    let history = try await market.history(for: btc, limit: 1_440, now: start)
    #expect(history.count == 1_440)
    let last = try #require(history.last)
    #expect(last.time.adding(60) <= start && last.time.adding(120) > start)
    #expect(zip(history.dropFirst(), history).allSatisfy { $0.time.since($1.time) == 60 })
    let stats = try #require(try await market.dailyStats(for: [btc], now: start).first)
    #expect(stats.volume > 0)
    #expect(stats.priceChangePercent != nil)
  }

  @Test func pricesStartNearTheReferenceLevels() async throws {
    let symbols = ["BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "VET-USD", "ETHUSDT"]
    let coins = symbols.map(MarketTestFixtures.coin)
    let market = SimulatedMarket(coins: coins, seed: 4, start: start)
    for quote in try await market.prices(for: coins, now: start) {
      let coin = MarketTestFixtures.coin(quote.symbol)
      let reference = AssetReference.of(base: coin.base).referencePrice
      let ratio = MarketTestFixtures.double(quote.price) / reference
      #expect(ratio > 0.75 && ratio < 1.33, "\(quote.symbol) at \(quote.price), reference \(reference)")
    }
  }

  @Test func pricesAreRoundedToTheCoinsTick() async throws {
    let places = ["BTC-USD": 2, "SOL-USD": 2, "DOT-USD": 3, "LINK-USD": 3, "ADA-USD": 4, "XLM-USD": 4, "VET-USD": 5]
    let coins = places.keys.sorted().map(MarketTestFixtures.coin)
    let market = SimulatedMarket(coins: coins, seed: 8, start: start)
    for minute in stride(from: 0.0, through: 3_600, by: 97) {
      for quote in try await market.prices(for: coins, now: start.adding(minute)) {
        let allowed = try #require(places[quote.symbol])
        for value in [quote.price, quote.bid, quote.ask].compactMap({ $0 }) {
          #expect(MarketTestFixtures.decimalPlaces(value) <= allowed, "\(quote.symbol) \(value)")
        }
      }
    }
  }

  @Test func usdtPairsTrackTheUSDPairsWithATinySpread() async throws {
    let usdt = MarketTestFixtures.coin("BTCUSDT")
    let market = SimulatedMarket(coins: [btc, usdt], seed: 6, start: start)
    var differences = 0
    for minute in stride(from: 0.0, through: 86_400, by: 600) {
      let quotes = try await market.prices(for: [btc, usdt], now: start.adding(minute))
      let usd = MarketTestFixtures.double(quotes[0].price), tether = MarketTestFixtures.double(quotes[1].price)
      #expect(abs(tether / usd - 1) < 0.002, "BTC-USD \(usd) vs BTCUSDT \(tether)")
      if usd != tether { differences += 1 }
    }
    #expect(differences > 100)
  }

  @Test func dailyStatsAreConsistentWithThePath() async throws {
    let eth = MarketTestFixtures.coin("ETH-USD")
    let market = SimulatedMarket(coins: [btc, eth], seed: 12, start: start)
    let boundary = UnixTime(seconds: (start.seconds / 60).rounded(.down) * 60 + 7_200)
    for coin in [btc, eth] {
      let stats = try #require(try await market.dailyStats(for: [coin], now: boundary).first)
      let window = try await market.history(for: coin, limit: 1_440, now: boundary)
      let quote = try #require(try await market.prices(for: [coin], now: boundary).first)
      #expect(window.count == 1_440 && window[0].time == boundary.adding(-86_400))
      let volume = window.reduce(0) { $0 + $1.volume }
      #expect(abs(MarketTestFixtures.double(stats.volume) / volume - 1) < 1e-9)
      #expect(stats.high.map(MarketTestFixtures.double) == window.map(\.high).max())
      #expect(stats.low.map(MarketTestFixtures.double) == window.map(\.low).min())
      #expect(stats.lastPrice == quote.price)
      let change = (window[window.count - 1].close / window[0].open - 1) * 100
      #expect(abs(try #require(stats.priceChangePercent) - change) < 1e-9)
      // Mid-minute the window adds the minute in progress.
      let later = try #require(try await market.dailyStats(for: [coin], now: boundary.adding(30)).first)
      #expect(later.volume > stats.volume)
    }
  }

  @Test func listingsReportEveryCoinTradingButTheDelistedOnesAreMissing() async throws {
    let coins = CoinCatalogue.defaults.coins
    let market = SimulatedMarket(coins: coins, seed: 2, start: start, delisted: ["matic-usd", "FTMUSDT"])
    let listings = try await market.listings(for: coins)
    #expect(listings.count == coins.count - 2)
    #expect(listings.allSatisfy { $0.isTrading })
    #expect(!listings.contains { $0.symbol == "MATIC-USD" || $0.symbol == "FTMUSDT" })
    let matic = MarketTestFixtures.coin("MATIC-USD")
    #expect(try await market.prices(for: [matic], now: start).isEmpty)
    #expect(try await market.history(for: matic, limit: 10, now: start).isEmpty)
    let pol = try #require(Coin(symbol: "POL-USD", exchange: .coinbase))
    #expect(try await market.listings(for: [pol]).map(\.symbol) == ["POL-USD"])
    let polQuote = try #require(try await market.prices(for: [pol], now: start).first)
    #expect(abs(MarketTestFixtures.double(polQuote.price) / 0.20 - 1) < 0.3)
    let unknown = try #require(Coin(symbol: "PEPE-USD", exchange: .coinbase))
    #expect(try await market.listings(for: [unknown]).isEmpty)
  }

  @Test func buffersStayBoundedOverALongRun() async throws {
    let market = SimulatedMarket(
      coins: [btc, MarketTestFixtures.coin("ETHUSDT")], seed: 3, start: start, historyMinutes: 1_500)
    let initial = market.retainedCounts
    // One day of one-minute candles plus the query window, and one hour of 5-second steps.
    #expect(initial.candleCapacity == 1_500 + 60 + 2 && initial.stepCapacity == 720 + 12 + 1)
    for hour in stride(from: 0.0, through: 4 * 86_400, by: 3_600) {
      _ = try await market.prices(for: [btc], now: start.adding(hour))
      let counts = market.retainedCounts
      #expect(counts.candleCapacity == initial.candleCapacity && counts.stepCapacity == initial.stepCapacity)
      #expect(counts.candles <= counts.candleCapacity && counts.steps == counts.stepCapacity)
      if hour >= 86_400 { #expect(counts.candles == counts.candleCapacity) }
    }
    let history = try await market.history(for: btc, limit: 1_000_000, now: start.adding(4 * 86_400))
    #expect(history.count == 1_500)
  }
}
