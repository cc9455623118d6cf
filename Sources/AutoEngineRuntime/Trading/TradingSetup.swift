public import AutoEngineCore
public import AutoEngineExchanges
public import FoundationEssentials
public import Logging

/// Builds the trading desk of a server from its settings: the journal in the data directory and
/// the brokers of the trading mode.
public enum TradingSetup {
  /// File name of the journal inside `data_dir`.
  public static let journalFileName = "journal.sqlite"

  /// The desk for `settings`.
  ///
  /// Paper mode (the default) trades both exchanges through one `PaperBroker` whose venue lives
  /// in the journal file. Live mode builds each exchange's broker from the keys in `environment`;
  /// an exchange without valid keys gets no broker, and the desk refuses to trade there, saying
  /// why. The log says loudly which mode is active.
  ///
  /// - Parameter budgets: request budgets to share with the market-data clients, by exchange.
  ///   Binance.US counts request weight per IP across market data and orders, so its budget must
  ///   be the live market's; Coinbase's private endpoints have their own limit (omit it).
  public static func makeDesk(
    settings: AutoEngineSettings, catalogue: CoinCatalogue, clock: any WallClock, environment: [String: String],
    budgets: [Exchange: RequestBudget] = [:], logger: Logger
  ) throws(EngineError) -> TradingDesk {
    let directory = settings.dataDirectory
    let path = directory.hasSuffix("/") ? directory + journalFileName : directory + "/" + journalFileName
    let journal: TradeJournal
    do { journal = try TradeJournal(path: path) } catch {
      throw EngineError(.fixConfiguration, "cannot open the trade journal at \(path): \(error)")
    }
    let engine = settings.engine
    switch engine.trading.mode {
    case .paper:
      let prices = PaperPrices()
      let broker = PaperBroker(
        venue: journal.paperVenue, prices: prices, model: PaperFillModel(engine.trading),
        startingBalance: engine.trading.paperStartingBalance, quoteAssets: Set(catalogue.coins.map(\.quote)),
        clock: clock)
      logger.notice(
        "TRADING MODE: PAPER — orders fill against simulated balances (starting balance \(engine.trading.paperStartingBalance) per quote asset); no exchange order is sent",
        metadata: ["journal": "\(path)"])
      return TradingDesk(
        mode: .paper, catalogue: catalogue, configuration: engine,
        brokers: [.coinbase: broker, .binanceUS: broker], paperPrices: prices, journal: journal, clock: clock,
        logger: logger)
    case .live:
      let (brokers, refusals) = liveBrokers(
        settings: settings, environment: environment, budgets: budgets, logger: logger)
      let venues = brokers.keys.map(\.displayName).sorted().joined(separator: " and ")
      logger.critical(
        brokers.isEmpty
          ? "TRADING MODE: LIVE — but no exchange has valid keys: no order will be sent"
          : "TRADING MODE: LIVE — real orders will be sent to \(venues) with real money",
        metadata: ["journal": "\(path)"])
      for (exchange, why) in refusals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        logger.critical("LIVE trading on \(exchange.displayName) is refused: \(why)")
      }
      return TradingDesk(
        mode: .live, catalogue: catalogue, configuration: engine, brokers: brokers, brokerRefusals: refusals,
        paperPrices: nil, journal: journal, clock: clock, logger: logger)
    }
  }

  /// The live brokers: signed order clients on the configured base URLs, with the keys of the
  /// settings (which read them from the environment) or, failing that, of `environment`.
  static func liveBrokers(
    settings: AutoEngineSettings, environment: [String: String], budgets: [Exchange: RequestBudget], logger: Logger
  ) -> (brokers: [Exchange: any Broker], refusals: [Exchange: String]) {
    var credentials = ExchangeCredentials(settings: settings.exchanges)
    let fromEnvironment = ExchangeCredentials(environment: environment)
    credentials.binanceUSAPIKey = credentials.binanceUSAPIKey ?? fromEnvironment.binanceUSAPIKey
    credentials.binanceUSAPISecret = credentials.binanceUSAPISecret ?? fromEnvironment.binanceUSAPISecret
    credentials.coinbaseKeyName = credentials.coinbaseKeyName ?? fromEnvironment.coinbaseKeyName
    credentials.coinbasePrivateKey = credentials.coinbasePrivateKey ?? fromEnvironment.coinbasePrivateKey
    return LiveBrokers.make(
      credentials: credentials, coinbaseURL: settings.exchanges.coinbaseBaseURL,
      binanceURL: settings.exchanges.binanceUSBaseURL, budgets: budgets, logger: logger)
  }
}
