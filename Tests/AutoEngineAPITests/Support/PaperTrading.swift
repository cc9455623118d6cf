import AutoEngineCore
import AutoEngineRuntime
import Foundation
import Logging

/// An engine with a paper-trading desk, assembled as `TradingSetup` does in paper mode but on an
/// in-memory journal, for the trading API tests.
struct PaperTrading: Sendable {
  /// The engine the server serves.
  let engine: Engine
  /// Its desk.
  let desk: TradingDesk
  /// The clock of both.
  let clock: SystemWallClock

  /// A started desk on the seed's 40 coins with the default rules (10,000 starting balance per
  /// quote asset), and an engine serving it.
  static func make(configuration: EngineConfiguration = .defaults) async throws -> PaperTrading {
    // The desk refuses prices older than the stale limit (30 s by default) by the wall clock;
    // these tests feed prices once, and a loaded machine may take longer than that to reach
    // the call under test. Staleness has its own tests in the runtime.
    var configuration = configuration
    configuration.fetch.staleThresholdMultiplier = max(configuration.fetch.staleThresholdMultiplier, 360)
    let clock = SystemWallClock()
    let catalogue = CoinCatalogue.defaults
    let journal = try TradeJournal.inMemory()
    let prices = PaperPrices()
    let broker = PaperBroker(
      venue: journal.paperVenue, prices: prices, model: PaperFillModel(configuration.trading),
      startingBalance: configuration.trading.paperStartingBalance, quoteAssets: Set(catalogue.coins.map(\.quote)),
      clock: clock)
    var logger = Logger(label: "test-desk")
    logger.logLevel = .critical
    let desk = TradingDesk(
      mode: .paper, catalogue: catalogue, configuration: configuration,
      brokers: [.coinbase: broker, .binanceUS: broker], paperPrices: prices, journal: journal, clock: clock,
      logger: logger)
    try await desk.start()
    let engine = Engine(clock: clock, catalogue: catalogue, configuration: configuration, trading: desk)
    return PaperTrading(engine: engine, desk: desk, clock: clock)
  }

  /// Feeds the desk a fresh price for each symbol (HOLD signal, so autobuy leaves them alone).
  func observe(_ prices: [String: Decimal]) async {
    var states: [CoinState] = []
    for (symbol, price) in prices {
      guard let coin = engine.catalogue.coin(forSymbol: symbol) else { continue }
      var state = CoinState(coin: coin)
      state.price = price
      state.priceUpdatedAt = clock.now()
      state.isStale = false
      state.staleReason = ""
      states.append(state)
    }
    await desk.observe(states)
  }
}
