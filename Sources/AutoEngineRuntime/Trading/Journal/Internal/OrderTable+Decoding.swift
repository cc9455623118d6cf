internal import AutoEngineCore
internal import FoundationEssentials

extension OrderTable {
  /// The order of an orders-table row, with `fills` (its fills, oldest first).
  ///
  /// The stored totals (`filled_base`, `filled_quote`, `fees`) are restored as saved, so an order
  /// reads back exactly as it was written even if a caller set them apart from its fills.
  func decodeOrder(_ row: StoredRow, fills: [Fill]) throws(JournalError) -> Order {
    let amountValue = try row.decimal("amount")
    let amount: OrderAmount
    switch try row.text("amount_kind") {
    case "quote": amount = .quote(amountValue)
    case "base": amount = .base(amountValue)
    case let other: throw row.corrupt("amount_kind", "'\(other)' is neither 'quote' nor 'base'")
    }
    var order = Order(
      clientOrderId: try row.text("client_order_id"), symbol: try row.text("symbol"),
      exchange: try row.enumValue("exchange", as: Exchange.self), baseAsset: try row.text("base_asset"),
      quoteAsset: try row.text("quote_asset"), side: try row.enumValue("side", as: OrderSide.self),
      type: try row.enumValue("type", as: OrderType.self), amount: amount,
      limitPrice: try row.optionalDecimal("limit_price"), origin: try row.enumValue("origin", as: OrderOrigin.self),
      reason: try row.text("reason"), createdAt: try row.time("created_at"),
      mode: try row.enumValue("mode", as: TradingMode.self))
    order.exchangeOrderId = try row.optionalText("exchange_order_id")
    order.status = try row.enumValue("status", as: OrderStatus.self)
    order.failureReason = try row.optionalText("failure_reason")
    order.updatedAt = try row.time("updated_at")
    order.setFills(fills)
    order.filledBase = try row.decimal("filled_base")
    order.filledQuote = try row.decimal("filled_quote")
    order.fees = try row.decimal("fees")
    return order
  }

  /// The fill of a fills-table row.
  func decodeFill(_ row: StoredRow) throws(JournalError) -> Fill {
    Fill(
      tradeId: try row.text("trade_id"), clientOrderId: try row.text("client_order_id"),
      symbol: try row.text("symbol"), side: try row.enumValue("side", as: OrderSide.self),
      price: try row.decimal("price"), baseQuantity: try row.decimal("base_quantity"),
      quoteQuantity: try row.decimal("quote_quantity"), fee: try row.decimal("fee"),
      feeAsset: try row.text("fee_asset"), time: try row.time("time"))
  }
}
