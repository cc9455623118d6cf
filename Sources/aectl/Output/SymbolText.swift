/// The assets of an exchange symbol, for units in tables: "BTC-USD" → BTC/USD, "BTCUSDT" →
/// BTC/USDT.
enum SymbolText {
  /// Quote assets recognised at the end of a symbol without a dash, longest first.
  private static let quotes = ["USDT", "USDC", "BUSD", "USD", "BTC", "ETH", "EUR"]

  /// The quote asset of `symbol`, or "" when it cannot be told.
  static func quote(of symbol: String) -> String {
    if let dash = symbol.lastIndex(of: "-") { return String(symbol[symbol.index(after: dash)...]) }
    return quotes.first { symbol.hasSuffix($0) && symbol.count > $0.count } ?? ""
  }

  /// The base asset of `symbol`, or "" when it cannot be told.
  static func base(of symbol: String) -> String {
    if let dash = symbol.firstIndex(of: "-") { return String(symbol[..<dash]) }
    let quote = quote(of: symbol)
    return quote.isEmpty ? "" : String(symbol.dropLast(quote.count))
  }
}
