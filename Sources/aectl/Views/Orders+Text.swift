import AutoEngineAPI

extension Autoengine_V1_Order {
  /// Column titles matching `rowCells()`.
  static let rowTitles = [
    "CREATED", "CLIENT ORDER ID", "SYMBOL", "SIDE", "TYPE", "STATUS", "AMOUNT>", "LIMIT>", "FILLED>", "AVG PRICE>",
    "FEES>", "ORIGIN",
  ]

  /// The requested amount with its unit: the quote amount, else the base amount.
  var requestedAmount: String {
    quoteAmount.isEmpty
      ? NumberText.quantity(baseAmount, SymbolText.base(of: symbol))
      : NumberText.money(quoteAmount, SymbolText.quote(of: symbol))
  }

  /// The cells of one order's row.
  func rowCells() -> [Table.Cell] {
    let quote = SymbolText.quote(of: symbol)
    let statusColour: TextStyle.Colour? =
      switch status {
      case .filled: .green
      case .rejected, .failed: .red
      case .cancelled, .expired: .dim
      default: nil
      }
    return [
      Table.Cell(NumberText.time(hasCreatedAt ? createdAt : nil)), Table.Cell(clientOrderID), Table.Cell(symbol),
      Table.Cell(ContractLabel.of(side), side == .buy ? .green : .red), Table.Cell(ContractLabel.of(type)),
      Table.Cell(ContractLabel.of(status), statusColour), Table.Cell(requestedAmount),
      Table.Cell(NumberText.price(limitPrice, quote)),
      Table.Cell(NumberText.quantity(filledBase, SymbolText.base(of: symbol))),
      Table.Cell(NumberText.price(averageFillPrice, quote)), Table.Cell(NumberText.money(fees, quote)),
      Table.Cell(ContractLabel.of(origin)),
    ]
  }

  /// One order in detail, with its fills.
  func text(_ style: TextStyle) -> String {
    let quote = SymbolText.quote(of: symbol)
    var details = Details()
    details.append("order", "\(clientOrderID) (exchange id \(exchangeOrderID.isEmpty ? "—" : exchangeOrderID))")
    details.append(
      "what",
      "\(ContractLabel.of(side)) \(symbol) \(ContractLabel.of(type).lowercased()) for \(requestedAmount)"
        + (limitPrice.isEmpty ? "" : " at \(NumberText.price(limitPrice, quote))"))
    details.append("status", style.paint(ContractLabel.of(status), status == .filled ? .green : nil))
    details.append(
      "filled",
      "\(NumberText.quantity(filledBase, SymbolText.base(of: symbol))) for \(NumberText.money(filledQuote, quote)) "
        + "at \(NumberText.price(averageFillPrice, quote)), fees \(NumberText.money(fees, quote))")
    details.append("origin", "\(ContractLabel.of(origin)) (\(ContractLabel.of(mode).lowercased()) mode)")
    if !reason.isEmpty { details.append("reason", reason) }
    if !failureReason.isEmpty { details.append("failure", style.paint(failureReason, .red)) }
    details.append("created", NumberText.time(hasCreatedAt ? createdAt : nil))
    guard !fills.isEmpty else { return details.render(style) }
    var table = Table(["FILL", "TIME", "QUANTITY>", "PRICE>", "VALUE>", "FEE>"])
    for fill in fills {
      table.append([
        Table.Cell(fill.tradeID), Table.Cell(NumberText.time(fill.hasTime ? fill.time : nil)),
        Table.Cell(NumberText.quantity(fill.baseQuantity, SymbolText.base(of: symbol))),
        Table.Cell(NumberText.price(fill.price, quote)), Table.Cell(NumberText.money(fill.quoteQuantity, quote)),
        Table.Cell(NumberText.quantity(fill.fee, fill.feeAsset)),
      ])
    }
    return details.render(style) + "\n" + table.render(style)
  }
}

extension Autoengine_V1_ListOrdersResponse {
  /// One row per order, newest first, and how to fetch the next page.
  func text(_ style: TextStyle) -> String {
    var table = Table(Autoengine_V1_Order.rowTitles)
    for order in orders { table.append(order.rowCells()) }
    return table.render(style) + NumberText.counted(orders.count, "order") + PageHint.text(nextPageToken) + "\n"
  }
}

