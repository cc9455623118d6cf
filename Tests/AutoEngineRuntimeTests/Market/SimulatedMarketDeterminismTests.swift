import AutoEngineCore
import Testing

@testable import AutoEngineRuntime

/// The simulated market is a pure function of its seed and the query time.
@Suite struct SimulatedMarketDeterminismTests {
  let coins =
    MarketTestFixtures.coinbaseTen + [
      MarketTestFixtures.coin("BTCUSDT"), MarketTestFixtures.coin("ETHUSDT"),
    ]
  let start = MarketTestFixtures.start

  /// Everything the market answers at `now`, as text (so equality is byte equality).
  func snapshot(_ market: SimulatedMarket, at now: UnixTime) async throws -> String {
    let quotes = try await market.prices(for: coins, now: now)
    let stats = try await market.dailyStats(for: coins, now: now)
    var history: [[Candle]] = []
    for coin in coins { history.append(try await market.history(for: coin, limit: 1_500, now: now)) }
    return "\(quotes)|\(stats)|\(history)"
  }

  @Test func twoMarketsWithTheSameSeedGiveByteIdenticalAnswers() async throws {
    let first = SimulatedMarket(coins: coins, seed: 11, start: start)
    let second = SimulatedMarket(coins: coins, seed: 11, start: start)
    for offset in stride(from: 0.0, through: 7_200, by: 37) {
      let now = start.adding(offset)
      let a = try await first.prices(for: coins, now: now)
      let b = try await second.prices(for: coins, now: now)
      #expect("\(a)" == "\(b)")
    }
    let end = start.adding(7_200)
    #expect(try await snapshot(first, at: end) == snapshot(second, at: end))
  }

  @Test func answersDoNotDependOnWhichEarlierTimesWereQueried() async throws {
    let stepped = SimulatedMarket(coins: coins, seed: 5, start: start)
    let jumped = SimulatedMarket(coins: coins, seed: 5, start: start)
    let wandering = SimulatedMarket(coins: coins, seed: 5, start: start)
    let early = start.adding(1_803), middle = start.adding(9_000.5), end = start.adding(10_800)
    var earlyAnswer = "", middleAnswer = ""
    for offset in stride(from: 0.0, through: 10_800, by: 10) {
      let now = start.adding(offset)
      _ = try await stepped.prices(for: coins, now: now)
      if now == start.adding(1_800) { earlyAnswer = try await snapshot(stepped, at: early) }
      if now == start.adding(9_000) { middleAnswer = try await snapshot(stepped, at: middle) }
    }
    let steppedEnd = try await snapshot(stepped, at: end)
    #expect(try await snapshot(jumped, at: end) == steppedEnd)
    // Forward to the end, then back 30 minutes (from the buffers), then back 2.5 hours (rebuilt
    // from the origin), then forward again: the same answers every time.
    #expect(try await snapshot(wandering, at: end) == steppedEnd)
    #expect(try await snapshot(wandering, at: middle) == middleAnswer)
    #expect(try await snapshot(wandering, at: early) == earlyAnswer)
    #expect(try await snapshot(wandering, at: end) == steppedEnd)
  }

  @Test func anotherSeedGivesAnotherMarket() async throws {
    let first = SimulatedMarket(coins: coins, seed: 1, start: start)
    let second = SimulatedMarket(coins: coins, seed: 2, start: start)
    let a = try await first.prices(for: coins, now: start)
    let b = try await second.prices(for: coins, now: start)
    let differing = zip(a, b).filter { $0.price != $1.price }.count
    #expect(differing == coins.count)
  }

  @Test func aCoinsPathDoesNotDependOnTheOtherCoins() async throws {
    let btc = MarketTestFixtures.coin("BTC-USD")
    let alone = SimulatedMarket(coins: [btc], seed: 3, start: start)
    let together = SimulatedMarket(coins: CoinCatalogue.defaults.coins, seed: 3, start: start)
    let now = start.adding(3_600)
    #expect(try await alone.prices(for: [btc], now: now) == together.prices(for: [btc], now: now))
    #expect(
      try await alone.history(for: btc, limit: 500, now: now) == together.history(for: btc, limit: 500, now: now))
  }

  @Test func aQuoteIsTheStateOfTheLastStepAtOrBeforeNow() async throws {
    let market = SimulatedMarket(coins: coins, seed: 9, start: start, stepSeconds: 5)
    let stepTime = market.origin.adding(5 * 20_000)
    let atStep = try await market.prices(for: coins, now: stepTime)
    let withinStep = try await market.prices(for: coins, now: stepTime.adding(4.999))
    #expect(atStep == withinStep)
    #expect(atStep.allSatisfy { $0.time == stepTime })
  }
}
