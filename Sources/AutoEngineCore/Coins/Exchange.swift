/// A venue the engine trades on.
///
/// The raw value is the identifier used in configuration files, logs and the API
/// (`coinbase`, `binanceus`).
public enum Exchange: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Coinbase Advanced Trade; symbols look like `BTC-USD` (base, dash, quote).
  case coinbase
  /// Binance.US; symbols look like `BTCUSDT` (base and quote run together).
  case binanceUS = "binanceus"

  /// The name shown to people: `Coinbase`, `Binance.US`.
  public var displayName: String {
    switch self {
    case .coinbase: "Coinbase"
    case .binanceUS: "Binance.US"
    }
  }

  /// Quote assets recognised at the end of a symbol, longest first.
  ///
  /// Binance.US symbols are split by stripping the first of these that matches (`ETHUSDT` is
  /// ETH/USDT, never ETHUSD/T). Coinbase symbols carry a dash, so any quote parses there; its list
  /// is informational.
  public var knownQuoteAssets: [String] {
    switch self {
    case .coinbase: ["USDT", "USDC", "USD", "EUR", "GBP", "BTC", "ETH"]
    case .binanceUS: ["USDT", "USDC", "USD", "BTC"]
    }
  }

  /// The exchange whose convention `symbol` follows: a dash means Coinbase (`BTC-USD`),
  /// otherwise Binance.US (`BTCUSDT`).
  public static func inferred(fromSymbol symbol: String) -> Exchange {
    symbol.contains("-") ? .coinbase : .binanceUS
  }

  public var description: String { displayName }
}
