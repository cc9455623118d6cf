public import FoundationEssentials

/// Why a list of coins cannot form a `CoinCatalogue`.
public struct CoinCatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The rule a coin breaks.
  public enum Problem: Hashable, Sendable {
    /// The symbol is the empty string.
    case emptySymbol
    /// Another coin already has this symbol (compared case-insensitively).
    case duplicateSymbol
    /// The symbol does not follow the exchange's convention (`BASE-QUOTE` on Coinbase,
    /// `BASEQUOTE` with a known quote suffix on Binance.US).
    case malformedSymbol(Exchange)
    /// The coin's base or quote differ from what its symbol spells.
    case assetsMismatch(base: String, quote: String)
    /// The limits break `0 < min <= max` (quote units).
    case invalidTradeLimits(min: Decimal, max: Decimal)
    /// The successor symbol does not follow the exchange's convention.
    case malformedSuccessor(String)
  }

  /// The offending coin's symbol as given.
  public var symbol: String
  /// The rule it breaks.
  public var problem: Problem

  /// Creates an error for `symbol`.
  public init(symbol: String, problem: Problem) {
    self.symbol = symbol
    self.problem = problem
  }

  public var description: String {
    switch problem {
    case .emptySymbol:
      "coin catalogue: a coin has an empty symbol"
    case .duplicateSymbol:
      "coin catalogue: \(symbol) appears more than once"
    case .malformedSymbol(let exchange):
      "coin catalogue: \(symbol) is not a valid \(exchange.displayName) symbol"
        + (exchange == .coinbase ? " (expected BASE-QUOTE)" : " (expected BASE followed by USDT, USDC, USD or BTC)")
    case .assetsMismatch(let base, let quote):
      "coin catalogue: \(symbol) does not spell base \(base) and quote \(quote)"
    case .invalidTradeLimits(let min, let max):
      "coin catalogue: \(symbol) has trade limits \(min)…\(max); need 0 < min ≤ max"
    case .malformedSuccessor(let successor):
      "coin catalogue: \(symbol) names successor \(successor), which is not a valid symbol on its exchange"
    }
  }
}
