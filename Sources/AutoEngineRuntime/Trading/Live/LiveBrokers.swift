public import AsyncHTTPClient
public import AutoEngineCore
public import AutoEngineExchanges
public import Logging

/// Builds the live brokers of the exchanges whose credentials are usable.
public enum LiveBrokers {
  /// The live brokers for the credentials in `environment`, and for each exchange without
  /// usable credentials the reason (e.g. `AUTOENGINE_COINBASE_PRIVATE_KEY is not set`).
  ///
  /// - Parameters:
  ///   - coinbaseURL: Coinbase Advanced Trade's base URL (a mock's in tests).
  ///   - binanceURL: Binance.US's base URL.
  ///   - budgets: request budgets to spend from per exchange — pass the market-data clients'
  ///     to share one limit per exchange; a new one per exchange otherwise.
  public static func make(
    environment: [String: String], coinbaseURL: String = CoinbaseOrderClient.defaultBaseURL,
    binanceURL: String = BinanceUSOrderClient.defaultBaseURL, httpClient: HTTPClient = .shared,
    settings: HTTPRequestSettings = HTTPRequestSettings(), budgets: [Exchange: RequestBudget] = [:],
    logger: Logger = Logger(label: "autoengine.brokers")
  ) -> (brokers: [Exchange: any Broker], refusals: [Exchange: String]) {
    make(
      credentials: ExchangeCredentials(environment: environment), coinbaseURL: coinbaseURL, binanceURL: binanceURL,
      httpClient: httpClient, settings: settings, budgets: budgets, logger: logger)
  }

  /// The live brokers for `credentials`, and the reason for each exchange left out.
  public static func make(
    credentials: ExchangeCredentials, coinbaseURL: String = CoinbaseOrderClient.defaultBaseURL,
    binanceURL: String = BinanceUSOrderClient.defaultBaseURL, httpClient: HTTPClient = .shared,
    settings: HTTPRequestSettings = HTTPRequestSettings(), budgets: [Exchange: RequestBudget] = [:],
    logger: Logger = Logger(label: "autoengine.brokers")
  ) -> (brokers: [Exchange: any Broker], refusals: [Exchange: String]) {
    var brokers: [Exchange: any Broker] = [:]
    var refusals: [Exchange: String] = [:]
    switch credentials.binanceUSSigner() {
    case .success(let signer):
      let client = BinanceUSOrderClient(
        baseURL: binanceURL, signer: signer, settings: settings, httpClient: httpClient,
        budget: budgets[.binanceUS], logger: logger)
      brokers[.binanceUS] = BinanceUSBroker(client: client)
    case .failure(let refusal):
      refusals[.binanceUS] = refusal.description
    }
    switch credentials.coinbaseJWT() {
    case .success(let jwt):
      let client = CoinbaseOrderClient(
        baseURL: coinbaseURL, jwt: jwt, settings: settings, httpClient: httpClient, budget: budgets[.coinbase],
        logger: logger)
      brokers[.coinbase] = CoinbaseBroker(client: client)
    case .failure(let refusal):
      refusals[.coinbase] = refusal.description
    }
    return (brokers, refusals)
  }
}
