public import AutoEngineCore
public import Logging
public import ServiceLifecycle

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
  private let coins: [Coin]
  private let cache: SharedCache
  private let hub: CoinStateHub
  private let runSwitch: RunSwitch
  private let monitor: ComponentMonitor
  private let clock: any WallClock
  private let settings: FetchSettings
  private let warmUpCandles: Int
  private let logger: Logger

  /// Names of the components this scheduler reports to the monitor.
  public static let componentNames = ["price-fetcher", "volume-fetcher", "cosmic-fetcher"]

  /// Creates a scheduler; `coins` are the enabled coins with their active symbols already chosen.
  public init(
    source: any MarketSource, cosmicFeed: any CosmicFeed = NoCosmicFeed(), coins: [Coin], cache: SharedCache,
    hub: CoinStateHub, runSwitch: RunSwitch, monitor: ComponentMonitor, clock: any WallClock,
    settings: FetchSettings, warmUpCandles: Int = 250, logger: Logger
  ) {
    self.source = source
    self.cosmicFeed = cosmicFeed
    self.coins = coins
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

  public func run() async throws {
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
    do {
      let quotes = try await source.prices(for: coins, now: now)
      await cache.record(prices: quotes, at: now)
      monitor.succeeded("price-fetcher", at: now, detail: "\(quotes.count) prices")
    } catch {
      monitor.failed("price-fetcher", at: now, error: "\(error)")
      logger.warning("price fetch failed: \(error)")
    }
    let changed = await cache.takeChanges(at: clock.now())
    hub.publish(changed, tickTime: now)
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

  /// Feeds each coin's recent one-minute candles through its indicators before live ticks.
  func warmUp() async {
    guard warmUpCandles > 0 else { return }
    let now = clock.now()
    for coin in coins {
      do {
        let candles = try await source.history(for: coin, limit: warmUpCandles, now: now)
        await cache.warmUp(symbol: coin.symbol, candles: candles, now: now)
      } catch {
        logger.warning("warm-up of \(coin.symbol) failed: \(error)")
      }
    }
    logger.info("indicators warmed up for \(coins.count) coins from \(warmUpCandles) candles each")
  }
}
