/// The base and quote assets a trading symbol names, under one exchange's spelling convention.
///
/// Coinbase writes `BASE-QUOTE` (`BTC-USD`); Binance.US writes them together (`BTCUSDT`) and the
/// quote is recognised as a known suffix (USDT, USDC, USD or BTC, longest match first).
/// Assets are upper-case ASCII letters and digits.
public struct MarketSymbol: Hashable, Sendable, CustomStringConvertible {
  /// The asset bought or sold, e.g. `BTC`.
  public var base: String
  /// The asset prices and amounts are expressed in, e.g. `USD` or `USDT`.
  public var quote: String

  /// Creates a pair from its two assets (upper-cased).
  public init(base: String, quote: String) {
    self.base = base.uppercased()
    self.quote = quote.uppercased()
  }

  /// Splits `symbol` into base and quote by `exchange`'s convention, case-insensitively.
  ///
  /// Returns `nil` when the symbol does not follow the convention: a Coinbase symbol needs
  /// exactly one dash between two non-empty assets; a Binance.US symbol must end with a known
  /// quote asset and have a non-empty base before it. Only letters and digits are accepted in
  /// assets.
  public init?(parsing symbol: String, on exchange: Exchange) {
    let upper = symbol.uppercased()
    switch exchange {
    case .coinbase:
      let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2 else { return nil }
      self.init(base: String(parts[0]), quote: String(parts[1]))
    case .binanceUS:
      guard
        let quote = exchange.knownQuoteAssets.first(where: {
          upper.hasSuffix($0) && upper.count > $0.count
        })
      else { return nil }
      self.init(base: String(upper.dropLast(quote.count)), quote: quote)
    }
    guard Self.isAsset(base), Self.isAsset(quote) else { return nil }
  }

  /// The symbol spelled by `exchange`'s convention: `BTC-USD` on Coinbase, `BTCUSDT` on Binance.US.
  public func symbol(on exchange: Exchange) -> String {
    switch exchange {
    case .coinbase: "\(base)-\(quote)"
    case .binanceUS: "\(base)\(quote)"
    }
  }

  public var description: String { "\(base)/\(quote)" }

  private static func isAsset(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ("A"..."Z").contains($0) || ("0"..."9").contains($0)
      }
  }
}
