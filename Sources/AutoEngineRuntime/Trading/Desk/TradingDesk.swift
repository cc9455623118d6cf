public import AutoEngineCore
public import FoundationEssentials
public import Logging

/// The trading engine: autobuy entries, exits, manual orders, cancels, reconciliation and
/// statistics, over one broker per exchange and the trade journal.
///
/// Invariants that make it safe with money:
/// - every order is journalled as an intent (with its client order id) *before* its broker sees
///   it, so after a crash every order that may exist on an exchange is known;
/// - an order whose submission outcome is unknown (timeout, 5xx) is only ever looked up, never
///   sent again; non-final orders are reconciled at start-up and periodically by lookup;
/// - positions and realised P&L come only from journalled fills (`PositionBook`), each fill
///   applied once (the journal stores a fill once and reports it as new once);
/// - nothing trades on a stale price.
/// Actor reentrancy: an order being worked on is marked busy; periodic reconciliation skips it,
/// and reports are applied to the newest copy of the order, never moving a final order back.
public actor TradingDesk {
  /// Paper or live.
  public nonisolated let mode: TradingMode
  /// Trade events for `WatchTradeEvents`.
  public nonisolated let events: TradeEventHub
  /// The journal (SQLite).
  public nonisolated let journal: TradeJournal
  /// Per-coin trading snapshots for coin-state readers, refreshed after every change.
  public nonisolated let board = CoinTradingBoard()
  let catalogue: CoinCatalogue
  let configuration: EngineConfiguration
  /// The entry and exit rules (shared with the backtest).
  let rules: TradingRules
  var entryPolicy: AutobuyPolicy { rules.entry }
  var exitPolicy: ExitPolicy { rules.exit }
  let brokers: [Exchange: any Broker]
  let brokerRefusals: [Exchange: String]
  let paperPrices: PaperPrices?
  let clock: any WallClock
  let logger: Logger
  var ids: ClientOrderIDs

  /// Positions and realised P&L from the journal's fills.
  var book = PositionBook()
  /// Orders not final yet, by client order id.
  var openOrders: [String: Order] = [:]
  /// Orders a task is working on (reconciliation leaves them alone).
  var busy: Set<String> = []
  /// Time of the newest fill per symbol (the cooldown's "last trade").
  var lastTrade: [String: UnixTime] = [:]
  /// Latest price, staleness and signal per traded symbol.
  var market: [String: MarketView] = [:]
  /// The coin traded under each symbol (configured and active symbols).
  var coinsBySymbol: [String: Coin] = [:]
  /// Last refusal code recorded per symbol (a repeated refusal is recorded once).
  var lastRefusal: [String: String] = [:]
  /// Cached balances per asset and when they were read.
  var balances: [String: AssetBalance] = [:]
  var balancesReadAt: UnixTime?
  var lastMaintenance: UnixTime?
  /// Whether autobuy runs, and the kill switch.
  var autobuy: AutobuyState

  /// What the desk knows of one traded symbol's market.
  struct MarketView {
    var price: Decimal?
    /// When the price was fetched; the desk re-checks its age at every use, so a price that
    /// stopped arriving (system stopped, exchange down) goes stale even without a new state.
    var priceTime: UnixTime?
    /// Whether the cache reported the coin stale.
    var reportedStale: Bool
    var signal: SignalSnapshot
    var topStrategies: [String]
  }

  /// Seconds between reconciliation passes over open orders.
  static let maintenanceInterval: Double = 5
  /// Seconds after which an order the exchange does not know is taken as never arrived.
  static let notFoundGrace: Double = 10
  /// Refused decisions kept in the journal; older ones are pruned at start-up (refusals are
  /// already recorded only once per coin and reason, so this bounds a long-running journal).
  static let refusalsKept = 100_000
  /// Seconds between balance refreshes when nothing traded.
  static let balanceRefreshInterval: Double = 60

  /// Creates a desk.
  ///
  /// - Parameters:
  ///   - brokers: the broker of each exchange that may trade (paper: the paper broker for both).
  ///   - brokerRefusals: why an exchange has no broker (e.g. live keys missing), by exchange.
  ///   - paperPrices: the paper broker's price table, which the desk keeps current; nil in live mode.
  public init(
    mode: TradingMode, catalogue: CoinCatalogue, configuration: EngineConfiguration,
    brokers: [Exchange: any Broker], brokerRefusals: [Exchange: String] = [:], paperPrices: PaperPrices?,
    journal: TradeJournal, events: TradeEventHub = TradeEventHub(), clock: any WallClock,
    logger: Logger = Logger(label: "autoengine.trading")
  ) {
    self.mode = mode
    self.catalogue = catalogue
    self.configuration = configuration
    self.rules = TradingRules(configuration: configuration)
    self.brokers = brokers
    self.brokerRefusals = brokerRefusals
    self.paperPrices = paperPrices
    self.journal = journal
    self.events = events
    self.clock = clock
    self.logger = logger
    self.ids = ClientOrderIDs()
    self.autobuy = AutobuyState(running: false, killSwitchActive: false, reason: "not started", startedAt: nil)
    for coin in catalogue.coins { coinsBySymbol[coin.symbol.uppercased()] = coin }
  }

  /// Names of the brokers in use, e.g. `paper` or `binanceus, coinbase`.
  public var brokerNames: String {
    Set(brokers.values.map(\.name)).sorted().joined(separator: ", ")
  }

  /// Loads positions and open orders from the journal, then reconciles every order that was not
  /// final with its exchange. Call once before trading.
  ///
  /// - Returns: what reconciliation did, for the start-up log.
  @discardableResult
  public func start() async throws(EngineError) -> ReconciliationSummary {
    let fills = try journalCall { try journal.allFills() }
    for fill in fills {
      guard let coin = coin(for: fill.symbol) else { continue }
      book.apply(fill, coin: coin)
      lastTrade[fill.symbol] = max(lastTrade[fill.symbol] ?? fill.time, fill.time)
    }
    for (symbol, price) in try journalCall({ try journal.highestPrices() }) {
      book.observe(price: price, of: symbol)
    }
    for order in try journalCall({ try journal.nonFinalOrders() }) { openOrders[order.clientOrderId] = order }
    if let started = try journalCall({ try journal.state("autobuy.started_at") }), let seconds = Double(started) {
      autobuy.startedAt = UnixTime(seconds: seconds)
    }
    if let pruned = try? journal.pruneRefusals(keep: Self.refusalsKept), pruned > 0 {
      logger.info("journal: pruned \(pruned) old refused decisions (keeping the newest \(Self.refusalsKept))")
    }
    let summary = await reconcile(force: true)
    await refreshBalances(force: true)
    publishBoard()
    logger.info(
      "trading desk ready",
      metadata: [
        "mode": "\(mode.rawValue)", "brokers": "\(brokerNames)", "open_positions": "\(book.open.count)",
        "fills": "\(fills.count)", "reconciled": "\(summary)",
      ])
    return summary
  }

  // MARK: Autobuy control

  /// Starts autobuy; `changed` is false when it was already running.
  public func startAutobuy(reason: String = "started by operator") -> (state: AutobuyState, changed: Bool) {
    guard !autobuy.running else { return (autobuy, false) }
    let now = clock.now()
    autobuy.running = true
    autobuy.startedAt = now
    autobuy.reason = reason
    lastRefusal.removeAll()
    try? journal.setState("autobuy.started_at", String(now.seconds))
    events.publish(.autobuy(autobuy))
    logger.notice("autobuy started (\(mode.rawValue) mode): \(reason)")
    return (autobuy, true)
  }

  /// Stops autobuy (no new automatic orders; open orders and positions are kept); `changed` is
  /// false when it was not running.
  public func stopAutobuy(reason: String = "stopped by operator") -> (state: AutobuyState, changed: Bool) {
    guard autobuy.running else { return (autobuy, false) }
    autobuy.running = false
    autobuy.reason = reason
    events.publish(.autobuy(autobuy))
    logger.notice("autobuy stopped: \(reason)")
    return (autobuy, true)
  }

  /// Whether autobuy runs and the kill switch.
  public var autobuyState: AutobuyState { autobuy }

  // MARK: Helpers

  /// Recomputes the board: every coin with a position, an open order, a fill or a running
  /// cooldown.
  func publishBoard() {
    let now = clock.now()
    let today = now.startOfUTCDay
    var symbols = Set(book.open.keys).union(lastTrade.keys)
    symbols.formUnion(openOrders.values.map(\.symbol))
    var all: [String: CoinTradingSnapshot] = [:]
    for symbol in symbols {
      let position = book.open[symbol]
      let last = lastTrade[symbol]
      let until = last.map { $0.adding(entryPolicy.cooldownPeriod) }
      all[symbol] = CoinTradingSnapshot(
        positionQuantity: position?.baseQuantity ?? 0, costBasis: position?.costBasis ?? 0,
        realizedPnlToday: book.realizedPnl(since: today, symbol: symbol),
        cooldownUntil: until.flatMap { $0 > now ? $0 : nil },
        openOrders: openOrders.values.filter { $0.symbol == symbol }.count, lastTradeAt: last)
    }
    board.replace(all)
  }

  /// The market view of `symbol` with its staleness judged now: stale when the cache said so or
  /// when the price is older than the stale limit (`fetch.stale_threshold_multiplier` × the price
  /// interval).
  func view(of symbol: String) -> (view: MarketView, isStale: Bool)? {
    guard let view = market[symbol.uppercased()] else { return nil }
    let old = configuration.fetch.isStale(lastPriceTime: view.priceTime, now: clock.now())
    return (view, view.reportedStale || view.price == nil || old)
  }

  /// The coin traded under `symbol` (configured or active symbol, any case).
  func coin(for symbol: String) -> Coin? { coinsBySymbol[symbol.uppercased()] }

  /// Runs a journal call, turning its error into the engine's (a page token the journal did not
  /// hand out is the caller's mistake: INVALID_ARGUMENT).
  func journalCall<T>(_ body: () throws -> T) throws(EngineError) -> T {
    do { return try body() } catch {
      if let error = error as? JournalError, case .invalidPageToken = error {
        throw EngineError(.invalidArgument, "\(error)")
      }
      logger.error("journal: \(error)")
      throw EngineError(.unavailable, "the trade journal failed: \(error)")
    }
  }
}
