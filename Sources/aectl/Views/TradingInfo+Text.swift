import AutoEngineAPI

extension Autoengine_V1_TradingInfo {
  /// Mode, autobuy, totals, balances, positions, open orders, per-coin statistics and rules.
  func text(_ style: TextStyle) -> String {
    var details = Details()
    details.append("mode", "\(ContractLabel.of(mode).lowercased()) (broker: \(broker))")
    details.append(
      "autobuy",
      autobuyRunning
        ? style.paint("running", .green) + " since \(NumberText.time(hasAutobuyStartedAt ? autobuyStartedAt : nil))"
        : "stopped")
    if killSwitchActive { details.append("kill switch", style.paint("ACTIVE: \(killSwitchReason)", .red)) }
    let t = totals
    details.append(
      "trades",
      "\(t.tradesAttempted) attempted, \(t.tradesSucceeded) succeeded, \(t.tradesFailed) failed, "
        + "\(t.tradesRefused) refused")
    details.append(
      "P&L",
      "realised \(NumberText.money(t.realizedPnl, signed: true)), unrealised "
        + "\(NumberText.money(t.unrealizedPnl, signed: true)) (quote assets summed)")
    details.append(
      "round trips", "\(t.wins) won, \(t.losses) lost, win rate \(NumberText.percent(t.winRate * 100, signed: false))")
    var text = details.render(style)

    var balanceTable = Table(["ASSET", "FREE>", "LOCKED>"])
    for balance in balances {
      balanceTable.append([
        Table.Cell(balance.asset), Table.Cell(Self.amount(balance.free, of: balance.asset)),
        Table.Cell(Self.amount(balance.locked, of: balance.asset)),
      ])
    }
    text += "\n" + style.paint("Balances", .bold) + "\n" + balanceTable.render(style)
    text += "\n" + style.paint("Open positions (\(positions.count))", .bold) + "\n"
    if !positions.isEmpty {
      var table = Table(Autoengine_V1_Position.rowTitles)
      for position in positions { table.append(position.rowCells()) }
      text += table.render(style)
    }
    text += "\n" + style.paint("Open orders (\(openOrders.count))", .bold) + "\n"
    if !openOrders.isEmpty {
      var table = Table(Autoengine_V1_Order.rowTitles)
      for order in openOrders { table.append(order.rowCells()) }
      text += table.render(style)
    }
    if !perCoin.isEmpty {
      var table = Table(["SYMBOL", "ATTEMPTED>", "SUCCEEDED>", "FAILED>", "REFUSED>", "REALISED>", "WINS>", "LOSSES>"])
      for coin in perCoin {
        table.append([
          Table.Cell(coin.symbol), Table.Cell("\(coin.tradesAttempted)"), Table.Cell("\(coin.tradesSucceeded)"),
          Table.Cell("\(coin.tradesFailed)"), Table.Cell("\(coin.tradesRefused)"),
          Table.Cell(
            NumberText.money(coin.realizedPnl, SymbolText.quote(of: coin.symbol), signed: true),
            ContractLabel.colour(ofSigned: coin.realizedPnl)),
          Table.Cell("\(coin.wins)"), Table.Cell("\(coin.losses)"),
        ])
      }
      text += "\n" + style.paint("Per coin", .bold) + "\n" + table.render(style)
    }
    text += "\n" + style.paint("Risk rules", .bold) + "\n" + risk.details().render(style)
    return text
  }
}

extension Autoengine_V1_TradingInfo {
  /// Assets shown with two decimals; coins show every significant decimal.
  private static let cashAssets: Set<String> = ["USD", "USDT", "USDC", "BUSD", "EUR"]

  /// An amount of `asset`: money for cash, a quantity for a coin.
  static func amount(_ text: String, of asset: String) -> String {
    cashAssets.contains(asset) ? NumberText.money(text) : NumberText.quantity(text)
  }
}

extension Autoengine_V1_RiskSettings {
  /// The rules as labelled values with units.
  func details() -> Details {
    var details = Details()
    details.append(
      "thresholds",
      "confidence ≥ \(NumberText.ratio(minConfidence)) (cap \(NumberText.ratio(maxConfidence))), strength ≥ "
        + NumberText.ratio(minSignalStrength))
    details.append("cooldown", NumberText.duration(Double(cooldownSeconds)))
    details.append(
      "exits",
      "stop-loss \(NumberText.percent(stopLossPct, signed: false)), take-profit "
        + "\(NumberText.percent(takeProfitPct, signed: false)), trailing stop "
        + NumberText.percent(trailingStopPct, signed: false))
    details.append(
      "limits",
      "\(maxOpenPositions) open positions, exposure \(NumberText.money(maxTotalExposure)), daily loss "
        + NumberText.money(dailyLossLimit))
    details.append("open-order timeout", NumberText.duration(Double(openOrderTimeoutSeconds)))
    return details
  }
}

extension Autoengine_V1_AutobuyStateResponse {
  /// "autobuy started (paper mode)", noting when nothing changed.
  func text(_ style: TextStyle) -> String {
    let state = autobuyRunning ? style.paint("running", .green) : "stopped"
    return "\(message) — autobuy \(state)\(changed ? "" : " (unchanged)")\n"
  }
}

extension Autoengine_V1_TradeEvent {
  /// One line describing the event.
  func line(_ style: TextStyle) -> String {
    let prefix = style.paint("#\(sequence) \(NumberText.clock(hasTime ? time : nil))", .dim)
    switch event {
    case .snapshot(let snapshot):
      return "\(prefix) snapshot: \(snapshot.openOrders.count) open orders, \(snapshot.positions.count) positions, "
        + "autobuy \(snapshot.autobuyRunning ? "running" : "stopped")"
    case .order(let order):
      return "\(prefix) order \(order.clientOrderID) \(ContractLabel.of(order.side)) \(order.symbol) "
        + "\(order.requestedAmount) → \(ContractLabel.of(order.status))"
        + (order.failureReason.isEmpty ? "" : ": \(order.failureReason)")
    case .fill(let fill):
      let quote = SymbolText.quote(of: fill.symbol)
      return
        "\(prefix) fill \(ContractLabel.of(fill.side)) \(NumberText.quantity(fill.baseQuantity, SymbolText.base(of: fill.symbol))) "
        + "\(fill.symbol) at \(NumberText.price(fill.price, quote)) (order \(fill.clientOrderID))"
    case .decision(let trade):
      return "\(prefix) decision \(ContractLabel.of(trade.outcome)) \(ContractLabel.of(trade.side)) \(trade.symbol): "
        + trade.reason
    case .position(let position):
      let quote = SymbolText.quote(of: position.symbol)
      return "\(prefix) position \(position.symbol) \(NumberText.quantity(position.baseQuantity)) at "
        + "\(NumberText.price(position.averageEntryPrice, quote)), unrealised "
        + NumberText.money(position.unrealizedPnl, quote, signed: true)
    case .autobuy(let change):
      return "\(prefix) autobuy \(change.autobuyRunning ? "running" : "stopped")"
        + "\(change.killSwitchActive ? ", kill switch active" : ""): \(change.reason)"
    case .heartbeat:
      return "\(prefix) heartbeat"
    case nil:
      return "\(prefix) (unknown event)"
    }
  }
}
