import AutoEngineCore
import AutoEngineTestSupport
import FoundationEssentials
import Logging
import Testing

@testable import AutoEngineRuntime

/// The desk in live mode: real signed order clients against the mock exchange over loopback.
@Suite struct LiveDeskTests {
  func liveDesk(_ harness: LiveBrokerHarness, journal: TradeJournal, clock: ManualClock) -> TradingDesk {
    TradingDesk(
      mode: .live, catalogue: .defaults, configuration: .defaults, brokers: harness.brokers,
      brokerRefusals: harness.refusals, paperPrices: nil, journal: journal, clock: clock,
      logger: LiveBrokerHarness.quietLogger)
  }

  func btcState(_ symbol: String, price: Decimal, clock: ManualClock) throws -> CoinState {
    var state = CoinState(coin: try #require(CoinCatalogue.defaults.coin(forSymbol: symbol)))
    state.price = price
    state.isStale = false
    state.priceUpdatedAt = clock.now()
    return state
  }

  @Test(arguments: ["BTCUSDT", "BTC-USD"])
  func aManualOrderIsSignedSentFilledAndJournalledOnce(symbol: String) async throws {
    try await LiveBrokerHarness.run { harness async throws in
      let clock = ManualClock(UnixTime(seconds: 1_750_000_000))
      let journal = try TradeJournal.inMemory()
      let desk = liveDesk(harness, journal: journal, clock: clock)
      try await desk.start()
      await desk.observe([try btcState(symbol, price: 65_000, clock: clock)])
      let order = try await desk.place(ManualOrder(symbol: symbol, side: .buy, quoteAmount: 100))
      #expect(order.status == .filled)
      #expect(order.mode == .live)
      #expect(order.exchangeOrderId != nil)
      let exchange: Exchange = symbol.contains("-") ? .coinbase : .binanceUS
      #expect(harness.state.orderBook(exchange).orderCount == 1)
      let positions = try await desk.positions()
      #expect(positions.first?.position.baseQuantity == order.filledBase - (order.quoteAsset == "BTC" ? order.fees : 0))
      #expect(try journal.allFills().count == order.fills.count)
    }
  }

  @Test func aServerErrorAfterTheExchangeAcceptedIsLookedUpAndNeverResent() async throws {
    try await LiveBrokerHarness.run { harness async throws in
      let clock = ManualClock(UnixTime(seconds: 1_750_000_000))
      let journal = try TradeJournal.inMemory()
      let desk = liveDesk(harness, journal: journal, clock: clock)
      try await desk.start()
      await desk.observe([try btcState("BTCUSDT", price: 65_000, clock: clock)])
      harness.state.inject(.acceptThenFail(status: 500), on: LiveBrokerHarness.newOrderEndpoint(.binanceUS))
      let order = try await desk.place(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 100))
      #expect(order.status == .filled)
      #expect(harness.state.callCount(LiveBrokerHarness.newOrderEndpoint(.binanceUS)) == 1)
      #expect(harness.state.orderBook(.binanceUS).orderCount == 1)
    }
  }

  @Test func liveModeWithoutKeysRefusesToTradeAndSaysWhy() async throws {
    var settings = AutoEngineSettings()
    settings.engine.trading.mode = .live
    settings.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: settings.dataDirectory) }
    let clock = ManualClock(UnixTime(seconds: 1_750_000_000))
    let desk = try TradingSetup.makeDesk(
      settings: settings, catalogue: .defaults, clock: clock, environment: [:], logger: LiveBrokerHarness.quietLogger)
    try await desk.start()
    await desk.observe([try btcState("BTCUSDT", price: 65_000, clock: clock)])
    do {
      _ = try await desk.place(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 100))
      Issue.record("a live order without keys was accepted")
    } catch {
      #expect(error.code == .fixConfiguration)
      #expect(error.message.contains("AUTOENGINE_BINANCEUS_API_KEY"))
    }
  }
}
