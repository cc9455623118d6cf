public import AutoEngineCore
public import FoundationEssentials
import Synchronization

/// The latest price of each symbol, as the paper broker fills against it.
///
/// The trading desk writes a price here for every coin state it observes; the paper broker reads
/// it when an order arrives or is looked up. Thread-safe (a `Mutex`).
public final class PaperPrices: Sendable {
  private let prices = Mutex<[String: Decimal]>([:])

  /// An empty price table.
  public init() {}

  /// Sets the price of `symbol`, quote units per base unit.
  public func set(_ price: Decimal, for symbol: String) {
    prices.withLock { $0[symbol] = price }
  }

  /// The latest price of `symbol`, or nil before the first.
  public func price(of symbol: String) -> Decimal? {
    prices.withLock { $0[symbol] }
  }
}
