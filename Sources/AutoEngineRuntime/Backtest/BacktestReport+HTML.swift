import AutoEngineCore
import Foundation

extension BacktestReport {
  /// A self-contained HTML page (no script, no external resource): the summary, the equity
  /// curve and the drawdown as inline SVG, the per-coin table and the strategies.
  public var html: String {
    let points = Self.thinned(equityCurve, to: 1_500)
    var peak = -Double.infinity
    let drawdowns = points.map { point -> Double in
      peak = Swift.max(peak, point.equity)
      return peak > 0 ? (point.equity - peak) / peak * 100 : 0
    }
    let t = totals
    let summary = [
      (
        "Period",
        "\(BacktestText.minute(start)) → \(BacktestText.minute(end)) UTC (\(NumberText.fixed(days, decimals: 1)) days)"
      ),
      ("Candles", "\(candles) (\(coins.count) coins, \(strategyCount) strategies)"),
      (
        "Equity",
        "\(BacktestText.money(t.startingCapital, places: 2)) → \(BacktestText.money(t.finalEquity, places: 2))"
      ),
      ("Return", "\(NumberText.fixed(t.returnPercent, decimals: 3)) %"),
      (
        "Realised P&L",
        "\(BacktestText.money(t.realisedPnl, places: 2)) (fees \(BacktestText.money(t.fees, places: 2)))"
      ),
      ("Max drawdown", "\(NumberText.fixed(t.maxDrawdownPercent, decimals: 2)) %"),
      (
        "Sharpe / Sortino",
        "\(t.sharpe.map { NumberText.fixed($0, decimals: 2) } ?? "—") / \(t.sortino.map { NumberText.fixed($0, decimals: 2) } ?? "—") (daily, ×√365)"
      ),
      ("Trades", "\(t.trades), win rate \(t.winRatePercent.map { NumberText.fixed($0, decimals: 1) + " %" } ?? "—")"),
      ("Exposure", "\(NumberText.fixed(t.exposurePercent, decimals: 1)) %"),
    ]
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Backtest report</title>
      <style>
      body{font-family:system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:1em 0}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}
      td:first-child,th:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd}
      .neg{color:#b00}.pos{color:#070}
      </style></head><body>
      <h1>Backtest report</h1>
      <table>
      """
    for (name, value) in summary { page += "<tr><th>\(name)</th><td>\(Self.escaped(value))</td></tr>\n" }
    page += "</table>\n<h2>Equity</h2>\n"
    page += Self.chart(points.map(\.equity), times: points.map(\.time), colour: "#1565c0", fill: false)
    page += "<h2>Drawdown (%)</h2>\n"
    page += Self.chart(drawdowns, times: points.map(\.time), colour: "#c62828", fill: true)
    page +=
      "<h2>Coins</h2>\n<table><tr><th>coin</th><th>trades</th><th>win %</th><th>realised P&amp;L</th><th>return %</th><th>max DD</th><th>exposure %</th></tr>\n"
    for coin in coins {
      let sign = coin.realisedPnl < 0 ? "neg" : "pos"
      page +=
        "<tr><td>\(Self.escaped(coin.symbol))</td><td>\(coin.trades)</td><td>\(coin.winRatePercent.map { NumberText.fixed($0, decimals: 1) } ?? "—")</td>"
        + "<td class=\"\(sign)\">\(BacktestText.money(coin.realisedPnl, places: 2))</td><td>\(NumberText.fixed(coin.returnPercent, decimals: 3))</td>"
        + "<td>\(NumberText.fixed(coin.maxDrawdown, decimals: 2))</td><td>\(NumberText.fixed(coin.exposurePercent, decimals: 1))</td></tr>\n"
    }
    page +=
      "</table>\n<h2>Strategies in the top contributors of closed trades</h2>\n<table><tr><th>strategy</th><th>trades</th><th>won</th><th>P&amp;L</th></tr>\n"
    for result in strategies {
      page +=
        "<tr><td>\(result.strategy)</td><td>\(result.trades)</td><td>\(result.wins)</td><td>\(BacktestText.money(result.pnl, places: 2))</td></tr>\n"
    }
    page +=
      "</table>\n<p>Refused buys by reason: \(Self.escaped(t.refusals.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))</p>\n"
    return page + "</body></html>\n"
  }

  /// At most `limit` points of `curve`, evenly picked, always keeping the last.
  private static func thinned(_ curve: [(time: UnixTime, equity: Double)], to limit: Int) -> [(
    time: UnixTime, equity: Double
  )] {
    guard curve.count > limit else { return curve }
    let step = Double(curve.count - 1) / Double(limit - 1)
    return (0..<limit).map { curve[Int((Double($0) * step).rounded())] }
  }

  /// A line chart of `values` over `times` as inline SVG, with the range labelled.
  private static func chart(_ values: [Double], times: [UnixTime], colour: String, fill: Bool) -> String {
    let width = 900.0, height = 260.0, margin = 50.0
    guard let low = values.min(), let high = values.max(), let first = times.first, let last = times.last else {
      return "<p>no data</p>\n"
    }
    let span = Swift.max(last.since(first), 1)
    let range = high - low > 0 ? high - low : 1
    func x(_ time: UnixTime) -> Double { margin + time.since(first) / span * (width - 2 * margin) }
    func y(_ value: Double) -> Double { height - margin / 2 - (value - low) / range * (height - margin) }
    var path = zip(times, values).map {
      "\(NumberText.fixed(x($0), decimals: 1)),\(NumberText.fixed(y($1), decimals: 1))"
    }
    .joined(separator: " ")
    if fill {
      path =
        "\(NumberText.fixed(x(first), decimals: 1)),\(NumberText.fixed(y(Swift.min(0, high)), decimals: 1)) " + path
        + " \(NumberText.fixed(x(last), decimals: 1)),\(NumberText.fixed(y(Swift.min(0, high)), decimals: 1))"
    }
    let shape =
      fill
      ? "<polygon points=\"\(path)\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\"/>"
      : "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">
      \(shape)
      <text x="4" y="\(NumberText.fixed(y(high) + 4, decimals: 1))" font-size="11">\(NumberText.fixed(high, decimals: 2))</text>
      <text x="4" y="\(NumberText.fixed(y(low), decimals: 1))" font-size="11">\(NumberText.fixed(low, decimals: 2))</text>
      <text x="\(Int(margin))" y="\(Int(height) - 2)" font-size="11">\(BacktestText.minute(first))</text>
      <text x="\(Int(width - margin - 90))" y="\(Int(height) - 2)" font-size="11">\(BacktestText.minute(last))</text>
      </svg>

      """
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
