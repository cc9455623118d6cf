import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// The replay market plays the shared candle files in order, scaled to the coins' levels.
@Suite struct ReplayMarketTests {
  let wallStart = MarketTestFixtures.start
  let eth = MarketTestFixtures.coin("ETH-USD")
  let btc = MarketTestFixtures.coin("BTC-USD")

  /// ETH-USD plays the 5-minute ETH-BTC file, BTC-USD the one-minute BTC-quoted file.
  func market(_ options: ReplayOptions) throws -> ReplayMarket {
    try ReplayMarket(
      coins: [eth, btc],
      files: [
        "ETH-USD": SharedCandleFiles.path("ETH-BTC_5m.csv"), "btc-usd": SharedCandleFiles.path("BTC-QUOTED_1m.csv"),
      ],
      wallStart: wallStart, options: options)
  }

  /// Index of the last raw candle opening at or before `offset` s after the first.
  func index(in candles: [Candle], atOffset offset: Double) -> Int {
    let time = candles[0].time.seconds + offset
    return candles.lastIndex { $0.time.seconds <= time } ?? 0
  }

  /// `price` of a file whose first close is `firstClose`, scaled to `reference`, at 2 decimals.
  func scaled(_ price: Double, firstClose: Double, reference: Double) -> Double {
    (price * (reference / firstClose) * 100).rounded() / 100
  }

  @Test func playsTheFilesInOrderAtTheChosenSpeed() async throws {
    let ethFile = try SharedCandleFiles.candles("ETH-BTC_5m.csv")
    let btcFile = try SharedCandleFiles.candles("BTC-QUOTED_1m.csv")
    let market = try market(ReplayOptions(speed: 60, warmUp: 86_400))
    // Every 5 wall seconds the replay moves 300 s: one 5-minute candle, five one-minute candles.
    var previousEth = -1
    for tick in 0..<300 {
      let now = wallStart.adding(Double(tick) * 5)
      let offset = 86_400 + Double(tick) * 300
      let quotes = try await market.prices(for: [eth, btc], now: now)
      #expect(quotes.map(\.symbol) == ["ETH-USD", "BTC-USD"])
      #expect(quotes.allSatisfy { $0.time == now })
      let ethIndex = index(in: ethFile, atOffset: offset)
      let btcIndex = index(in: btcFile, atOffset: offset)
      #expect(ethIndex >= previousEth)
      previousEth = ethIndex
      let expectedEth = scaled(ethFile[ethIndex].close, firstClose: ethFile[0].close, reference: 3_000)
      let expectedBtc = scaled(btcFile[btcIndex].close, firstClose: btcFile[0].close, reference: 90_000)
      #expect(MarketTestFixtures.double(quotes[0].price) == expectedEth, "ETH at tick \(tick)")
      #expect(MarketTestFixtures.double(quotes[1].price) == expectedBtc, "BTC at tick \(tick)")
    }
    #expect(market.replayTime(at: wallStart.adding(10)) == wallStart.adding(600))
  }

  @Test func theFirstCloseIsScaledToTheCoinsReferencePrice() async throws {
    let market = try market(ReplayOptions(warmUp: 0))
    let quotes = try await market.prices(for: [eth, btc], now: wallStart)
    #expect(quotes.map(\.price) == [3_000, 90_000])
    let ada = MarketTestFixtures.coin("ADAUSDT")
    let adaMarket = try ReplayMarket(
      coins: [ada], files: ["ADAUSDT": SharedCandleFiles.path("ADA-BTC_5m.csv")], wallStart: wallStart,
      options: ReplayOptions(warmUp: 0))
    #expect(try await adaMarket.prices(for: [ada], now: wallStart).map(\.price) == [Decimal(string: "0.7")])
  }

