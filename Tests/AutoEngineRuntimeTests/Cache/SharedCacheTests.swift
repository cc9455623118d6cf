import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct SharedCacheTests {
  let btc = CoinCatalogue.defaults.coin(forSymbol: "BTC-USD")!
  let eth = CoinCatalogue.defaults.coin(forSymbol: "ETHUSDT")!

  private func quote(_ symbol: String, _ price: Decimal, _ time: Double) -> PriceQuote {
    PriceQuote(symbol: symbol, price: price, time: UnixTime(seconds: time))
  }

  @Test func freshPriceIsAHitAndAStaleOneAMiss() async {
    let cache = SharedCache(coins: [btc], settings: .init(staleAfter: 30))
    #expect(await cache.state(of: "BTC-USD")?.isStale == true)  // nothing yet: a miss
    await cache.record(prices: [quote("BTC-USD", 90_000, 0)], at: UnixTime(seconds: 0))
    _ = await cache.takeChanges(at: UnixTime(seconds: 5))
    #expect(await cache.state(of: "BTC-USD")?.price == 90_000)  // fresh: a hit
    _ = await cache.takeChanges(at: UnixTime(seconds: 31))
    let stale = await cache.state(of: "BTC-USD")
    #expect(stale?.isStale == true)
    #expect(stale?.staleReason == "no price for 31 s (limit 30 s)")
    #expect(await cache.hits == 1)
    #expect(await cache.misses == 2)
  }

  @Test func onlyChangesBeyondTheThresholdArePublished() async {
    let cache = SharedCache(coins: [btc, eth], settings: .init(changeThreshold: 0.001))
    await cache.record(prices: [quote("BTC-USD", 100, 0), quote("ETHUSDT", 10, 0)], at: UnixTime(seconds: 0))
    #expect(await cache.takeChanges(at: UnixTime(seconds: 0)).map(\.coin.symbol) == ["BTC-USD", "ETHUSDT"])
    await cache.record(prices: [quote("BTC-USD", 100.05, 10), quote("ETHUSDT", 10.5, 10)], at: UnixTime(seconds: 10))
    #expect(await cache.takeChanges(at: UnixTime(seconds: 10)).map(\.coin.symbol) == ["ETHUSDT"])
    await cache.record(prices: [quote("BTC-USD", 100.2, 20)], at: UnixTime(seconds: 20))
    // 0.2 % since last published: re-published.
    #expect(await cache.takeChanges(at: UnixTime(seconds: 20)).map(\.coin.symbol) == ["BTC-USD"])
  }

  @Test func aCoinTurningStaleIsPublished() async {
    let cache = SharedCache(coins: [btc], settings: .init(staleAfter: 30))
    await cache.record(prices: [quote("BTC-USD", 100, 0)], at: UnixTime(seconds: 0))
    _ = await cache.takeChanges(at: UnixTime(seconds: 0))
    #expect(await cache.takeChanges(at: UnixTime(seconds: 20)).isEmpty)
    let changed = await cache.takeChanges(at: UnixTime(seconds: 40))
    #expect(changed.map(\.isStale) == [true])
  }

  @Test func closedCandlesAreEvaluatedAndVolumeGrowthCredited() async {
    let cache = SharedCache(coins: [btc])
    await cache.record(
      stats: [DailyMarketStats(symbol: "BTC-USD", volume: 1000, priceChangePercent: 2.5, time: UnixTime(seconds: 0))],
      at: UnixTime(seconds: 0))
    for minute in 0..<30 {
      for second in stride(from: 0.0, to: 60, by: 10) {
        let time = Double(minute) * 60 + second
        await cache.record(prices: [quote("BTC-USD", Decimal(100 + minute), time)], at: UnixTime(seconds: time))
      }
      await cache.record(
        stats: [
          DailyMarketStats(
            symbol: "BTC-USD", volume: Decimal(1000 + 10 * (minute + 1)),
            time: UnixTime(seconds: Double(minute) * 60 + 59))
        ],
        at: UnixTime(seconds: Double(minute) * 60 + 59))
    }
    let state = await cache.state(of: "BTC-USD")!
    #expect(state.change24hPercent == 2.5)
    #expect(state.indicators.count == 29)  // 29 closed minutes, the 30th in progress
    #expect(state.indicators.sma20 != nil)
    #expect(state.aggregate != nil)
    #expect(state.indicators.obv != nil)
    #expect(state.volumeChangePercent != nil)
  }

  @Test func successorSymbolsMapBackToTheConfiguredCoin() async {
    let matic = CoinCatalogue.defaults.coin(forSymbol: "MATIC-USD")!
    let cache = SharedCache(coins: [matic], activeSymbols: ["MATIC-USD": "POL-USD"])
    await cache.record(prices: [quote("POL-USD", 0.5, 0), quote("MATIC-USD", 9, 0)], at: UnixTime(seconds: 0))
    let state = await cache.state(of: "MATIC-USD")
    #expect(state?.price == 0.5)
    #expect(state?.activeSymbol == "POL-USD")
  }
}

extension SharedCacheTests {
  @Test func unchangedVolumesAreNotRepublished() async {
    let cache = SharedCache(coins: [btc])
    let stats = DailyMarketStats(symbol: "BTC-USD", volume: 1000, priceChangePercent: 1, time: UnixTime(seconds: 0))
    await cache.record(prices: [quote("BTC-USD", 100, 0)], at: UnixTime(seconds: 0))
    await cache.record(stats: [stats], at: UnixTime(seconds: 0))
    #expect(await cache.takeChanges(at: UnixTime(seconds: 1)).count == 1)
    await cache.record(stats: [stats], at: UnixTime(seconds: 180))  // same numbers
    #expect(await cache.takeChanges(at: UnixTime(seconds: 2)).isEmpty)
    var grown = stats
    grown.volume = 1010
    await cache.record(stats: [grown], at: UnixTime(seconds: 360))
    #expect(await cache.takeChanges(at: UnixTime(seconds: 3)).map(\.volume24h) == [1010])
  }
}
