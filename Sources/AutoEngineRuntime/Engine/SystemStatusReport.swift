public import AutoEngineCore

/// The whole system's status at one moment: what `SystemService.GetStatus` and
/// `GET /api/system/status` report.
public struct SystemStatusReport: Sendable {
  /// Whether fetchers and strategies run.
  public var running: Bool
  /// Server version.
  public var version: String
  /// When the engine started, and seconds since.
  public var startedAt: UnixTime, uptimeSeconds: Double
  /// Where market data come from.
  public var marketSource: MarketSourceKind
  /// "paper" or "live".
  public var tradingMode: String
  /// Every component.
  public var components: [ComponentStatus]
  /// Cache counters.
  public var cacheHits: UInt64, cacheMisses: UInt64, cacheHitRate: Double
  /// Coins configured, enabled, with a price, and stale.
  public var coinsTotal: Int, coinsEnabled: Int, coinsCached: Int, coinsStale: Int
  /// Open subscriptions, states published and updates conflated since start.
  public var subscribers: Int, messagesPublished: UInt64, messagesConflated: UInt64
  /// Configured symbols unavailable on their exchange.
  public var unavailableSymbols: [String]
  /// Each exchange connection (empty for the simulated and replay markets).
  public var exchanges: [ExchangeStatusReport]
}

extension Engine {
  /// The system's status now.
  public func status() async -> SystemStatusReport {
    let now = clock.now()
    let states = await cache.statesUncounted()
    let counters = coinStates.counters
    var components = monitor.all
    for health in health().components where !components.contains(where: { $0.name == health.name }) {
      var status = ComponentStatus(name: health.name, state: health.state == .notServing ? .failed : .running)
      status.detail = health.detail
      components.append(status)
    }
    components.sort { $0.name < $1.name }
    return SystemStatusReport(
      running: runSwitch.isRunning, version: version, startedAt: startedAt,
      uptimeSeconds: max(0, now.since(startedAt)), marketSource: marketSource,
      tradingMode: configuration.trading.mode.rawValue, components: components,
      cacheHits: await cache.hits, cacheMisses: await cache.misses, cacheHitRate: await cache.hitRate,
      coinsTotal: catalogue.count, coinsEnabled: catalogue.enabledCoins.count,
      coinsCached: states.filter { $0.price != nil }.count, coinsStale: states.filter(\.isStale).count,
      subscribers: coinStates.subscriberCount + healthWatcherCount, messagesPublished: counters.published,
      messagesConflated: counters.conflated, unavailableSymbols: symbols.unavailable,
      exchanges: await exchangeStatus?.exchangeStatuses() ?? [])
  }

  /// Resumes the fetchers and strategies; returns whether the state changed.
  public func startSystem() -> Bool {
    let changed = runSwitch.set(true)
    monitor.setState(.running, forNames: FetchScheduler.componentNames)
    healthWatchers.publish(health())
    return changed
  }

  /// Pauses the fetchers and strategies (the server keeps serving); returns whether it changed.
  public func stopSystem() -> Bool {
    let changed = runSwitch.set(false)
    monitor.setState(.stopped, forNames: FetchScheduler.componentNames)
    healthWatchers.publish(health())
    return changed
  }
}
