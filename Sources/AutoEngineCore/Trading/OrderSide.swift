/// Which way an order trades the coin's base asset.
///
/// The raw value is the spelling of the exchanges and of the REST bridge (`"BUY"`, `"SELL"`).
public enum OrderSide: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Spend the quote asset to get the base asset.
  case buy = "BUY"
  /// Sell the base asset for the quote asset.
  case sell = "SELL"

  public var description: String { rawValue }
}

/// How an order is priced.
///
/// The raw value is the journal's and the REST bridge's spelling (`"MARKET"`, `"LIMIT"`).
public enum OrderType: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Fills at once at the best available price (immediate-or-cancel).
  case market = "MARKET"
  /// Fills at `limitPrice` or better, good till cancelled.
  case limit = "LIMIT"

  public var description: String { rawValue }
}

/// Who or what placed an order or made a trade decision.
///
/// The raw value is the journal's spelling.
public enum OrderOrigin: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// Autobuy entry on an aggregated BUY signal.
  case autobuy
  /// Automatic exit: SELL signal, stop-loss, take-profit or trailing stop.
  case exit
  /// An operator, through `PlaceOrder` / `POST /api/trading/order`.
  case manual

  public var description: String { rawValue }
}