  @Test func historyHoldsTheCandlesBeforeThePositionAtTheFilesInterval() async throws {
    let ethFile = try SharedCandleFiles.candles("ETH-BTC_5m.csv")
    let market = try market(ReplayOptions(speed: 1, warmUp: 86_400))
    let now = wallStart.adding(1_000)
    let history = try await market.history(for: eth, limit: 10_000, now: now)
    let inProgress = index(in: ethFile, atOffset: 87_400)
    #expect(history.count == inProgress)
    #expect(try #require(history.last).time.adding(300) <= market.replayTime(at: now))
    for (candle, raw) in zip(history, ethFile) {
      #expect(candle.close == scaled(raw.close, firstClose: ethFile[0].close, reference: 3_000))
      #expect(candle.time.seconds == raw.time.seconds - ethFile[0].time.seconds - 86_400 + wallStart.seconds)
    }
    // The one-minute file has holes: its candles are one minute or a few minutes apart.
    let minutes = try await market.history(for: btc, limit: 100, now: now)
    #expect(minutes.count == 100)
    #expect(
      zip(minutes.dropFirst(), minutes).allSatisfy { $0.time.since($1.time).truncatingRemainder(dividingBy: 60) == 0 })
    #expect(zip(minutes.dropFirst(), minutes).contains { $0.time.since($1.time) == 60 })
    #expect(try await market.history(for: eth, limit: 0, now: now).isEmpty)
  }

  @Test func dailyStatsCoverTheLast24HoursOfReplayTime() async throws {
    let market = try market(ReplayOptions(speed: 1, warmUp: 2 * 86_400))
    let now = wallStart.adding(150)
    let replayNow = market.replayTime(at: now)
    let stats = try #require(try await market.dailyStats(for: [eth], now: now).first)
    // The candle in progress at `now` has closed by `now + 300`.
    let candles = try await market.history(for: eth, limit: 400, now: now.adding(300))
    let window = candles.filter { $0.time > replayNow.adding(-86_400) && $0.time <= replayNow }
    #expect(window.count >= 280 && window.count <= 289)
    let volume = window.reduce(0) { $0 + $1.volume }
    #expect(abs(MarketTestFixtures.double(stats.volume) / volume - 1) < 1e-9)
    #expect(stats.high.map(MarketTestFixtures.double) == window.map(\.high).max())
    #expect(stats.low.map(MarketTestFixtures.double) == window.map(\.low).min())
    let quote = try #require(try await market.prices(for: [eth], now: now).first)
    #expect(stats.lastPrice == quote.price)
    let before = try #require(candles.last { $0.time <= replayNow.adding(-86_400) })
    let change = (MarketTestFixtures.double(quote.price) / before.close - 1) * 100
    #expect(abs(try #require(stats.priceChangePercent) - change) < 1e-9)
    // Volumes are scaled to about the coin's reference daily volume (800 m USD on Coinbase).
    let quoteVolume = MarketTestFixtures.double(try #require(stats.quoteVolume))
    #expect(quoteVolume > 1e8 && quoteVolume < 1e10)
  }

  @Test func loopsFromTheStartAtTheEndOfAFile() async throws {
    let ethFile = try SharedCandleFiles.candles("ETH-BTC_5m.csv")
    let length = ethFile[ethFile.count - 1].time.since(ethFile[0].time) + 300
    let market = try ReplayMarket(
      coins: [eth], files: ["ETH-USD": SharedCandleFiles.path("ETH-BTC_5m.csv")], wallStart: wallStart,
      options: ReplayOptions(speed: 1, warmUp: length - 600, atEnd: .loop))
    let scale = { (price: Double) in self.scaled(price, firstClose: ethFile[0].close, reference: 3_000) }
    let beforeEnd = try #require(try await market.prices(for: [eth], now: wallStart).first)
    #expect(MarketTestFixtures.double(beforeEnd.price) == scale(ethFile[ethFile.count - 2].close))
    let afterEnd = try #require(try await market.prices(for: [eth], now: wallStart.adding(900)).first)
    #expect(MarketTestFixtures.double(afterEnd.price) == scale(ethFile[1].close))
    let history = try await market.history(for: eth, limit: 3, now: wallStart.adding(900))
    #expect(
      history.map(\.close)
        == [ethFile[ethFile.count - 2], ethFile[ethFile.count - 1], ethFile[0]].map { scale($0.close) })
    #expect(zip(history.dropFirst(), history).allSatisfy { $0.time.since($1.time) == 300 })
    #expect(!market.hasEnded(eth, now: wallStart.adding(900)))
  }

  @Test func stopsAtTheEndOfAFileWhenAskedTo() async throws {
    let btcFile = try SharedCandleFiles.candles("BTC-QUOTED_1m.csv")
    let length = btcFile[btcFile.count - 1].time.since(btcFile[0].time) + 60
    let market = try market(ReplayOptions(speed: 1, warmUp: length - 600, atEnd: .stop))
    let later = wallStart.adding(900)
    #expect(try await market.prices(for: [eth, btc], now: wallStart).count == 2)
    #expect(try await market.prices(for: [eth, btc], now: later).map(\.symbol) == ["ETH-USD"])
    #expect(market.hasEnded(btc, now: later) && !market.hasEnded(eth, now: later))
    let error = await #expect(throws: MarketSourceError.self) {
      try await market.prices(for: [btc], now: later)
    }
    #expect(error?.code == .replayEnded)
    #expect(error?.file == (try SharedCandleFiles.path("BTC-QUOTED_1m.csv")))
    await #expect(throws: MarketSourceError.self) { try await market.dailyStats(for: [btc], now: later) }
    let history = try await market.history(for: btc, limit: 2, now: later)
    let scale = 90_000 / btcFile[0].close
    #expect(history.map(\.close) == btcFile.suffix(2).map { ($0.close * scale * 100).rounded() / 100 })
  }

  @Test func interpolatedPricingMovesFromOpenToClose() async throws {
    let ethFile = try SharedCandleFiles.candles("ETH-BTC_5m.csv")
    let market = try market(ReplayOptions(speed: 1, warmUp: 86_400, pricing: .interpolated))
    let candle = ethFile[index(in: ethFile, atOffset: 86_400)]
    #expect(candle.time.since(ethFile[0].time) == 86_400)
    let scale = { (price: Double) in price * 3_000 / ethFile[0].close }
    for (elapsed, fraction) in [(0.0, 0.0), (150, 0.5), (240, 0.8)] {
      let quote = try #require(try await market.prices(for: [eth], now: wallStart.adding(elapsed)).first)
      let open = (scale(candle.open) * 100).rounded() / 100, close = (scale(candle.close) * 100).rounded() / 100
      let expected = ((open + (close - open) * fraction) * 100).rounded() / 100
      #expect(MarketTestFixtures.double(quote.price) == expected, "at \(elapsed) s")
    }
  }

  @Test func coinsWithoutAFileAreLeftOut() async throws {
    let market = try ReplayMarket(
      coins: [eth, btc], files: ["ETH-USD": SharedCandleFiles.path("ETH-BTC_5m.csv")], wallStart: wallStart)
    #expect(try await market.listings(for: [eth, btc]).map(\.symbol) == ["ETH-USD"])
    #expect(try await market.prices(for: [btc], now: wallStart).isEmpty)
    #expect(try await market.history(for: btc, limit: 10, now: wallStart).isEmpty)
    #expect(market.kind == .replay)
  }

  @Test func aDirectoryIsDealtToTheCoinsRoundRobinInNameOrder() async throws {
    let directory = try SharedCandleFiles.directory()
    let coins = Array(CoinCatalogue.defaults.coins.prefix(8))
    let files = try ReplayMarket.roundRobinFiles(in: directory, for: coins)
    let names = [
      "ADA-BTC_5m.csv", "BTC-QUOTED_1m.csv", "ETC-BTC_5m.csv", "ETH-BTC_5m.csv", "LTC-BTC_5m.csv", "XLM-BTC_5m.csv",
    ]
    for (position, coin) in coins.enumerated() {
      #expect(files[coin.symbol] == directory + "/" + names[position % names.count])
    }
    let market = try ReplayMarket(coins: coins, directory: directory, wallStart: wallStart)
    #expect(try await market.listings(for: coins).count == 8)
    let quotes = try await market.prices(for: coins, now: wallStart)
    #expect(quotes.count == 8 && quotes.allSatisfy { $0.price > 0 })
  }
}
