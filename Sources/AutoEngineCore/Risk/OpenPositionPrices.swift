public import FoundationEssentials

/// The prices of an open long position that the exit rules need.
///
/// Prices are in quote units per unit of the base asset.
public struct OpenPositionPrices: Hashable, Sendable {
  /// Average entry price of the position, > 0.
  public var entryPrice: Decimal
  /// Highest price seen since entry (at least the entry price); the trailing stop follows it.
  public var highestPrice: Decimal

  /// Creates position prices; `highestPrice` defaults to the entry price (nothing seen since).
  public init(entryPrice: Decimal, highestPrice: Decimal? = nil) {
    self.entryPrice = entryPrice
    self.highestPrice = Swift.max(entryPrice, highestPrice ?? entryPrice)
  }

  /// These prices after observing `price`: the highest price rises if `price` is above it.
  public func observing(_ price: Decimal) -> OpenPositionPrices {
    OpenPositionPrices(entryPrice: entryPrice, highestPrice: Swift.max(highestPrice, price))
  }
}
