public import AutoEngineCore
public import Logging
public import ServiceLifecycle
import Synchronization

/// Fetches market and cosmic data on the seed's cadences, feeds the shared cache, and publishes
/// each tick's changed coin states.
///
/// Cadences (all configurable, `fetch.*`): prices every 10 s (one batched call per exchange),
/// 24-hour volumes every 180 s, cosmic data every 3,600 s. Strategies are evaluated inside the
/// cache whenever a one-minute candle closes. At start it resolves every coin's symbol against its
/// exchange (reporting missing ones and switching to a configured successor) and warms the
/// indicators up from candle history. While the `RunSwitch` is off, nothing is fetched.
public final class FetchScheduler: Service {
  private let source: any MarketSource
  private let cosmicFeed: any CosmicFeed
  private let configuredCoins: [Coin]
  private let symbols: SymbolDirectory
  private let cache: SharedCache
  private let hub: CoinStateHub
  private let runSwitch: RunSwitch
  private let monitor: ComponentMonitor
  private let clock: any WallClock
  private let settings: FetchSettings
  private let warmUpCandles: Int
  private let logger: Logger

  /// Time from the price answers' arrival to the changed states being handed to subscribers, per
  /// tick (cache update, candle close and strategy evaluation included), seconds.
  public let fetchToPublish: LatencyRecorder

  /// Names of the components this scheduler reports to the monitor.
  public static let componentNames = ["price-fetcher", "volume-fetcher", "cosmic-fetcher"]

  /// Coins to fetch: the enabled, available coins under the symbol their exchange lists.
  private let fetched = CoinList()

  /// Creates a scheduler over the enabled `coins`.
  public init(
    source: any MarketSource, cosmicFeed: any CosmicFeed = NoCosmicFeed(), coins: [Coin], symbols: SymbolDirectory,
    cache: SharedCache, hub: CoinStateHub, runSwitch: RunSwitch, monitor: ComponentMonitor, clock: any WallClock,
    settings: FetchSettings, warmUpCandles: Int = 250, fetchToPublish: LatencyRecorder = LatencyRecorder(),
    logger: Logger
  ) {
    self.fetchToPublish = fetchToPublish
    self.source = source
    self.cosmicFeed = cosmicFeed
    self.configuredCoins = coins
    self.symbols = symbols
    self.cache = cache
    self.hub = hub
    self.runSwitch = runSwitch
    self.monitor = monitor
    self.clock = clock
    self.settings = settings
    self.warmUpCandles = warmUpCandles
    self.logger = logger
    monitor.register(ComponentStatus(name: "price-fetcher", interval: settings.priceFetchInterval))
    monitor.register(ComponentStatus(name: "volume-fetcher", interval: settings.volumeFetchInterval))
    monitor.register(ComponentStatus(name: "cosmic-fetcher", interval: settings.mysticFetchInterval))
  }

  /// Convenience: the scheduler of an engine (its cache, hub, monitor, switch and symbols).
  public convenience init(
    engine: Engine, source: any MarketSource, cosmicFeed: any CosmicFeed = NoCosmicFeed(), clock: any WallClock,
    warmUpCandles: Int = 250, logger: Logger
  ) {
    self.init(
      source: source, cosmicFeed: cosmicFeed, coins: engine.catalogue.enabledCoins, symbols: engine.symbols,
      cache: engine.cache, hub: engine.coinStates, runSwitch: engine.runSwitch, monitor: engine.monitor, clock: clock,
      settings: engine.configuration.fetch, warmUpCandles: warmUpCandles, fetchToPublish: engine.fetchToPublish,
      logger: logger)
  }

  private var coins: [Coin] { fetched.coins }

