public import AutoEngineCore
import Synchronization

/// Whether a configured coin's symbol was found trading on its exchange, and which symbol is used.
public struct SymbolResolution: Hashable, Sendable {
  /// Outcome of checking a symbol against its exchange.
  public enum Availability: String, Hashable, Sendable {
    /// Not checked yet (or the exchange could not be asked).
    case unchecked
    /// The symbol exists and trades.
    case trading
    /// The exchange does not list the symbol.
    case missing
    /// Listed but not trading (halted, delisted, cancel-only).
    case notTrading = "not_trading"
    /// Missing or not trading, and the configured successor is used instead.
    case successor
  }

  /// The configured symbol.
  public var symbol: String
  /// The symbol used on the exchange.
  public var activeSymbol: String
  /// The outcome.
  public var availability: Availability
  /// Detail for people, e.g. "MATIC-USD is not listed; using its successor POL-USD".
  public var detail: String

  /// Creates a resolution.
  public init(symbol: String, activeSymbol: String, availability: Availability, detail: String = "") {
    self.symbol = symbol
    self.activeSymbol = activeSymbol
    self.availability = availability
    self.detail = detail
  }

  /// Resolves `coin` against the listings of its exchange (`listings` keyed by symbol).
  public static func resolve(_ coin: Coin, listings: [String: SymbolListing]) -> SymbolResolution {
    if let listing = listings[coin.symbol], listing.isTrading {
      return SymbolResolution(symbol: coin.symbol, activeSymbol: coin.symbol, availability: .trading)
    }
    let problem =
      listings[coin.symbol].map { "\(coin.symbol) is listed but not trading (status \($0.status))" }
      ?? "\(coin.symbol) is not listed on \(coin.exchange.displayName)"
    if let successor = coin.successorSymbol, let listing = listings[successor], listing.isTrading {
      return SymbolResolution(
        symbol: coin.symbol, activeSymbol: successor, availability: .successor,
        detail: "\(problem); using its successor \(successor)")
    }
    let availability: Availability = listings[coin.symbol] == nil ? .missing : .notTrading
    let hint = coin.successorSymbol.map { "; its successor \($0) is not trading either" } ?? ""
    return SymbolResolution(
      symbol: coin.symbol, activeSymbol: coin.symbol, availability: availability, detail: problem + hint)
  }
}

/// The symbol resolution of every configured coin, written once at start-up and read by the API.
public final class SymbolDirectory: Sendable {
  private let entries = Mutex([String: SymbolResolution]())

  /// Creates an empty directory (every coin unchecked).
  public init() {}

  /// Stores resolutions.
  public func record(_ resolutions: [SymbolResolution]) {
    entries.withLock { all in
      for resolution in resolutions { all[resolution.symbol] = resolution }
    }
  }

  /// The resolution of a configured symbol; unchecked when none was recorded.
  public func resolution(of symbol: String) -> SymbolResolution {
    entries.withLock { $0[symbol] } ?? SymbolResolution(symbol: symbol, activeSymbol: symbol, availability: .unchecked)
  }

  /// Configured symbols that are missing or not trading and have no usable successor.
  public var unavailable: [String] {
    entries.withLock { all in
      all.values.filter { $0.availability == .missing || $0.availability == .notTrading }.map(\.symbol).sorted()
    }
  }
}
