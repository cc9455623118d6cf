import ArgumentParser
import AutoEngineAPI
import AutoEngineCore
import AutoEngineExchanges
import AutoEngineRuntime
import Foundation
import Logging
import ServiceLifecycle

/// `autoengine serve`: runs the engine and its gRPC and REST listeners until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract:
      "Run the server: gRPC on 127.0.0.1:50051 and REST/JSON on 127.0.0.1:8000, on the simulated market by default.",
    discussion: """
      Settings come from defaults, then the configuration file (--config, YAML or JSON; see \
      `autoengine config example`), then AUTOENGINE_* environment variables, then these flags. \
      Stops gracefully on SIGINT (Ctrl-C) or SIGTERM within 5 seconds. Logs go to stderr and to \
      crypto_autoengine.log in the data directory. State-changing calls need AUTOENGINE_API_TOKEN.

      Examples:
        autoengine serve
        autoengine serve --market replay --replay-dir ../shared/data/candles --replay-speed 60
        AUTOENGINE_API_TOKEN=… autoengine serve --config autoengine.yaml --log-level debug
      """)

  @Option(help: "Configuration file (YAML or JSON); flags and environment override it.")
  var config: String?

  @Option(help: "Interface both listeners bind (default 127.0.0.1; 0.0.0.0 exposes them).")
  var host: String?

  @Option(name: .customLong("grpc-port"), help: "TCP port of the gRPC listener, 0 for any free port (default 50051).")
  var grpcPort: Int?

  @Option(name: .customLong("http-port"), help: "TCP port of the REST listener, 0 for any free port (default 8000).")
  var httpPort: Int?

  @Option(
    name: .customLong("tls-cert"),
    help: "PEM certificate chain: both listeners serve TLS (https) with it and --tls-key (default: plaintext).")
  var tlsCert: String?

  @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
  var tlsKey: String?

  @Option(
    name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).")
  var logLevel: String?

  @Option(name: .customLong("data-dir"), help: "Directory for the log file and the journal (default ./data).")
  var dataDir: String?

  @Option(
    name: .customLong("trading-mode"),
    help: "paper (default: simulated fills, no exchange order) or live (real orders; keys from the environment).")
  var tradingMode: String?

  @Flag(help: "Start autobuy at launch, once the journal is reconciled (default: wait for StartAutobuy).")
  var autobuy = false

  @Option(help: "Market data: simulated (default, offline), replay (candle files) or live (the exchanges).")
  var market: String?

  @Option(help: "Seed of the simulated market (default 42; same seed, same market).")
  var seed: String?

  @Option(
    name: .customLong("replay-dir"), help: "Folder of candle CSV files for --market replay, assigned to coins in turn.")
  var replayDir: String?

  @Option(name: .customLong("replay-speed"), help: "Replay speed: market seconds per wall second (default 1).")
  var replaySpeed: String?

  @Option(
    name: .customLong("coinbase-url"), help: "Base URL of Coinbase Advanced Trade (default https://api.coinbase.com).")
  var coinbaseURL: String?

  @Option(name: .customLong("binance-url"), help: "Base URL of Binance.US (default https://api.binance.us).")
  var binanceURL: String?

  @Option(
    name: .customLong("swpc-url"), help: "Base URL of NOAA SWPC's JSON feeds (default https://services.swpc.noaa.gov).")
  var swpcURL: String?

  @Option(
    help:
      "engine (fetch, trade, publish to Redis), api (serve the engine's market from Redis) or all (default: one process)."
  )
  var role: ServeRole = .all

  @Option(name: .customLong("cache-backend"), help: "memory (default) or redis (persist and share the cache).")
  var cacheBackend: String?

  @Option(
    name: .customLong("redis-url"),
    help: "Redis for --cache-backend redis and the engine/api roles (redis:// or rediss://).")
  var redisURL: String?

  @Option(
    name: .customLong("engine-address"),
    help: "--role api: the engine's gRPC host:port, to which trading and start/stop calls are forwarded.")
  var engineAddress: String?

  @Option(
    name: .customLong("set"),
    help: "Any configuration key, as key=value (repeatable), e.g. --set fetch.price_fetch_interval=5.")
  var overrides: [String] = []

  /// The flags given, as dotted configuration keys.
  func flagSettings() throws -> [String: String] {
    var flags: [String: String] = [:]
    let named: [(String, String?)] = [
      ("server.host", host), ("server.grpc_port", grpcPort.map(String.init)),
      ("server.http_port", httpPort.map(String.init)), ("server.tls_cert", tlsCert), ("server.tls_key", tlsKey),
      ("log.level", logLevel), ("data_dir", dataDir), ("market.source", market), ("market.seed", seed),
      ("market.replay_dir", replayDir), ("market.replay_speed", replaySpeed),
      ("exchanges.coinbase.base_url", coinbaseURL), ("exchanges.binanceus.base_url", binanceURL),
      ("cosmic.swpc.base_url", swpcURL), ("trading.mode", tradingMode), ("autobuy", autobuy ? "true" : nil),
      ("cache.backend", cacheBackend), ("cache.redis_url", redisURL),
    ]
    for (key, value) in named { if let value { flags[key] = value } }
    try SettingOverrides.apply(overrides, to: &flags)
    return flags
  }

  func validate() throws {
    _ = try flagSettings()
  }

  func run() async throws {
    let effective: EffectiveSettings
    do {
      effective = try AutoEngineSettings.load(
        file: config, environment: ProcessInfo.processInfo.environment, flags: try flagSettings())
    } catch {
      throw CommandError("the configuration is not valid:\n\(error)")
    }
    let settings = effective.settings
    let logger = try ServerLogging.bootstrap(level: settings.logLevel, dataDirectory: settings.dataDirectory)
    logger.info(
      "CRYPTO AUTOENGINE \(AutoEngineVersion.current) starting",
      metadata: ["data_dir": "\(settings.dataDirectory)", "config": "\(config ?? "(defaults)")"])
    // Loading already adds the settings' advisories to its warnings.
    for warning in effective.warnings { logger.warning("\(warning)") }
    // Unreadable or malformed TLS files stop the start here, naming the file.
    let tls: TLSIdentity?
    do {
      tls = try TLSIdentity(settings.server)
    } catch {
      throw CommandError("\(error.message)")
    }

    // Redis (cache backend, engine/api roles); an API replica runs no engine of its own.
    let redis = try await Self.connectRedis(settings, role: role, logger: logger)
    if role == .api, let redis {
      return try await runReplica(settings: settings, link: redis, tls: tls, logger: logger)
    }

    let clock = SystemWallClock()
    let catalogue = try settings.engine.trading.seedCatalogue()
    let source = try makeMarketSource(settings, coins: catalogue.enabledCoins, now: clock.now(), logger: logger)
    let desk: TradingDesk
    do {
      // Binance.US weighs market data and orders against one per-IP limit: share the budget.
      let shared = (source as? LiveMarket)?.exchanges[.binanceUS].map { [Exchange.binanceUS: $0.budget] } ?? [:]
      desk = try TradingSetup.makeDesk(
        settings: settings, catalogue: catalogue, clock: clock, environment: ProcessInfo.processInfo.environment,
        budgets: shared, logger: logger)
    } catch {
      throw CommandError("\(error.message)")
    }
    let engine = Engine(
      clock: clock, catalogue: catalogue, configuration: settings.engine, marketSource: settings.market.source,
      exchangeStatus: source as? any ExchangeStatusSource, trading: desk)
    let tradingLoop = TradingLoop(
      desk: desk, hub: engine.coinStates, startAutobuy: settings.startAutobuy, logger: logger)
    let cosmicFeed = try makeCosmicFeed(settings, logger: logger)
    // With the redis backend a restart resumes warm: no candle history to fetch.
    let warmFromRedis = await Self.restoreCache(engine: engine, link: redis, logger: logger)
    let scheduler = FetchScheduler(
      engine: engine, source: source, cosmicFeed: cosmicFeed, clock: clock, warmUpCandles: warmFromRedis ? 0 : 250,
      logger: logger)

    let access = APIAccessPolicy(
      token: settings.server.apiToken?.revealed, requireTokenForReads: settings.server.requireTokenForReads)
    if access.token == nil {
      logger.notice(
        "no API token: state-changing calls (trading and system start/stop, cancels) are refused; set AUTOENGINE_API_TOKEN to enable them"
      )
    }
    let server = AutoEngineServer(
      engine: engine,
      configuration: ServerConfiguration(
        host: settings.server.host, grpcPort: settings.server.grpcPort, httpPort: settings.server.httpPort,
        access: access, tls: tls, maxRequestBytes: settings.server.maxRequestBytes,
        corsOrigins: settings.server.corsOrigins),
      logger: logger)
    try await Self.runServices(
      [scheduler, tradingLoop] + Self.redisServices(engine: engine, link: redis, logger: logger) + server.services,
      logger: logger)
  }

  /// NOAA SWPC on the live market; the Schumann source wherever one is configured.
  private func makeCosmicFeed(_ settings: AutoEngineSettings, logger: Logger) throws -> ConfiguredCosmicFeed {
    let swpc = settings.market.source == .live ? SWPCClient(baseURL: settings.cosmic.swpcBaseURL) : nil
    var schumann: SchumannSource?
    if !settings.cosmic.schumannURL.isEmpty {
      do {
        schumann = try SchumannSource(url: settings.cosmic.schumannURL)
      } catch {
        throw CommandError("\(error)")
      }
      logger.notice("Schumann resonance from \(settings.cosmic.schumannURL)")
    } else {
      logger.info("no Schumann source configured (cosmic.schumann_url): strategy P68 reports it as unavailable")
    }
    return ConfiguredCosmicFeed(swpc: swpc, schumann: schumann)
  }

  /// The market the fetchers read, announced in the log.
  private func makeMarketSource(
    _ settings: AutoEngineSettings, coins: [Coin], now: UnixTime, logger: Logger
  ) throws -> any MarketSource {
    let market = settings.market
    switch market.source {
    case .simulated:
      logger.notice(
        "market: SIMULATED (seed \(market.seed), offline) — prices are generated, not real; use --market replay or live for real data"
      )
      return SimulatedMarket(coins: coins, seed: market.seed, start: now, stepSeconds: market.simulatedStepSeconds)
    case .replay:
      logger.notice("market: REPLAY of the candle files in \(market.replayDirectory) at \(market.replaySpeed)× speed")
      do {
        return try ReplayMarket(
          coins: coins, directory: market.replayDirectory, wallStart: now,
          options: ReplayOptions(speed: market.replaySpeed))
      } catch {
        throw CommandError("market.replay_dir \(market.replayDirectory): \(error)")
      }
    case .live:
      let exchanges = settings.exchanges
      logger.notice(
        "market: LIVE — Coinbase at \(exchanges.coinbaseBaseURL), Binance.US at \(exchanges.binanceUSBaseURL), NOAA SWPC at \(settings.cosmic.swpcBaseURL)"
      )
      return LiveMarket(
        exchanges: [.coinbase(baseURL: exchanges.coinbaseBaseURL), .binanceUS(baseURL: exchanges.binanceUSBaseURL)])
    }
  }
}
