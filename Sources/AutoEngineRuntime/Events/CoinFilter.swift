public import AutoEngineCore

/// Which coins a request or subscription selects: some symbols and/or one exchange.
public struct CoinFilter: Hashable, Sendable {
  /// Only these configured symbols (upper-cased); nil for all.
  public var symbols: Set<String>?
  /// Only coins of this exchange; nil for all.
  public var exchange: Exchange?

  /// Creates a filter; an empty symbol list means all symbols.
  public init(symbols: [String] = [], exchange: Exchange? = nil) {
    self.symbols = symbols.isEmpty ? nil : Set(symbols.map { $0.uppercased() })
    self.exchange = exchange
  }

  /// Every coin.
  public static let all = CoinFilter()

  /// Whether `coin` is selected.
  public func matches(_ coin: Coin) -> Bool {
    if let exchange, coin.exchange != exchange { return false }
    if let symbols, !symbols.contains(coin.symbol.uppercased()) { return false }
    return true
  }
}
