public import FoundationEssentials

/// How much an order trades: an amount of the quote asset to spend or receive, or an amount of
/// the base asset to buy or sell.
///
/// Autobuy always buys by quote amount (its size rule is in quote units); exits sell the held
/// base quantity; manual orders may give either.
public enum OrderAmount: Hashable, Sendable, CustomStringConvertible {
  /// Quote units, e.g. 25 USD; > 0.
  case quote(Decimal)
  /// Base units, e.g. 0.001 BTC; > 0.
  case base(Decimal)

  /// The quote amount, or nil for a base amount.
  public var quoteAmount: Decimal? {
    if case .quote(let value) = self { value } else { nil }
  }

  /// The base amount, or nil for a quote amount.
  public var baseAmount: Decimal? {
    if case .base(let value) = self { value } else { nil }
  }

  /// The amount's value in quote units at `price` (quote units per base unit).
  public func quoteValue(at price: Decimal) -> Decimal {
    switch self {
    case .quote(let value): value
    case .base(let value): value * price
    }
  }

  /// `25 quote` or `0.001 base`.
  public var description: String {
    switch self {
    case .quote(let value): "\(value) quote"
    case .base(let value): "\(value) base"
    }
  }
}
