import AutoEngineCore
import FoundationEssentials
import Synchronization

@testable import AutoEngineRuntime

/// A desk over an in-memory journal and the paper broker (or a scripted broker), with a manual
/// clock, for the trading tests.
struct DeskFixture {
  static let start = UnixTime(seconds: 1_750_003_600)  // 2025-06-15 16:06:40 UTC
  let clock = ManualClock(start)
  let journal: TradeJournal
  let desk: TradingDesk
  let prices = PaperPrices()
  let catalogue = CoinCatalogue.defaults
  let events: TradeEventHub

  /// A paper desk with `configuration` (defaults: the documented ones, zero fee and slippage so
  /// amounts are round).
  init(
    configuration: EngineConfiguration = DeskFixture.paperConfiguration(), journal: TradeJournal? = nil,
    broker: (any Broker)? = nil
  ) throws {
    self.journal = try journal ?? TradeJournal.inMemory()
    events = TradeEventHub()
    let paper = PaperBroker(
      venue: self.journal.paperVenue, prices: prices, model: PaperFillModel(configuration.trading),
      startingBalance: configuration.trading.paperStartingBalance, quoteAssets: ["USD", "USDT"], clock: clock)
    let used: any Broker = broker ?? paper
    desk = TradingDesk(
      mode: .paper, catalogue: CoinCatalogue.defaults, configuration: configuration,
      brokers: [.coinbase: used, .binanceUS: used], paperPrices: prices, journal: self.journal, events: events,
      clock: clock)
  }

  static func paperConfiguration() -> EngineConfiguration {
    var configuration = EngineConfiguration.defaults
    configuration.trading.paperFeePercent = 0
    configuration.trading.paperSlippagePercent = 0
    return configuration
  }

  var btc: Coin { catalogue.coin(forSymbol: "BTCUSDT")! }
  var eth: Coin { catalogue.coin(forSymbol: "ETH-USD")! }

  /// A fresh coin state of `coin` at `price` with an aggregate `action` of `strength`/`confidence`.
  func state(
    _ coin: Coin, price: Decimal, action: TradeAction = .hold, strength: Double = 0, confidence: Double = 0,
    stale: Bool = false
  ) -> CoinState {
    var state = CoinState(coin: coin)
    state.price = price
    state.isStale = stale
    state.staleReason = stale ? "test" : ""
    state.priceUpdatedAt = clock.now()
    state.aggregate = AggregatedSignal(
      action: action, strength: strength, confidence: confidence, score: 0, agreement: 0, activity: 0, coverage: 1,
      buyCount: action == .buy ? 1 : 0, sellCount: action == .sell ? 1 : 0, holdCount: 0, missingCount: 0,
      topContributors: TopContributors())
    return state
  }
}

/// A broker whose answers the test scripts, counting every call.
final class ScriptedBroker: Broker, Sendable {
  struct Calls: Equatable {
    var submits = 0, lookups = 0, cancels = 0
  }

  private struct State {
    var calls = Calls()
    var submitError: BrokerError?
    var lookupError: BrokerError?
    /// What the "exchange" holds, by client order id.
    var orders: [String: BrokerReport] = [:]
    var fillPrice: Decimal = 100
  }

  private let state = Mutex(State())
  let name = "scripted"

  /// The next submit stores the order on the "exchange" (filled at the fill price) but throws
  /// `error` — an accepted order whose answer was lost.
  func failNextSubmitAfterAccepting(_ error: BrokerError) { state.withLock { $0.submitError = error } }
  /// Lookups throw `error` until cleared with nil.
  func failLookups(_ error: BrokerError?) { state.withLock { $0.lookupError = error } }
  var calls: Calls { state.withLock { $0.calls } }

  func submit(_ order: Order) async throws(BrokerError) -> BrokerReport {
    let (report, error) = state.withLock { state -> (BrokerReport, BrokerError?) in
      state.calls.submits += 1
      let price = state.fillPrice
      let base = order.amount.baseAmount ?? (order.amount.quoteAmount ?? 0) / price
      let fill = Fill(
        tradeId: "t-\(order.clientOrderId)", clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side,
        price: price, baseQuantity: base, quoteQuantity: base * price, fee: 0, feeAsset: order.quoteAsset,
        time: order.createdAt)
      let report = BrokerReport(exchangeOrderId: "x-\(order.clientOrderId)", status: .filled, fills: [fill])
      state.orders[order.clientOrderId] = report
      defer { state.submitError = nil }
      return (report, state.submitError)
    }
    if let error { throw error }
    return report
  }

  func lookup(_ order: Order) async throws(BrokerError) -> BrokerReport? {
    let (report, error) = state.withLock { state in
      state.calls.lookups += 1
      return (state.orders[order.clientOrderId], state.lookupError)
    }
    if let error { throw error }
    return report
  }

  func cancel(_ order: Order) async throws(BrokerError) -> BrokerReport {
    state.withLock { $0.calls.cancels += 1 }
    throw .rejected(code: "ORDER_FINAL", message: "already filled")
  }

  func balances() async throws(BrokerError) -> [AssetBalance] {
    [AssetBalance(asset: "USD", free: 10_000), AssetBalance(asset: "USDT", free: 10_000)]
  }
}