extension Autoengine_V1_CancelOrdersResponse {
  /// The cancelled orders and those that could not be cancelled.
  func text(_ style: TextStyle) -> String {
    var text = "\(NumberText.counted(cancelled.count, "order")) cancelled, \(failures.count) could not be cancelled\n"
    if !cancelled.isEmpty {
      var table = Table(Autoengine_V1_Order.rowTitles)
      for order in cancelled { table.append(order.rowCells()) }
      text += table.render(style)
    }
    if !failures.isEmpty {
      var table = Table(["CLIENT ORDER ID", "SYMBOL", "REASON"])
      for failure in failures {
        table.append([Table.Cell(failure.clientOrderID), Table.Cell(failure.symbol), Table.Cell(failure.reason, .red)])
      }
      text += table.render(style)
    }
    return text
  }
}

extension Autoengine_V1_Position {
  /// Column titles matching `rowCells()`.
  static let rowTitles = [
    "SYMBOL", "QUANTITY>", "ENTRY>", "PRICE>", "VALUE>", "UNREALISED>", "%>", "REALISED>", "STOP>", "TAKE>", "TRAIL>",
    "OPENED",
  ]

  /// The cells of one position's row.
  func rowCells() -> [Table.Cell] {
    let quote = SymbolText.quote(of: symbol)
    return [
      Table.Cell(symbol), Table.Cell(NumberText.quantity(baseQuantity, SymbolText.base(of: symbol))),
      Table.Cell(NumberText.price(averageEntryPrice, quote)), Table.Cell(NumberText.price(currentPrice, quote)),
      Table.Cell(NumberText.money(marketValue, quote)),
      Table.Cell(NumberText.money(unrealizedPnl, quote, signed: true), ContractLabel.colour(ofSigned: unrealizedPnl)),
      Table.Cell(NumberText.percent(unrealizedPnlPct), ContractLabel.colour(ofSigned: unrealizedPnlPct)),
      Table.Cell(NumberText.money(realizedPnl, quote, signed: true), ContractLabel.colour(ofSigned: realizedPnl)),
      Table.Cell(NumberText.price(stopLossPrice, quote)), Table.Cell(NumberText.price(takeProfitPrice, quote)),
      Table.Cell(NumberText.price(trailingStopPrice, quote)),
      Table.Cell(hasClosedAt ? "closed \(NumberText.time(closedAt))" : NumberText.time(hasOpenedAt ? openedAt : nil)),
    ]
  }
}

extension Autoengine_V1_ListPositionsResponse {
  /// One row per position, open first.
  func text(_ style: TextStyle) -> String {
    var table = Table(Autoengine_V1_Position.rowTitles)
    for position in positions { table.append(position.rowCells()) }
    let open = positions.filter { !$0.hasClosedAt }.count
    return table.render(style) + "\(NumberText.counted(positions.count, "position")), \(open) open\n"
  }
}

extension Autoengine_V1_Trade {
  /// The cells of one decision's row.
  func rowCells() -> [Table.Cell] {
    let quote = SymbolText.quote(of: symbol)
    let outcomeColour: TextStyle.Colour? =
      switch outcome {
      case .executed: .green
      case .failed: .red
      default: .dim
      }
    return [
      Table.Cell(NumberText.time(hasTime ? time : nil)), Table.Cell(symbol),
      Table.Cell(ContractLabel.of(side), side == .buy ? .green : .red),
      Table.Cell(ContractLabel.of(outcome), outcomeColour), Table.Cell(ContractLabel.of(origin)),
      Table.Cell(
        quoteAmount.isEmpty
          ? NumberText.quantity(baseAmount, SymbolText.base(of: symbol)) : NumberText.money(quoteAmount, quote)),
      Table.Cell(NumberText.price(price, quote)),
      Table.Cell(NumberText.money(realizedPnl, quote, signed: true), ContractLabel.colour(ofSigned: realizedPnl)),
      Table.Cell(NumberText.ratio(signalConfidence)), Table.Cell(reason),
    ]
  }
}

extension Autoengine_V1_ListTradesResponse {
  /// One row per decision, newest first, and how to fetch the next page.
  func text(_ style: TextStyle) -> String {
    var table = Table([
      "TIME", "SYMBOL", "SIDE", "OUTCOME", "ORIGIN", "AMOUNT>", "PRICE>", "REALISED>", "CONF>", "REASON",
    ])
    for trade in trades { table.append(trade.rowCells()) }
    return table.render(style) + NumberText.counted(trades.count, "decision") + PageHint.text(nextPageToken) + "\n"
  }
}

/// The footer of a paged list.
enum PageHint {
  /// ", more with --page-token T" when there is a next page.
  static func text(_ token: String) -> String {
    token.isEmpty ? "" : "; more with --page-token \(token)"
  }
}
