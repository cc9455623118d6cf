import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// One simulated day looks like a crypto market: positive prices, fat tails, volatility
/// clusters, regime switches, volume spikes and gaps.
@Suite struct SimulatedMarketStatisticsTests {
  let coins = MarketTestFixtures.coinbaseTen
  let start = MarketTestFixtures.start

  /// The ten coins' one-minute candles of the simulated day after `start`.
  func simulatedDay(seed: UInt64, model: SimulatedMarketModel = .standard) async throws -> [[Candle]] {
    let market = SimulatedMarket(coins: coins, seed: seed, start: start, model: model)
    var days: [[Candle]] = []
    for coin in coins {
      days.append(try await market.history(for: coin, limit: 1_440, now: start.adding(86_400)))
    }
    return days
  }

  @Test func pricesStayPositiveAndCandlesWellFormed() async throws {
    let market = SimulatedMarket(coins: CoinCatalogue.defaults.coins, seed: 21, start: start)
    for hour in stride(from: 0.0, through: 86_400, by: 3_600) {
      for quote in try await market.prices(for: CoinCatalogue.defaults.coins, now: start.adding(hour)) {
        let bid = try #require(quote.bid), ask = try #require(quote.ask)
        #expect(bid > 0 && bid < quote.price && quote.price < ask, "\(quote)")
      }
    }
    for coin in CoinCatalogue.defaults.coins {
      let day = try await market.history(for: coin, limit: 1_440, now: start.adding(86_400))
      #expect(day.count == 1_440)
      #expect(day.allSatisfy { $0.isWellFormed }, "\(coin.symbol)")
      #expect(day.allSatisfy { $0.volume > 0 }, "\(coin.symbol)")
    }
  }

  @Test(arguments: [2024, 7, 17] as [UInt64])
  func returnsHaveFatTailsAndVolatilityClusters(seed: UInt64) async throws {
    var standardized: [Double] = []
    var clustering: [Double] = []
    for day in try await simulatedDay(seed: seed) {
      let returns = MarketTestFixtures.logReturns(day)
      let deviation = (returns.reduce(0) { $0 + $1 * $1 } / Double(returns.count)).squareRoot()
      standardized += returns.map { $0 / deviation }
      let magnitudes = returns.map(\.magnitude)
      let lags = (1...10).map { MarketTestFixtures.autocorrelation(magnitudes, lag: $0) }
      clustering.append(lags.reduce(0, +) / Double(lags.count))
    }
    // Normal returns have excess kurtosis 0 and no autocorrelation of their magnitudes.
    let kurtosis = MarketTestFixtures.excessKurtosis(standardized)
    #expect(kurtosis > 2, "pooled excess kurtosis \(kurtosis)")
    #expect(clustering.reduce(0, +) / Double(clustering.count) > 0.03, "mean |r| autocorrelation \(clustering)")
    #expect(clustering.filter { $0 > 0 }.count >= 9, "\(clustering)")
  }

  @Test func dailyVolatilityIsInTheRangeOfRealCoins() async throws {
    for (coin, day) in zip(coins, try await simulatedDay(seed: 31)) {
      let returns = MarketTestFixtures.logReturns(day)
      let variance = returns.reduce(0) { $0 + $1 * $1 } / Double(returns.count)
      let dailyPercent = (variance * 1_440).squareRoot() * 100
      #expect(dailyPercent > 1 && dailyPercent < 15, "\(coin.symbol): \(dailyPercent) % a day")
    }
  }

  @Test func regimesSwitchDuringADay() async throws {
    let market = SimulatedMarket(coins: coins, seed: 13, start: start)
    var seen = Set<MarketRegime>()
    for coin in coins {
      var switches = 0
      var previous: MarketRegime?
      for minute in stride(from: 0.0, through: 86_400, by: 60) {
        let regime = try #require(market.regime(of: coin, now: start.adding(minute)))
        if let previous, previous != regime { switches += 1 }
        previous = regime
        seen.insert(regime)
      }
      #expect(switches >= 1, "\(coin.symbol) never changed regime")
    }
    #expect(seen == Set(MarketRegime.allCases))
  }

  @Test func volumeSpikesOccur() async throws {
    for (coin, day) in zip(coins, try await simulatedDay(seed: 17)) {
      let volumes = day.map(\.volume).sorted()
      let median = volumes[volumes.count / 2]
      #expect(try #require(volumes.last) > 4 * median, "\(coin.symbol): no spike above 4× the median volume")
    }
  }

  @Test func gapsMovePricesAtOnce() async throws {
    var model = SimulatedMarketModel.standard
    model.gapMeanInterval = 3_600
    model.gapSize = 0.05...0.05
    for (coin, day) in zip(coins, try await simulatedDay(seed: 19, model: model)) {
      let largest = MarketTestFixtures.logReturns(day).map(\.magnitude).max() ?? 0
      #expect(largest > 0.04, "\(coin.symbol): largest one-minute move \(largest)")
    }
    let standardLargest = try await simulatedDay(seed: 19).map { day in
      let moves = MarketTestFixtures.logReturns(day).map(\.magnitude).sorted()
      return moves[moves.count - 1] / moves[moves.count / 2]
    }
    #expect(standardLargest.contains { $0 > 12 }, "no one-minute move of 12× the median: \(standardLargest)")
  }
}
