import AutoEngineCore
import AutoEngineRuntime
import Foundation
import SwiftProtobuf

extension Autoengine_V1_Position {
  /// The contract's form of a position with the market figures of the moment.
  ///
  /// The current price is empty when unknown (then the market value is the cost basis and the
  /// unrealised P&L 0); the stop-loss, take-profit and trailing-stop prices are empty when their
  /// rule is disabled (the trailing stop also while it is not armed); `closed_at` is absent while
  /// the position is open.
  init(_ report: PositionReport) {
    self.init()
    let position = report.position
    symbol = position.symbol
    exchange = .init(position.exchange)
    baseQuantity = position.baseQuantity.decimalString
    averageEntryPrice = position.averageEntryPrice.decimalString
    costBasis = position.costBasis.decimalString
    currentPrice = report.currentPrice?.decimalString ?? ""
    marketValue = report.marketValue.decimalString
    unrealizedPnl = report.unrealizedPnl.decimalString
    if position.costBasis > 0 { unrealizedPnlPct = (report.unrealizedPnl / position.costBasis * 100).doubleValue }
    realizedPnl = position.realizedPnl.decimalString
    highestPrice = position.highestPrice.decimalString
    stopLossPrice = report.stopLossPrice?.decimalString ?? ""
    takeProfitPrice = report.takeProfitPrice?.decimalString ?? ""
    trailingStopPrice = report.trailingStopPrice?.decimalString ?? ""
    openedAt = .init(position.openedAt)
    if let closedAt = position.closedAt { self.closedAt = .init(closedAt) }
  }
}

extension Autoengine_V1_Balance {
  /// The contract's form of one asset's balance.
  init(_ balance: AssetBalance) {
    self.init()
    asset = balance.asset
    free = balance.free.decimalString
    locked = balance.locked.decimalString
  }
}

extension Decimal {
  /// The nearest `Double`, for analytics fields (percentages) that the contract carries as doubles.
  var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
