/// Exchange endpoints (`exchanges.*.base_url`) and the operator's exchange credentials.
///
/// Base URLs default to the production APIs and may point at a sandbox or a local mock. The
/// credentials come from the environment only (`AUTOENGINE_BINANCEUS_API_KEY`,
/// `AUTOENGINE_BINANCEUS_API_SECRET`, `AUTOENGINE_COINBASE_KEY_NAME`,
/// `AUTOENGINE_COINBASE_PRIVATE_KEY`), never from a configuration file or a flag.
public struct ExchangeSettings: Hashable, Sendable {
  /// `exchanges.coinbase.base_url`: Coinbase Advanced Trade (default `https://api.coinbase.com`).
  public var coinbaseBaseURL: String
  /// `exchanges.binanceus.base_url`: Binance.US (default `https://api.binance.us`).
  public var binanceUSBaseURL: String
  /// `exchanges.coinbase.key_name`: the Coinbase API key name, e.g.
  /// `organizations/{org}/apiKeys/{key}` (from `AUTOENGINE_COINBASE_KEY_NAME`).
  public var coinbaseKeyName: SecretText?
  /// `exchanges.coinbase.private_key`: the Coinbase EC private key in PEM
  /// (from `AUTOENGINE_COINBASE_PRIVATE_KEY`).
  public var coinbasePrivateKey: SecretText?
  /// `exchanges.binanceus.api_key`: the Binance.US API key (from `AUTOENGINE_BINANCEUS_API_KEY`).
  public var binanceUSAPIKey: SecretText?
  /// `exchanges.binanceus.api_secret`: the Binance.US HMAC secret
  /// (from `AUTOENGINE_BINANCEUS_API_SECRET`).
  public var binanceUSAPISecret: SecretText?

  /// Creates exchange settings; the URLs default to the production APIs, credentials to unset.
  public init(
    coinbaseBaseURL: String = "https://api.coinbase.com",
    binanceUSBaseURL: String = "https://api.binance.us",
    coinbaseKeyName: SecretText? = nil, coinbasePrivateKey: SecretText? = nil,
    binanceUSAPIKey: SecretText? = nil, binanceUSAPISecret: SecretText? = nil
  ) {
    self.coinbaseBaseURL = coinbaseBaseURL
    self.binanceUSBaseURL = binanceUSBaseURL
    self.coinbaseKeyName = coinbaseKeyName
    self.coinbasePrivateKey = coinbasePrivateKey
    self.binanceUSAPIKey = binanceUSAPIKey
    self.binanceUSAPISecret = binanceUSAPISecret
  }

  /// Whether both Coinbase credentials (key name and private key) are set.
  public var hasCoinbaseCredentials: Bool { coinbaseKeyName != nil && coinbasePrivateKey != nil }

  /// Whether both Binance.US credentials (API key and secret) are set.
  public var hasBinanceUSCredentials: Bool { binanceUSAPIKey != nil && binanceUSAPISecret != nil }
}
