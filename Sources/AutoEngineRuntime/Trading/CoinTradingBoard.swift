public import AutoEngineCore
public import FoundationEssentials
import Synchronization

/// One coin's trading state as coin-state readers see it: position, P&L today, cooldown, orders.
public struct CoinTradingSnapshot: Hashable, Sendable {
  /// Base quantity held; 0 when flat.
  public var positionQuantity: Decimal
  /// Cost of the quantity held, fees included, quote units; 0 when flat.
  public var costBasis: Decimal
  /// Realised profit or loss of the coin since 00:00 UTC, quote units.
  public var realizedPnlToday: Decimal
  /// Autobuy will not buy the coin before this time; nil when no cooldown runs.
  public var cooldownUntil: UnixTime?
  /// Orders of the coin not final yet.
  public var openOrders: Int
  /// When the coin last filled; nil if never.
  public var lastTradeAt: UnixTime?

  /// A snapshot of its parts.
  public init(
    positionQuantity: Decimal, costBasis: Decimal, realizedPnlToday: Decimal, cooldownUntil: UnixTime?,
    openOrders: Int, lastTradeAt: UnixTime?
  ) {
    self.positionQuantity = positionQuantity
    self.costBasis = costBasis
    self.realizedPnlToday = realizedPnlToday
    self.cooldownUntil = cooldownUntil
    self.openOrders = openOrders
    self.lastTradeAt = lastTradeAt
  }

  /// A coin with nothing held, no order, no trade.
  public static let flat = CoinTradingSnapshot(
    positionQuantity: 0, costBasis: 0, realizedPnlToday: 0, cooldownUntil: nil, openOrders: 0, lastTradeAt: nil)

  /// Average entry price (cost basis ÷ quantity); nil when flat.
  public var averageEntryPrice: Decimal? { positionQuantity > 0 ? costBasis / positionQuantity : nil }

  /// Unrealised P&L at `price` (quantity × price − cost basis), quote units; 0 when flat, nil
  /// when a position has no price.
  public func unrealizedPnl(at price: Decimal?) -> Decimal? {
    guard positionQuantity > 0 else { return 0 }
    return price.map { positionQuantity * $0 - costBasis }
  }
}

/// The desk's per-coin trading snapshots, readable from any thread without awaiting the desk
/// (coin-state mapping reads it for every message). Keyed by the traded symbol.
public final class CoinTradingBoard: Sendable {
  private let snapshots = Mutex<(all: [String: CoinTradingSnapshot], generation: UInt64)>(([:], 0))

  /// An empty board.
  public init() {}

  /// The snapshot of `symbol`: `.flat` when the coin has no trading activity.
  public func snapshot(of symbol: String) -> CoinTradingSnapshot {
    snapshots.withLock { $0.all[symbol.uppercased()] } ?? .flat
  }

  /// Replaces every snapshot (coins absent from `all` read as flat).
  public func replace(_ all: [String: CoinTradingSnapshot]) {
    let keyed = Dictionary(all.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { _, new in new })
    snapshots.withLock {
      $0.all = keyed
      $0.generation &+= 1
    }
  }

  /// Changes on every `replace`: equal generations mean equal snapshots.
  public var generation: UInt64 { snapshots.withLock { $0.generation } }

  /// Every coin with trading activity (the others read as flat), by traded symbol.
  public var all: [String: CoinTradingSnapshot] { snapshots.withLock { $0.all } }
}
