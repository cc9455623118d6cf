public import FoundationEssentials

/// Positions, realised P&L and round trips, computed from fills alone (average-cost method).
///
/// Replaying the journal's fills in time order through `apply(_:coin:)` rebuilds the book
/// exactly, which is how "positions equal the sum of their fills" holds after any restart:
/// - a buy adds its base quantity (less a fee charged in the base asset) and its quote value
///   (plus a fee charged in the quote asset) to the open position, opening one if none is;
/// - a sell removes quantity at the average cost: realised P&L = proceeds (quote value less a
///   quote-asset fee) − cost basis × sold ÷ held. A sell of more than is held realises only the
///   held part (the engine refuses such sells; fills from elsewhere are clamped, not invented);
/// - a position whose quantity reaches zero is closed and kept in `closed` as one round trip.
/// Fees in a third asset (e.g. BNB) are not converted and do not enter P&L.
public struct PositionBook: Hashable, Sendable {
  /// One realised profit or loss: a sell's P&L at its time.
  public struct Realization: Hashable, Sendable {
    /// When the sell filled.
    public var time: UnixTime
    /// Exchange symbol.
    public var symbol: String
    /// Client order id of the sell.
    public var clientOrderId: String
    /// Realised profit (> 0) or loss (< 0), quote units.
    public var pnl: Decimal
  }

  /// Open positions by symbol.
  public private(set) var open: [String: Position] = [:]
  /// Closed positions (round trips), oldest first.
  public private(set) var closed: [Position] = []
  /// Every realised P&L, oldest first.
  public private(set) var realizations: [Realization] = []

  /// An empty book.
  public init() {}

  /// Applies one fill of `coin` (fills must come in time order).
  public mutating func apply(_ fill: Fill, coin: Coin) {
    let feeAsset = fill.feeAsset.uppercased()
    switch fill.side {
    case .buy:
      var position = open[fill.symbol] ?? Position(symbol: fill.symbol, exchange: coin.exchange, openedAt: fill.time)
      let quantity = fill.baseQuantity - (feeAsset == coin.base.uppercased() ? fill.fee : 0)
      let cost = fill.quoteQuantity + (feeAsset == coin.quote.uppercased() ? fill.fee : 0)
      position.baseQuantity += quantity
      position.costBasis += cost
      position.boughtBase += quantity
      position.boughtCost += cost
      position.highestPrice = Swift.max(position.highestPrice, fill.price)
      open[fill.symbol] = position
    case .sell:
      guard var position = open[fill.symbol], position.baseQuantity > 0 else { return }
      let sold = Swift.min(fill.baseQuantity, position.baseQuantity)
      let share = sold / fill.baseQuantity
      var proceeds = fill.quoteQuantity * share
      if feeAsset == coin.quote.uppercased() { proceeds -= fill.fee * share }
      let cost = sold == position.baseQuantity ? position.costBasis : position.costBasis * sold / position.baseQuantity
      let pnl = proceeds - cost
      position.baseQuantity -= sold
      position.costBasis -= cost
      position.realizedPnl += pnl
      realizations.append(
        Realization(time: fill.time, symbol: fill.symbol, clientOrderId: fill.clientOrderId, pnl: pnl))
      if position.baseQuantity == 0 {
        position.costBasis = 0
        position.closedAt = fill.time
        closed.append(position)
        open[fill.symbol] = nil
      } else {
        open[fill.symbol] = position
      }
    }
  }

  /// Raises the highest price of `symbol`'s open position to `price` if it is above it; returns
  /// whether it changed.
  @discardableResult
  public mutating func observe(price: Decimal, of symbol: String) -> Bool {
    guard var position = open[symbol], price > position.highestPrice else { return false }
    position.highestPrice = price
    open[symbol] = position
    return true
  }

  /// Sum of realised P&L at or after `start` (all of it when nil), quote units.
  public func realizedPnl(since start: UnixTime? = nil, symbol: String? = nil) -> Decimal {
    realizations.reduce(Decimal(0)) { sum, item in
      if let start, item.time < start { return sum }
      if let symbol, item.symbol != symbol { return sum }
      return sum + item.pnl
    }
  }

  /// Realised P&L of the fills of one order (a sell), or nil when none realised anything.
  public func realizedPnl(ofOrder clientOrderId: String) -> Decimal? {
    let parts = realizations.filter { $0.clientOrderId == clientOrderId }
    return parts.isEmpty ? nil : parts.reduce(Decimal(0)) { $0 + $1.pnl }
  }

  /// Net realised loss since `start` as a positive amount (0 when the period is net profitable).
  public func realizedLoss(since start: UnixTime) -> Decimal {
    Swift.max(0, -realizedPnl(since: start))
  }

  /// Total cost basis of the open positions, quote units.
  public var totalExposure: Decimal {
    open.values.reduce(Decimal(0)) { $0 + $1.costBasis }
  }

  /// Closed round trips with a profit and with a loss (break-even counts as neither).
  public func roundTrips(symbol: String? = nil) -> (wins: Int, losses: Int) {
    var wins = 0
    var losses = 0
    for position in closed where symbol == nil || position.symbol == symbol {
      if position.realizedPnl > 0 { wins += 1 } else if position.realizedPnl < 0 { losses += 1 }
    }
    return (wins, losses)
  }
}
