import AutoEngineCore
import FoundationEssentials

extension BacktestReport {
  /// The report as a plain-text table for a terminal: one row per coin, a total row, then the
  /// portfolio figures, the strategies' contributions and the refusals.
  public var table: String {
    var lines: [String] = []
    let header = [
      "coin", "candles", "trades", "win %", "realised P&L", "unrealised", "fees", "return %", "max DD", "exposure %",
      "best", "worst",
    ]
    var rows: [[String]] = coins.map { coin in
      [
        coin.symbol, "\(coin.candles)", "\(coin.trades)", percent(coin.winRatePercent),
        BacktestText.money(coin.realisedPnl, places: 2), BacktestText.money(coin.unrealisedPnl, places: 2),
        BacktestText.money(coin.fees, places: 2), NumberText.fixed(coin.returnPercent, decimals: 3),
        NumberText.fixed(coin.maxDrawdown, decimals: 2), NumberText.fixed(coin.exposurePercent, decimals: 1),
        coin.bestTrade.map { BacktestText.money($0, places: 2) } ?? "—",
        coin.worstTrade.map { BacktestText.money($0, places: 2) } ?? "—",
      ]
    }
    let t = totals
    rows.append(
      [
        "TOTAL", "\(coins.reduce(0) { $0 + $1.candles })", "\(t.trades)", percent(t.winRatePercent),
        BacktestText.money(t.realisedPnl, places: 2), BacktestText.money(t.unrealisedPnl, places: 2),
        BacktestText.money(t.fees, places: 2), NumberText.fixed(t.returnPercent, decimals: 3),
        "\(NumberText.fixed(t.maxDrawdownPercent, decimals: 2)) %", NumberText.fixed(t.exposurePercent, decimals: 1),
        t.bestTrade.map { BacktestText.money($0.pnl, places: 2) } ?? "—",
        t.worstTrade.map { BacktestText.money($0.pnl, places: 2) } ?? "—",
      ])
    lines += Self.aligned([header] + rows, separatorAfter: [0, rows.count - 1])
    lines.append("")
    lines.append(
      "period \(BacktestText.minute(start)) → \(BacktestText.minute(end)) UTC (\(NumberText.fixed(days, decimals: 1)) days), "
        + "\(candles) candles, \(coins.count) coins, \(strategyCount) strategies")
    lines.append(
      "equity \(BacktestText.money(t.startingCapital, places: 2)) → \(BacktestText.money(t.finalEquity, places: 2)) "
        + "(\(NumberText.fixed(t.returnPercent, decimals: 3)) %), max drawdown \(NumberText.fixed(t.maxDrawdownPercent, decimals: 2)) % "
        + "(\(NumberText.fixed(t.maxDrawdownAmount, decimals: 2))), exposure \(NumberText.fixed(t.exposurePercent, decimals: 1)) %"
    )
    lines.append(
      "Sharpe \(t.sharpe.map { NumberText.fixed($0, decimals: 2) } ?? "—"), Sortino \(t.sortino.map { NumberText.fixed($0, decimals: 2) } ?? "—") "
        + "(daily returns at 00:00 UTC, annualised ×√365, risk-free 0)")
    lines.append(
      "buys \(t.buys), trades \(t.trades) (\(t.wins) won, \(t.losses) lost), open at end \(t.openPositions); "
        + "exits: \(Self.list(t.exits))")
    if let best = t.bestTrade, let worst = t.worstTrade {
      lines.append(
        "best trade \(best.symbol) \(BacktestText.money(best.pnl, places: 2)) at \(BacktestText.minute(best.time)), "
          + "worst \(worst.symbol) \(BacktestText.money(worst.pnl, places: 2)) at \(BacktestText.minute(worst.time))")
    }
    lines.append("refused buys by reason: \(Self.list(t.refusals))")
    if !t.failures.isEmpty { lines.append("failed orders: \(Self.list(t.failures))") }
    if !strategies.isEmpty {
      lines.append("")
      lines.append("strategies among the top contributors of closed trades (most trades first):")
      let strategyRows = strategies.prefix(15).map { result in
        [
          "\(result.strategy)", "\(result.trades)", "\(result.wins)", BacktestText.money(result.pnl, places: 2),
        ]
      }
      lines += Self.aligned([["strategy", "trades", "won", "P&L of those trades"]] + strategyRows, separatorAfter: [0])
    }
    if let journal {
      lines.append("")
      lines.append(
        "journal: \(journal.orders) orders, \(journal.fills) fills, \(journal.decisions) decisions; positions rebuilt "
          + "from its fills \(journal.matchesPositions ? "match" : "DO NOT match")")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func percent(_ value: Double?) -> String { value.map { NumberText.fixed($0, decimals: 1) } ?? "—" }

  private static func list(_ counts: [String: Int]) -> String {
    counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }

  /// Rows padded to column widths (first column left, others right), with a rule after the given rows.
  private static func aligned(_ rows: [[String]], separatorAfter: Set<Int>) -> [String] {
    guard let columns = rows.first?.count else { return [] }
    let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines: [String] = []
    for (index, row) in rows.enumerated() {
      let cells = row.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }
      lines.append(cells.joined(separator: "  "))
      if separatorAfter.contains(index) {
        lines.append(String(repeating: "─", count: widths.reduce(0, +) + 2 * (columns - 1)))
      }
    }
    return lines
  }
}