  public func run() async throws {
    await resolveSymbols()
    await fetchCosmic()
    await warmUp()
    await fetchVolumes()
    await fetchPrices()
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { try await self.every(self.settings.priceFetchInterval) { await self.fetchPrices() } }
      group.addTask { try await self.every(self.settings.volumeFetchInterval) { await self.fetchVolumes() } }
      group.addTask { try await self.every(self.settings.mysticFetchInterval) { await self.fetchCosmic() } }
    }
  }

  /// Runs `body` every `interval` seconds (skipping runs while the system is stopped) until
  /// graceful shutdown or cancellation.
  private func every(_ interval: Double, _ body: @Sendable () async -> Void) async throws {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int64(interval * 1000))) }
      } catch {
        return
      }
      if runSwitch.isRunning { await body() }
    }
  }

  /// One price tick: fetch every price, update the cache, publish what changed.
  func fetchPrices() async {
    let now = clock.now()
    var arrived: ContinuousClock.Instant?
    do {
      let quotes = try await source.prices(for: coins, now: now)
      arrived = .now
      await cache.record(prices: quotes, at: now)
      monitor.succeeded("price-fetcher", at: now, detail: "\(quotes.count) prices")
    } catch {
      monitor.failed("price-fetcher", at: now, error: "\(error)")
      logger.warning("price fetch failed: \(error)")
    }
    let changed = await cache.takeChanges(at: clock.now())
    hub.publish(changed, tickTime: now)
    if let arrived {
      let elapsed = ContinuousClock.now - arrived
      fetchToPublish.record(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
  }

  /// One volume run: fetch every coin's 24-hour statistics into the cache.
  func fetchVolumes() async {
    let now = clock.now()
    do {
      let stats = try await source.dailyStats(for: coins, now: now)
      await cache.record(stats: stats, at: now)
      monitor.succeeded("volume-fetcher", at: now, detail: "\(stats.count) coins")
    } catch {
      monitor.failed("volume-fetcher", at: now, error: "\(error)")
      logger.warning("volume fetch failed: \(error)")
    }
  }

  /// One cosmic run: lunar state computed, solar and Schumann from the feed when it has them.
  func fetchCosmic() async {
    let now = clock.now()
    var solar: SolarActivity?
    var schumann: SchumannReading?
    do {
      solar = try await cosmicFeed.solarActivity(now: now)
      schumann = try await cosmicFeed.schumann(now: now)
      monitor.succeeded(
        "cosmic-fetcher", at: now,
        detail: solar == nil ? "lunar computed; no solar feed" : "lunar computed; solar from feed")
    } catch {
      monitor.failed("cosmic-fetcher", at: now, error: "\(error)")
      logger.warning("cosmic fetch failed: \(error)")
    }
    await cache.record(cosmic: CosmicInputs(at: now, solar: solar, schumann: schumann), at: now)
  }

  /// Checks every coin's symbol against its exchange: missing or non-trading symbols are reported
  /// (status and log) and switched to their configured successor when that one trades; the
  /// engine runs on with the rest. When the exchange cannot be asked, every coin is fetched.
  func resolveSymbols() async {
    do {
      let listings = try await source.listings(for: configuredCoins + configuredCoins.compactMap(Self.successor))
      let bySymbol = Dictionary(listings.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
      let resolutions = configuredCoins.map { SymbolResolution.resolve($0, listings: bySymbol) }
      symbols.record(resolutions)
      var active: [String: String] = [:]
      var usable: [Coin] = []
      for (coin, resolution) in zip(configuredCoins, resolutions) {
        switch resolution.availability {
        case .trading, .successor, .unchecked:
          var fetchedCoin = coin
          fetchedCoin.symbol = resolution.activeSymbol
          usable.append(fetchedCoin)
          active[coin.symbol] = resolution.activeSymbol
          if resolution.availability == .successor { logger.notice("\(resolution.detail)") }
        case .missing, .notTrading:
          logger.warning("\(resolution.detail); the engine runs on without it")
        }
      }
      await cache.use(activeSymbols: active)
      fetched.set(usable, configured: active)
    } catch {
      logger.warning("symbol check failed (\(error)); fetching every configured coin")
      fetched.set(
        configuredCoins, configured: Dictionary(uniqueKeysWithValues: configuredCoins.map { ($0.symbol, $0.symbol) }))
    }
  }

  private static func successor(of coin: Coin) -> Coin? {
    guard let successor = coin.successorSymbol else { return nil }
    var next = coin
    next.symbol = successor
    next.successorSymbol = nil
    return next
  }

  /// Feeds each coin's recent one-minute candles through its indicators before live ticks.
  func warmUp() async {
    guard warmUpCandles > 0 else { return }
    let now = clock.now()
    for coin in coins {
      do {
        let candles = try await source.history(for: coin, limit: warmUpCandles, now: now)
        await cache.warmUp(symbol: fetched.configuredSymbol(of: coin.symbol), candles: candles, now: now)
      } catch {
        logger.warning("warm-up of \(coin.symbol) failed: \(error)")
      }
    }
    logger.info("indicators warmed up for \(coins.count) coins from \(warmUpCandles) candles each")
  }
}

/// The coins being fetched, set once symbols are resolved. Thread-safe.
final class CoinList: Sendable {
  private let state = Mutex((coins: [Coin](), configured: [String: String]()))

  /// The coins to fetch, under their active symbols.
  var coins: [Coin] { state.withLock { $0.coins } }

  /// Sets the coins and the active → configured symbol map (`configured` maps configured → active).
  func set(_ coins: [Coin], configured: [String: String]) {
    let reverse = Dictionary(configured.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    state.withLock { $0 = (coins, reverse) }
  }

  /// The configured symbol of an active one.
  func configuredSymbol(of active: String) -> String { state.withLock { $0.configured[active] } ?? active }
}
