public import AutoEngineCore

/// The one facade that every transport calls: gRPC services and REST routes are one-liners into it.
///
/// It owns the engine's state and answers in domain types (never protobuf or HTTP types); the
/// API layer maps them. Time comes from an injected `WallClock`.
public actor Engine {
  /// Server version reported in health and status.
  public nonisolated let version: String
  /// When the engine was created.
  public nonisolated let startedAt: UnixTime
  /// The configured coins.
  public nonisolated let catalogue: CoinCatalogue
  /// The per-coin cache the fetchers fill.
  public nonisolated let cache: SharedCache
  /// Coin-state fan-out to subscribers.
  public nonisolated let coinStates: CoinStateHub
  /// Status of the running components.
  public nonisolated let monitor: ComponentMonitor
  /// Whether fetchers and strategies run.
  public nonisolated let runSwitch: RunSwitch
  /// Which symbol each coin uses on its exchange, from the start-up check.
  public nonisolated let symbols: SymbolDirectory
  /// Fetch-to-publish durations of the price ticks (filled by the fetch scheduler).
  public nonisolated let fetchToPublish = LatencyRecorder()
  /// The exchange connections' status (the live market), if any.
  public nonisolated let exchangeStatus: (any ExchangeStatusSource)?
  /// Where market data come from.
  public nonisolated let marketSource: MarketSourceKind
  /// The engine's configuration values.
  public nonisolated let configuration: EngineConfiguration
  /// The source of "now".
  public nonisolated let clock: any WallClock
  /// The trading desk (autobuy, orders, positions); nil when the engine serves market data only.
  public nonisolated let trading: TradingDesk?
  /// The per-coin trading snapshots coin states carry: the desk's board, or on an API replica the
  /// engine's board as received through Redis; nil when neither exists (no trading block).
  public nonisolated let tradingBoard: CoinTradingBoard?
  private var components: [String: ComponentHealth] = [:]
  let healthWatchers = HealthWatchers()

  /// Creates an engine.
  ///
  /// - Parameters:
  ///   - clock: the source of "now" (the system clock in production).
  ///   - version: the version string to report.
  ///   - catalogue: the configured coins (the seed's 40 by default).
  ///   - configuration: thresholds, intervals, weights and limits.
  ///   - marketSource: the kind of market the fetchers read.
  ///   - cache: the shared cache (a fresh one over `catalogue` by default).
  ///   - tradingBoard: without a desk, the board coin states read their trading block from (an
  ///     API replica's copy of the engine's); ignored with a desk, which has its own.
  public init(
    clock: any WallClock = SystemWallClock(), version: String = AutoEngineVersion.current,
    catalogue: CoinCatalogue = .defaults, configuration: EngineConfiguration = .defaults,
    marketSource: MarketSourceKind = .simulated, cache: SharedCache? = nil,
    coinStates: CoinStateHub = CoinStateHub(), monitor: ComponentMonitor = ComponentMonitor(),
    runSwitch: RunSwitch = RunSwitch(), symbols: SymbolDirectory = SymbolDirectory(),
    exchangeStatus: (any ExchangeStatusSource)? = nil, trading: TradingDesk? = nil,
    tradingBoard: CoinTradingBoard? = nil
  ) {
    self.clock = clock
    self.version = version
    self.startedAt = clock.now()
    self.catalogue = catalogue
    self.marketSource = marketSource
    self.configuration = configuration
    self.cache = cache ?? SharedCache(coins: catalogue.coins, settings: SharedCache.Settings(configuration))
    self.coinStates = coinStates
    self.monitor = monitor
    self.runSwitch = runSwitch
    self.symbols = symbols
    self.exchangeStatus = exchangeStatus
    self.trading = trading
    self.tradingBoard = trading?.board ?? tradingBoard
    components["engine"] = ComponentHealth(name: "engine", state: .serving, detail: "running")
  }

  // MARK: Health

  /// The server's health now.
  public func health() -> HealthReport {
    let now = clock.now()
    var list = Array(components.values)
    for status in monitor.all where status.state == .degraded || status.state == .failed {
      list.append(
        ComponentHealth(
          name: status.name, state: status.state == .failed ? .notServing : .degraded, detail: status.lastError))
    }
    if !runSwitch.isRunning {
      list.append(
        ComponentHealth(name: "system", state: .notServing, detail: "stopped: fetchers and strategies paused"))
    }
    list.sort { $0.name < $1.name }
    return HealthReport(
      status: HealthReport.overall(systemRunning: runSwitch.isRunning, components: list),
      components: list, version: version, time: now, uptimeSeconds: max(0, now.since(startedAt)))
  }

  /// Records a component's health (listeners report themselves here) and notifies health watchers.
  public func updateComponent(_ component: ComponentHealth) {
    components[component.name] = component
    healthWatchers.publish(health())
  }

  /// Removes a component (e.g. a listener that shut down) and notifies health watchers.
  public func removeComponent(named name: String) {
    components[name] = nil
    healthWatchers.publish(health())
  }

  /// Subscribes to health changes: the stream yields the current report first, then each new one.
  ///
  /// A slow reader sees only the newest report (older undelivered ones are dropped). The stream
  /// ends when `unwatchHealth(_:)` is called with the returned id — callers must do so when their
  /// client goes away.
  public func watchHealth() -> (id: UInt64, reports: AsyncStream<HealthReport>) {
    healthWatchers.subscribe(initial: health())
  }

  /// Ends a health subscription made with `watchHealth()`. Safe to call from any context, twice.
  public nonisolated func unwatchHealth(_ id: UInt64) {
    healthWatchers.unsubscribe(id)
  }

  /// Ends every open subscription stream, so that stream handlers return and a graceful
  /// shutdown does not wait for clients that never hang up.
  public nonisolated func endStreams() {
    healthWatchers.finishAll()
    coinStates.finishAll()
    trading?.events.finishAll()
  }

  /// Number of open health subscriptions.
  public nonisolated var healthWatcherCount: Int { healthWatchers.count }
}
