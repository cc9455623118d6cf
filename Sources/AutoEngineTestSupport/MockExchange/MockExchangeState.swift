public import AutoEngineCore
public import FoundationEssentials
import Synchronization

/// Everything the mock exchange serves and records: markets, SWPC feeds, queued faults, call
/// counts and the Binance.US weight count. Thread-safe; tests change it while the server runs.
public final class MockExchangeState: Sendable {
  private struct Storage {
    var markets: [Exchange: [String: MockMarket]] = [:]
    var solar = MockSolarFeeds()
    var faults: [MockEndpoint: [ScheduledFault]] = [:]
    var counts: [MockEndpoint: Int] = [:]
    var log: [MockCallRecord] = []
    var weightWindow = 0
    var weightUsed = 0
    var externalWeight = 0
    var weightLimit = 1200
  }

  private let storage = Mutex(Storage())
  /// Binance.US orders, trades and balances.
  public let binanceUSOrders = MockOrderBook(exchange: .binanceUS)
  /// Coinbase orders, fills and accounts.
  public let coinbaseOrders = MockOrderBook(exchange: .coinbase)
  /// The API credentials the order routes accept.
  public let credentials = MockCredentials()
  /// The mock's clock: stamps the call log and decides the Binance.US weight minute.
  public let now: @Sendable () -> UnixTime

  /// Creates a state serving `markets` and `solar`, reading time from `now` (the system clock
  /// by default; pass a manual clock's reading to line the mock up with an injected client clock).
  public init(
    markets: [MockMarket] = [], solar: MockSolarFeeds = MockSolarFeeds(),
    now: @escaping @Sendable () -> UnixTime = { UnixTime(seconds: Date().timeIntervalSince1970) }
  ) {
    self.now = now
    storage.withLock { storage in
      storage.solar = solar
      for market in markets { storage.markets[market.exchange, default: [:]][market.symbol] = market }
    }
  }

  // MARK: - Markets

  /// Adds or replaces markets.
  public func add(_ markets: [MockMarket]) {
    storage.withLock { storage in
      for market in markets { storage.markets[market.exchange, default: [:]][market.symbol] = market }
    }
  }

  /// Removes `symbol` (the exchange inferred from its spelling): it becomes unknown, as a delisted coin.
  public func remove(symbol: String, on exchange: Exchange? = nil) {
    _ = storage.withLock { $0.markets[exchange ?? Exchange.inferred(fromSymbol: symbol)]?.removeValue(forKey: symbol) }
  }

  /// The market of `symbol`, or nil when it is not served.
  public func market(_ symbol: String, on exchange: Exchange? = nil) -> MockMarket? {
    storage.withLock { $0.markets[exchange ?? Exchange.inferred(fromSymbol: symbol)]?[symbol] }
  }

  /// The markets of `exchange`, sorted by symbol.
  public func markets(on exchange: Exchange) -> [MockMarket] {
    storage.withLock { ($0.markets[exchange] ?? [:]).values.sorted { $0.symbol < $1.symbol } }
  }

  /// Changes the market of `symbol` in place; does nothing when it is not served.
  public func update(_ symbol: String, on exchange: Exchange? = nil, _ change: (inout MockMarket) -> Void) {
    storage.withLock { storage in
      let exchange = exchange ?? Exchange.inferred(fromSymbol: symbol)
      guard var market = storage.markets[exchange]?[symbol] else { return }
      change(&market)
      storage.markets[exchange]?[symbol] = market
    }
  }

  /// Sets the last price of `symbol`.
  public func setPrice(_ symbol: String, to price: Decimal) {
    update(symbol) { $0.price = price }
  }

  /// Moves every price of `exchange` by `percent` (a price gap when large).
  public func movePrices(on exchange: Exchange, byPercent percent: Decimal) {
    storage.withLock { storage in
      for (symbol, var market) in storage.markets[exchange] ?? [:] {
        market.price = market.price * (1 + percent / 100)
        storage.markets[exchange]?[symbol] = market
      }
    }
  }

  // MARK: - Solar feeds

