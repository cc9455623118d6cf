/// Whether and how an exchange lists a symbol, from its product list or exchange information.
public struct SymbolListing: Hashable, Sendable {
  /// Exchange symbol.
  public var symbol: String
  /// True when the symbol can be traded now (Coinbase: status online and not trading-disabled
  /// or cancel-only; Binance.US: status TRADING).
  public var isTrading: Bool
  /// The exchange's own status word, e.g. "online", "TRADING", "BREAK", "delisted".
  public var status: String
  /// Base asset, e.g. "BTC".
  public var baseAsset: String
  /// Quote asset, e.g. "USD".
  public var quoteAsset: String

  /// Creates a listing.
  public init(symbol: String, isTrading: Bool, status: String, baseAsset: String, quoteAsset: String) {
    self.symbol = symbol
    self.isTrading = isTrading
    self.status = status
    self.baseAsset = baseAsset
    self.quoteAsset = quoteAsset
  }
}
