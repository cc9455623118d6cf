import AutoEngineCore
import AutoEngineRuntime
import Foundation

/// The engine's trading board as Redis carries it to API replicas: exact, so that a replica's
/// coin states map to the same trading block (position, average entry, unrealised P&L…) as the
/// engine's. The contract's `CoinTradingState` is derived (no cost basis, P&L already at a
/// price), so the domain snapshot is carried instead.
///
/// One line per coin with trading activity (the others are flat):
/// `<SYMBOL> <quantity> <cost basis> <realised P&L today> <cooldown until> <open orders> <last trade>`,
/// decimals as `Decimal` prints them (`.` separator, exact), times in Unix seconds (`-` when none).
enum TradingBoardText {
  /// The text of every snapshot, sorted by symbol.
  static func encode(_ all: [String: CoinTradingSnapshot]) -> String {
    all.sorted { $0.key < $1.key }.map { symbol, snapshot in
      [
        symbol, "\(snapshot.positionQuantity)", "\(snapshot.costBasis)", "\(snapshot.realizedPnlToday)",
        snapshot.cooldownUntil.map { "\($0.seconds)" } ?? "-", String(snapshot.openOrders),
        snapshot.lastTradeAt.map { "\($0.seconds)" } ?? "-",
      ].joined(separator: " ")
    }.joined(separator: "\n")
  }

  /// The snapshots of `text`; malformed lines are skipped.
  static func decode(_ text: String) -> [String: CoinTradingSnapshot] {
    var all: [String: CoinTradingSnapshot] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ").map(String.init)
      guard fields.count == 7, let quantity = decimal(fields[1]), let cost = decimal(fields[2]),
        let realized = decimal(fields[3]), let openOrders = Int(fields[5])
      else { continue }
      all[fields[0]] = CoinTradingSnapshot(
        positionQuantity: quantity, costBasis: cost, realizedPnlToday: realized, cooldownUntil: time(fields[4]),
        openOrders: openOrders, lastTradeAt: time(fields[6]))
    }
    return all
  }

  private static func decimal(_ text: String) -> Decimal? {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
  }

  private static func time(_ text: String) -> UnixTime? {
    Double(text).map(UnixTime.init(seconds:))
  }
}