  /// The SWPC feeds served.
  public var solarFeeds: MockSolarFeeds {
    get { storage.withLock { $0.solar } }
    set { storage.withLock { $0.solar = newValue } }
  }

  // MARK: - Faults

  /// Queues `fault` for the next `times` requests to `endpoint` (nil: every request until
  /// `clearFaults`). Faults of one endpoint are served in the order injected.
  public func inject(_ fault: MockFault, on endpoint: MockEndpoint, times: Int? = 1) {
    if let times, times <= 0 { return }
    storage.withLock { $0.faults[endpoint, default: []].append(ScheduledFault(fault: fault, remaining: times)) }
  }

  /// Removes the queued faults of `endpoint`, or of every endpoint when nil.
  public func clearFaults(on endpoint: MockEndpoint? = nil) {
    storage.withLock { storage in
      if let endpoint { storage.faults[endpoint] = nil } else { storage.faults = [:] }
    }
  }

  // MARK: - Calls

  /// Requests received by `endpoint` (faulted ones included).
  public func callCount(_ endpoint: MockEndpoint) -> Int { storage.withLock { $0.counts[endpoint] ?? 0 } }

  /// Requests received by every endpoint, unrouted ones included.
  public var totalCallCount: Int { storage.withLock { $0.log.count } }

  /// Every request received, oldest first.
  public var callLog: [MockCallRecord] { storage.withLock { $0.log } }

  /// Forgets the call counts and the log.
  public func resetCalls() {
    storage.withLock { storage in
      storage.counts = [:]
      storage.log = []
    }
  }

  // MARK: - Binance.US weight

  /// The `REQUEST_WEIGHT` limit per minute listed in `exchangeInfo.rateLimits`.
  public var binanceWeightLimit: Int {
    get { storage.withLock { $0.weightLimit } }
    set { storage.withLock { $0.weightLimit = newValue } }
  }

  /// Weight other clients on the same IP used this minute, added to `X-MBX-USED-WEIGHT-1M`.
  /// It applies to the current minute of the mock's clock and resets with the next one.
  public var binanceExternalWeight: Int {
    get { storage.withLock { $0.externalWeight } }
    set {
      let time = now().seconds
      storage.withLock { storage in
        Self.rollWeightWindow(&storage, at: time)
        storage.externalWeight = newValue
      }
    }
  }

  /// Weight used in the current minute of the mock's clock, as `X-MBX-USED-WEIGHT-1M` reports it.
  public var binanceUsedWeight: Int {
    storage.withLock { storage in
      Self.rollWeightWindow(&storage, at: now().seconds)
      return storage.weightUsed + storage.externalWeight
    }
  }

  // MARK: - Internal

  /// Counts and logs a request and takes the next fault queued for its endpoint.
  func beginCall(_ endpoint: MockEndpoint?, request: MockRequest) -> MockFault? {
    let time = now()
    return storage.withLock { storage in
      storage.log.append(
        MockCallRecord(
          endpoint: endpoint, method: request.method, path: request.path, query: request.query,
          headers: request.headers, time: time)
      )
      guard let endpoint else { return nil }
      storage.counts[endpoint, default: 0] += 1
      guard var queue = storage.faults[endpoint], !queue.isEmpty else { return nil }
      let fault = queue[0].fault
      if let remaining = queue[0].remaining {
        if remaining <= 1 { queue.removeFirst() } else { queue[0].remaining = remaining - 1 }
      }
      storage.faults[endpoint] = queue.isEmpty ? nil : queue
      return fault
    }
  }

  /// Adds `weight` to the current minute and returns the minute's total with external use.
  func spendBinanceWeight(_ weight: Int) -> Int {
    let time = now().seconds
    return storage.withLock { storage in
      Self.rollWeightWindow(&storage, at: time)
      storage.weightUsed += weight
      return storage.weightUsed + storage.externalWeight
    }
  }

  private static func rollWeightWindow(_ storage: inout Storage, at time: Double) {
    let window = Int((time / 60).rounded(.down))
    if window != storage.weightWindow {
      storage.weightWindow = window
      storage.weightUsed = 0
      storage.externalWeight = 0
    }
  }
}
