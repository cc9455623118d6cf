import AutoEngineCore
import FoundationEssentials

extension BacktestReport {
  /// The report as JSON: sorted keys, money as exact numbers rounded to 8 places, ratios with
  /// 4 decimals, percentages with 4, times in RFC 3339 UTC. Byte-identical for the same input
  /// (run time and speed are left out); the equity curve is given daily (00:00 UTC) plus the end.
  public var json: String {
    ReportJSON.object([
      "definitions": .object([
        "ratios": .string(
          "Sharpe and Sortino: daily returns of mark-to-market equity at 00:00 UTC, risk-free rate 0, annualised by sqrt(365)"
        ),
        "return": .string("(final equity - starting capital) / starting capital; a coin's: its P&L / starting capital"),
        "drawdown": .string("largest fall of hourly mark-to-market equity from its previous peak"),
        "trade": .string("a closed round trip; P&L realised, fees included"),
        "refusals": .string("refused buys as the desk journals them: once per coin and reason until it changes"),
        "strategies": .string("closed trades whose buy had the strategy among its top contributors"),
      ]),
      "period": .object([
        "start": .time(start), "end": .time(end), "days": .fixed(days, 4), "candles": .int(candles),
        "strategies": .int(strategyCount), "coins": .int(coins.count),
      ]),
      "settings": .object(settings.mapValues { .string($0) }),
      "total": totalsJSON,
      "coins": .array(coins.map(\.json)),
      "strategies": .array(
        strategies.map { result in
          ReportJSON.object([
            "strategy": .string("\(result.strategy)"), "trades": .int(result.trades), "wins": .int(result.wins),
            "pnl": .money(result.pnl),
          ])
        }),
      "equityDaily": .array(
        equityCurve.enumerated().compactMap { offset, point in
          guard point.time.seconds.truncatingRemainder(dividingBy: 86_400) == 0 || offset == equityCurve.count - 1
          else { return nil }
          return ReportJSON.object(["time": .time(point.time), "equity": .fixed(point.equity, 2)])
        }),
      "journal": journal.map { check in
        ReportJSON.object([
          "orders": .int(check.orders), "fills": .int(check.fills), "decisions": .int(check.decisions),
          "matchesPositions": .bool(check.matchesPositions),
        ])
      } ?? .null,
    ]).text() + "\n"
  }

  private var totalsJSON: ReportJSON {
    let t = totals
    return .object([
      "startingCapital": .money(t.startingCapital), "finalEquity": .money(t.finalEquity),
      "realisedPnl": .money(t.realisedPnl), "unrealisedPnl": .money(t.unrealisedPnl), "fees": .money(t.fees),
      "returnPercent": .fixed(t.returnPercent, 4), "maxDrawdownPercent": .fixed(t.maxDrawdownPercent, 4),
      "maxDrawdown": .fixed(t.maxDrawdownAmount, 2), "sharpe": t.sharpe.map { .fixed($0, 4) } ?? .null,
      "sortino": t.sortino.map { .fixed($0, 4) } ?? .null, "exposurePercent": .fixed(t.exposurePercent, 4),
      "trades": .int(t.trades), "wins": .int(t.wins), "losses": .int(t.losses), "buys": .int(t.buys),
      "winRatePercent": t.winRatePercent.map { .fixed($0, 4) } ?? .null, "openPositions": .int(t.openPositions),
      "bestTrade": t.bestTrade.map(\.json) ?? .null, "worstTrade": t.worstTrade.map(\.json) ?? .null,
      "exits": .counts(t.exits), "refusals": .counts(t.refusals), "failures": .counts(t.failures),
    ])
  }
}

extension BacktestReport.CoinResult {
  var json: ReportJSON {
    .object([
      "symbol": .string(symbol), "exchange": .string(exchange.rawValue), "source": .string(source),
      "candles": .int(candles), "trades": .int(trades), "wins": .int(wins), "losses": .int(losses),
      "winRatePercent": winRatePercent.map { .fixed($0, 4) } ?? .null, "realisedPnl": .money(realisedPnl),
      "unrealisedPnl": .money(unrealisedPnl), "fees": .money(fees), "returnPercent": .fixed(returnPercent, 4),
      "maxDrawdown": .fixed(maxDrawdown, 2), "exposurePercent": .fixed(exposurePercent, 4),
      "bestTrade": bestTrade.map(ReportJSON.money) ?? .null, "worstTrade": worstTrade.map(ReportJSON.money) ?? .null,
      "exits": .counts(exits), "refusals": .counts(refusals), "failures": .counts(failures),
      "positionOpen": .bool(positionOpen),
    ])
  }
}

extension BacktestReport.TradeMark {
  var json: ReportJSON { .object(["symbol": .string(symbol), "pnl": .money(pnl), "time": .time(time)]) }
}
