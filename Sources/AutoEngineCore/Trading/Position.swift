public import FoundationEssentials

/// A held quantity of one coin, opened by a buy and closed when sells bring it back to zero.
///
/// Kept by `PositionBook` from fills alone (average-cost method), so a position always equals the
/// sum of its fills. Amounts in quote units, quantities in base units.
public struct Position: Hashable, Sendable {
  /// Exchange symbol.
  public var symbol: String
  /// Exchange of the position.
  public var exchange: Exchange
  /// Quantity held, base units; 0 once closed.
  public var baseQuantity: Decimal
  /// Cost of the quantity held, fees included, quote units.
  public var costBasis: Decimal
  /// Realised profit or loss of this position so far (sells), quote units.
  public var realizedPnl: Decimal
  /// Total bought (base units) and spent (quote units, fees included) over the position's life.
  public var boughtBase: Decimal, boughtCost: Decimal
  /// Highest price seen since the position opened (for the trailing stop), quote units.
  public var highestPrice: Decimal
  /// When the first buy filled.
  public var openedAt: UnixTime
  /// When sells brought the quantity to zero; nil while open.
  public var closedAt: UnixTime?

  /// Creates an empty position opened at `openedAt`.
  public init(symbol: String, exchange: Exchange, openedAt: UnixTime) {
    self.symbol = symbol
    self.exchange = exchange
    self.baseQuantity = 0
    self.costBasis = 0
    self.realizedPnl = 0
    self.boughtBase = 0
    self.boughtCost = 0
    self.highestPrice = 0
    self.openedAt = openedAt
  }

  /// True while some quantity is held.
  public var isOpen: Bool { closedAt == nil }

  /// Average entry price of the quantity held (cost basis ÷ quantity), quote units; 0 when empty.
  public var averageEntryPrice: Decimal {
    baseQuantity > 0 ? costBasis / baseQuantity : 0
  }

  /// Value of the quantity held at `price`, quote units.
  public func marketValue(at price: Decimal) -> Decimal { baseQuantity * price }

  /// Unrealised profit or loss at `price` (market value − cost basis), quote units.
  public func unrealizedPnl(at price: Decimal) -> Decimal { marketValue(at: price) - costBasis }

  /// The prices the exit rules need; nil when nothing is held.
  public var exitPrices: OpenPositionPrices? {
    guard baseQuantity > 0 else { return nil }
    return OpenPositionPrices(entryPrice: averageEntryPrice, highestPrice: highestPrice)
  }
}
