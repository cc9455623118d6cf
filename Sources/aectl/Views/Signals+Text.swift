import AutoEngineAPI

extension Autoengine_V1_ListStrategiesResponse {
  /// The catalogue: one row per strategy.
  func text(_ style: TextStyle) -> String {
    var table = Table(["ID", "NAME", "CATEGORY", "WEIGHT>", "ENABLED", "RULE"])
    for strategy in strategies {
      table.append([
        Table.Cell(strategy.id), Table.Cell(strategy.name), Table.Cell(ContractLabel.of(strategy.category)),
        Table.Cell(NumberText.number(strategy.categoryWeight)),
        strategy.enabled ? Table.Cell("yes") : Table.Cell("no", .dim), Table.Cell(strategy.rule),
      ])
    }
    return table.render(style) + "\(strategies.count) \(strategies.count == 1 ? "strategy" : "strategies")\n"
  }
}

extension Autoengine_V1_AggregatedSignal {
  /// "BUY confidence 0.72, strength 0.61, score 0.30", the action coloured.
  func summary(_ style: TextStyle) -> String {
    let label = ContractLabel.of(action)
    return style.paint(label.isEmpty ? "not evaluated" : label, ContractLabel.colour(of: action))
      + " confidence \(NumberText.ratio(confidence)), strength \(NumberText.ratio(strength)), "
      + "score \(NumberText.number(score))"
  }
}

extension Autoengine_V1_CoinSignals {
  /// Strategies whose action is not HOLD, as "P12 BUY, P37 SELL".
  var fired: String {
    signals.filter { $0.action == .buy || $0.action == .sell }
      .map { "\($0.strategyID) \(ContractLabel.of($0.action))" }.joined(separator: ", ")
  }

  /// The aggregate, then one row per strategy.
  func text(_ style: TextStyle) -> String {
    var details = Details()
    details.append("coin", "\(symbol) on \(ContractLabel.of(exchange))")
    details.append("aggregate", aggregate.summary(style))
    details.append(
      "votes",
      "buy \(aggregate.buyCount), sell \(aggregate.sellCount), hold \(aggregate.holdCount), "
        + "missing inputs \(aggregate.missingInputCount)")
    details.append("evaluated", NumberText.time(hasEvaluatedAt ? evaluatedAt : nil))
    var table = Table(["ID", "NAME", "CATEGORY", "ACTION", "STR>", "CONF>", "REASON"])
    for signal in signals {
      table.append([
        Table.Cell(signal.strategyID), Table.Cell(signal.name), Table.Cell(ContractLabel.of(signal.category)),
        Table.Cell(ContractLabel.of(signal.action), ContractLabel.colour(of: signal.action)),
        Table.Cell(NumberText.ratio(signal.strength)), Table.Cell(NumberText.ratio(signal.confidence)),
        Table.Cell(signal.reason, signal.missingInput ? .dim : nil),
      ])
    }
    return details.render(style) + "\n" + table.render(style)
  }
}

extension Autoengine_V1_ListSignalsResponse {
  /// One row per coin: the aggregate and the strategies that fired.
  func text(_ style: TextStyle) -> String {
    var table = Table(["SYMBOL", "ACTION", "CONF>", "STR>", "SCORE>", "BUY>", "SELL>", "HOLD>", "FIRED"])
    for coin in coins {
      let aggregate = coin.aggregate
      table.append([
        Table.Cell(coin.symbol),
        Table.Cell(ContractLabel.of(aggregate.action), ContractLabel.colour(of: aggregate.action)),
        Table.Cell(NumberText.ratio(aggregate.confidence)), Table.Cell(NumberText.ratio(aggregate.strength)),
        Table.Cell(NumberText.number(aggregate.score)), Table.Cell("\(aggregate.buyCount)"),
        Table.Cell("\(aggregate.sellCount)"), Table.Cell("\(aggregate.holdCount)"), Table.Cell(coin.fired),
      ])
    }
    return table.render(style) + "\(NumberText.counted(coins.count, "coin")), as of \(NumberText.time(asOf))\n"
  }
}

extension Autoengine_V1_SignalsUpdate {
  /// One line per coin the message carries, or one line for a heartbeat.
  func lines(_ style: TextStyle) -> [String] {
    let prefix = style.paint("#\(sequence) \(NumberText.clock(hasTickTime ? tickTime : nil))", .dim)
    if heartbeat { return ["\(prefix) heartbeat"] }
    var lines = coins.map { coin in
      let fired = coin.fired
      return "\(prefix) \(coin.symbol) \(coin.aggregate.summary(style))\(fired.isEmpty ? "" : " — fired \(fired)")"
    }
    if snapshot { lines.insert("\(prefix) snapshot of \(NumberText.counted(coins.count, "coin"))", at: 0) }
    if conflated > 0 { lines.append("\(prefix) \(conflated) updates conflated by the server") }
    return lines
  }
}
