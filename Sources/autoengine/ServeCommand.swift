public import ArgumentParser
import AutoEngineAPI
import AutoEngineCore
import AutoEngineExchanges
import AutoEngineRuntime
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `autoengine serve`: runs the gRPC and REST listeners until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the server: gRPC on 127.0.0.1:50051 and REST/JSON on 127.0.0.1:8000.",
    discussion: """
      Stops gracefully on SIGINT (Ctrl-C) or SIGTERM within 5 seconds. Logs go to stderr and to \
      crypto_autoengine.log in the data directory.

      Example:
        autoengine serve --grpc-port 50051 --http-port 8000 --log-level debug
      """)

  @Option(help: "Interface both listeners bind (default 127.0.0.1; use 0.0.0.0 to expose them).")
  var host: String?

  @Option(name: .customLong("grpc-port"), help: "TCP port of the gRPC listener, 0 for any free port (default 50051).")
  var grpcPort: Int?

  @Option(name: .customLong("http-port"), help: "TCP port of the REST listener, 0 for any free port (default 8000).")
  var httpPort: Int?

  @Option(help: "JSON configuration file; flags override its values.")
  var config: String?

  @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).")
  var logLevel: String?

  @Option(name: .customLong("data-dir"), help: "Directory for the log file and, later, the journal (default ./data).")
  var dataDir: String?

  @Option(help: "Market data source: simulated (default, offline), replay (candle files) or live (the exchanges).")
  var market: MarketSourceKind = .simulated

  @Option(help: "Seed of the simulated market (same seed, same market).")
  var seed: UInt64 = 42

  @Option(name: .customLong("replay-dir"), help: "Folder of candle CSV files for --market replay, assigned to coins in turn.")
  var replayDir: String?

  @Option(name: .customLong("replay-speed"), help: "Replay speed for --market replay: market seconds per wall second (default 1).")
  var replaySpeed: Double = 1

  @Option(name: .customLong("coinbase-url"), help: "Base URL of Coinbase Advanced Trade for --market live (default https://api.coinbase.com).")
  var coinbaseURL = CoinbaseMarketData.defaultBaseURL

  @Option(name: .customLong("binance-url"), help: "Base URL of Binance.US for --market live (default https://api.binance.us).")
  var binanceURL = BinanceUSMarketData.defaultBaseURL

  @Option(name: .customLong("swpc-url"), help: "Base URL of NOAA SWPC's JSON feeds for --market live (default https://services.swpc.noaa.gov).")
  var swpcURL = SWPCClient.defaultBaseURL

  func validate() throws {
    for (flag, port) in [("--grpc-port", grpcPort), ("--http-port", httpPort)] {
      if let port, !(0...65535).contains(port) {
        throw ValidationError("\(flag) \(port) is not a TCP port (0–65535)")
      }
    }
    if market == .replay && replayDir == nil {
      throw ValidationError("--market replay needs --replay-dir DIR (a folder of candle CSV files)")
    }
    for (flag, url) in [("--coinbase-url", coinbaseURL), ("--binance-url", binanceURL), ("--swpc-url", swpcURL)] {
      guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
        throw ValidationError("\(flag) '\(url)' is not an http(s) URL such as https://api.binance.us")
      }
    }
    guard replaySpeed.isFinite, replaySpeed > 0 else { throw ValidationError("--replay-speed must be positive") }
    if let logLevel, Logger.Level(rawValue: logLevel) == nil {
      throw ValidationError("--log-level '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
    }
  }

  func run() async throws {
    let settings = try ServeSettings.resolve(
      file: config, host: host, grpcPort: grpcPort, httpPort: httpPort, logLevel: logLevel, dataDir: dataDir)
    let logger = try ServerLogging.bootstrap(level: settings.logLevel, dataDirectory: settings.dataDirectory)
    logger.info(
      "CRYPTO AUTOENGINE \(AutoEngineVersion.current) starting",
      metadata: ["data_dir": "\(settings.dataDirectory)", "log_file": "\(settings.logFile)"])

    let clock = SystemWallClock()
    let catalogue = CoinCatalogue.defaults
    let source = try makeMarketSource(coins: catalogue.enabledCoins, now: clock.now(), logger: logger)
    let engine = Engine(
      clock: clock, catalogue: catalogue, marketSource: market, exchangeStatus: source as? any ExchangeStatusSource)
    let cosmicFeed: any CosmicFeed = market == .live ? SWPCCosmicFeed(client: SWPCClient(baseURL: swpcURL)) : NoCosmicFeed()
    let scheduler = FetchScheduler(engine: engine, source: source, cosmicFeed: cosmicFeed, clock: clock, logger: logger)
    var serverConfiguration = settings.server
    let token = ProcessInfo.processInfo.environment["AUTOENGINE_API_TOKEN"]
    serverConfiguration.access = APIAccessPolicy(token: token)
    if serverConfiguration.access.token == nil {
      logger.notice(
        "no API token: state-changing calls (trading and system start/stop, cancels) are refused; set AUTOENGINE_API_TOKEN to enable them")
    }
    let server = AutoEngineServer(engine: engine, configuration: serverConfiguration, logger: logger)
    var groupConfiguration = ServiceGroupConfiguration(
      services: ([scheduler] + server.services).map { .init(service: $0) },
      gracefulShutdownSignals: [.sigterm, .sigint],
      cancellationSignals: [],
      logger: logger)
    // Streams that clients keep open must not hold the process: after 3 s of graceful shutdown
    // the remaining work is cancelled, and cancellation itself gets 1.5 s.
    groupConfiguration.maximumGracefulShutdownDuration = .seconds(3)
    groupConfiguration.maximumCancellationDuration = .milliseconds(1500)
    let group = ServiceGroup(configuration: groupConfiguration)
    try await group.run()
    logger.info("CRYPTO AUTOENGINE stopped")
  }

  /// The market the fetchers read, announced in the log.
  private func makeMarketSource(coins: [Coin], now: UnixTime, logger: Logger) throws -> any MarketSource {
    switch market {
    case .simulated:
      logger.notice("market: SIMULATED (seed \(seed), offline) — prices are generated, not real; use --market replay or live for real data")
      return SimulatedMarket(coins: coins, seed: seed, start: now)
    case .replay:
      let directory = replayDir ?? "."
      logger.notice("market: REPLAY of the candle files in \(directory) at \(replaySpeed)× speed")
      do {
        return try ReplayMarket(coins: coins, directory: directory, wallStart: now, options: ReplayOptions(speed: replaySpeed))
      } catch {
        throw CommandError("--replay-dir \(directory): \(error)")
      }
    case .live:
      logger.notice("market: LIVE — Coinbase at \(coinbaseURL), Binance.US at \(binanceURL), NOAA SWPC at \(swpcURL)")
      return LiveMarket(exchanges: [.coinbase(baseURL: coinbaseURL), .binanceUS(baseURL: binanceURL)])
    }
  }
}

extension MarketSourceKind: ExpressibleByArgument {}
