import AutoEngineCore
public import AutoEngineExchanges

/// One exchange of the live market: its market-data client, the request budget that client
/// spends from (for status), and the base URL in use.
public struct LiveExchange: Sendable {
  /// The client.
  public var client: any ExchangeMarketData
  /// The budget the client spends from.
  public var budget: RequestBudget
  /// The base URL the client talks to, e.g. "https://api.binance.us".
  public var baseURL: String

  /// Creates an exchange entry.
  public init(client: any ExchangeMarketData, budget: RequestBudget, baseURL: String) {
    self.client = client
    self.budget = budget
    self.baseURL = baseURL
  }

  /// Coinbase Advanced Trade at `baseURL`.
  public static func coinbase(baseURL: String = CoinbaseMarketData.defaultBaseURL) -> LiveExchange {
    let client = CoinbaseMarketData(baseURL: baseURL)
    return LiveExchange(client: client, budget: client.budget, baseURL: baseURL)
  }

  /// Binance.US at `baseURL`.
  public static func binanceUS(baseURL: String = BinanceUSMarketData.defaultBaseURL) -> LiveExchange {
    let client = BinanceUSMarketData(baseURL: baseURL)
    return LiveExchange(client: client, budget: client.budget, baseURL: baseURL)
  }
}
