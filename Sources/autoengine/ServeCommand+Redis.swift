import ArgumentParser
import AutoEngineAPI
import AutoEngineCore
import AutoEngineRedis
import AutoEngineRuntime
import Logging
import ServiceLifecycle
import UnixSignals

/// What one `autoengine serve` process does when several share one market through Redis.
enum ServeRole: String, CaseIterable, ExpressibleByArgument {
  /// Fetches, evaluates and trades, serves its API, and publishes to Redis.
  case engine
  /// Fetches and trades nothing: serves the engine's states received from Redis.
  case api
  /// One process doing everything (the default); Redis only with `cache.backend: redis`.
  case all
}

/// The Redis connection a process uses, and where its keys live.
struct RedisLink {
  let client: RedisClient
  let keys: ReplicationKeys
}

extension ServeCommand {
  /// Connects to Redis when the role or `cache.backend` needs it.
  ///
  /// - Returns: nil when Redis is not used (role `all` with the memory backend), or when it is
  ///   down and the role is `all`: the server then runs on the in-memory cache, with a loud
  ///   warning.
  /// - Throws: `CommandError` naming the URL and the reason when Redis is down and the role
  ///   (`engine`, `api`) cannot work without it.
  static func connectRedis(_ settings: AutoEngineSettings, role: ServeRole, logger: Logger) async throws -> RedisLink? {
    guard role != .all || settings.cache.backend == .redis else { return nil }
    let configuration: RedisConfiguration
    do {
      configuration = try RedisConfiguration(url: settings.cache.redisURL)
    } catch {
      throw CommandError("cache.redis_url: \(error)")
    }
    let client = RedisClient(configuration: configuration, logger: logger)
    do throws(RedisError) {
      try await client.connect()
      let version = try await client.serverVersion()
      logger.notice(
        "redis: \(configuration.redactedURL) (Redis \(version)); role \(role.rawValue); keys under '\(settings.cache.redisPrefix)'"
      )
    } catch {
      client.close()
      guard role == .all else {
        throw CommandError(
          "Redis at \(configuration.redactedURL) is unreachable (\(error)); --role \(role.rawValue) cannot run without it. Start Redis or fix --redis-url / cache.redis_url."
        )
      }
      logger.critical(
        "REDIS UNAVAILABLE at \(configuration.redactedURL) (\(error)): falling back to the IN-MEMORY cache. Nothing is persisted and no API replica is fed until the server is restarted with Redis up."
      )
      return nil
    }
    return RedisLink(client: client, keys: ReplicationKeys(prefix: settings.cache.redisPrefix))
  }

  /// The services an engine (`engine` or `all`) runs for Redis: the publisher and the health report.
  static func redisServices(engine: Engine, link: RedisLink?, logger: Logger) -> [any Service] {
    guard let link else { return [] }
    return [
      ReplicaPublisher(
        engine: engine, client: link.client, keys: link.keys, store: RedisCacheStore(keys: link.keys), logger: logger),
      RedisHealthReporter(engine: engine, client: link.client, logger: logger),
    ]
  }

  /// Restores the engine's cache from Redis (the `redis` backend) and starts collecting the
  /// candles to save; returns whether the indicators are warm (no candle history to fetch).
  static func restoreCache(engine: Engine, link: RedisLink?, logger: Logger) async -> Bool {
    guard let link else { return false }
    let store = RedisCacheStore(keys: link.keys)
    var warm = false
    do throws(RedisError) {
      warm = try await store.restore(into: engine, client: link.client, logger: logger)
    } catch {
      logger.warning("redis: the saved cache could not be read (\(error)); starting cold")
    }
    // After the restore, so the restored candles are not saved a second time.
    await engine.cache.collectCandles(upTo: store.candleLimit)
    return warm
  }

  /// Runs an API replica: no fetchers, no desk; its API serves the states received from Redis.
  func runReplica(
    settings: AutoEngineSettings, link: RedisLink, tls: TLSIdentity?, logger: Logger
  ) async throws {
    let catalogue = try settings.engine.trading.seedCatalogue()
    let engine = Engine(
      clock: SystemWallClock(), catalogue: catalogue, configuration: settings.engine,
      marketSource: settings.market.source, tradingBoard: CoinTradingBoard())
    let subscriber = RedisSubscriber(configuration: link.client.configuration, logger: logger)
    let feed = ReplicaFeed(engine: engine, subscriber: subscriber, client: link.client, keys: link.keys, logger: logger)
    do throws(RedisError) {
      try await feed.start()
    } catch {
      throw CommandError("cannot subscribe to Redis at \(link.client.configuration.redactedURL): \(error)")
    }
    logger.notice("role api: serving the engine's market from Redis; no fetchers and no trading in this process")
    let access = APIAccessPolicy(
      token: settings.server.apiToken?.revealed, requireTokenForReads: settings.server.requireTokenForReads)
    var configuration = ServerConfiguration(
      host: settings.server.host, grpcPort: settings.server.grpcPort, httpPort: settings.server.httpPort,
      access: access, tls: tls, maxRequestBytes: settings.server.maxRequestBytes,
      corsOrigins: settings.server.corsOrigins)
    var upstream: [any Service] = []
    if let engineAddress {
      let engineUpstream: EngineUpstream
      do {
        engineUpstream = try EngineUpstream(address: engineAddress)
      } catch {
        throw CommandError("\(error)")
      }
      configuration.engineLocation = .forwarded(engineUpstream)
      upstream.append(engineUpstream)
      logger.notice(
        "role api: trading and start/stop calls (gRPC and REST) are forwarded to the engine at \(engineAddress)")
    } else {
      configuration.engineLocation = .replicaWithoutEngine
      logger.notice("role api: no --engine-address, so trading and start/stop calls are refused here")
    }
    let server = AutoEngineServer(engine: engine, configuration: configuration, logger: logger)
    let reporter = RedisHealthReporter(engine: engine, client: link.client, logger: logger)
    try await Self.runServices(upstream + [feed, reporter] + server.services, logger: logger)
  }

  /// Runs `services` until SIGINT or SIGTERM, with the server's shutdown limits.
  static func runServices(_ services: [any Service], logger: Logger) async throws {
    var groupConfiguration = ServiceGroupConfiguration(
      services: services.map { .init(service: $0) },
      gracefulShutdownSignals: [.sigterm, .sigint],
      cancellationSignals: [],
      logger: logger)
    // Streams that clients keep open must not hold the process: after 3 s of graceful shutdown
    // the remaining work is cancelled, and cancellation itself gets 1.5 s.
    groupConfiguration.maximumGracefulShutdownDuration = .seconds(3)
    groupConfiguration.maximumCancellationDuration = .milliseconds(1500)
    try await ServiceGroup(configuration: groupConfiguration).run()
    logger.info("CRYPTO AUTOENGINE stopped")
  }
}
