import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_Order {
  /// The contract's form of an order and its fills: the one place this message is mapped.
  ///
  /// Absent values are empty strings: the amount that was not given, the limit price of a market
  /// order, the average fill price before the first fill, the exchange id before acceptance.
  init(_ order: Order) {
    self.init()
    clientOrderID = order.clientOrderId
    exchangeOrderID = order.exchangeOrderId ?? ""
    symbol = order.symbol
    exchange = .init(order.exchange)
    side = .init(order.side)
    type = .init(order.type)
    status = .init(order.status)
    quoteAmount = order.amount.quoteAmount?.decimalString ?? ""
    baseAmount = order.amount.baseAmount?.decimalString ?? ""
    limitPrice = order.limitPrice?.decimalString ?? ""
    filledBase = order.filledBase.decimalString
    filledQuote = order.filledQuote.decimalString
    averageFillPrice = order.averageFillPrice?.decimalString ?? ""
    fees = order.fees.decimalString
    origin = .init(order.origin)
    reason = order.reason
    failureReason = order.failureReason ?? ""
    createdAt = .init(order.createdAt)
    updatedAt = .init(order.updatedAt)
    fills = order.fills.map(Autoengine_V1_Fill.init)
    mode = .init(order.mode)
  }
}

extension Autoengine_V1_Fill {
  /// The contract's form of one execution.
  init(_ fill: Fill) {
    self.init()
    tradeID = fill.tradeId
    clientOrderID = fill.clientOrderId
    symbol = fill.symbol
    side = .init(fill.side)
    price = fill.price.decimalString
    baseQuantity = fill.baseQuantity.decimalString
    quoteQuantity = fill.quoteQuantity.decimalString
    fee = fill.fee.decimalString
    feeAsset = fill.feeAsset
    time = .init(fill.time)
  }
}

extension Autoengine_V1_Side {
  /// The contract's side enum.
  init(_ side: OrderSide) {
    switch side {
    case .buy: self = .buy
    case .sell: self = .sell
    }
  }
}

extension Autoengine_V1_OrderType {
  /// The contract's order type enum.
  init(_ type: OrderType) {
    switch type {
    case .market: self = .market
    case .limit: self = .limit
    }
  }
}

extension Autoengine_V1_OrderStatus {
  /// The contract's order status enum.
  init(_ status: OrderStatus) {
    switch status {
    case .intent: self = .intent
    case .submitted: self = .submitted
    case .open: self = .open
    case .partiallyFilled: self = .partiallyFilled
    case .filled: self = .filled
    case .cancelled: self = .cancelled
    case .rejected: self = .rejected
    case .failed: self = .failed
    case .expired: self = .expired
    }
  }

  /// The domain status; nil for UNSPECIFIED (meaning "every status" in a filter).
  ///
  /// - Throws: INVALID_ARGUMENT for a number the contract does not define.
  func domain() throws(EngineError) -> OrderStatus? {
    switch self {
    case .unspecified: nil
    case .intent: .intent
    case .submitted: .submitted
    case .open: .open
    case .partiallyFilled: .partiallyFilled
    case .filled: .filled
    case .cancelled: .cancelled
    case .rejected: .rejected
    case .failed: .failed
    case .expired: .expired
    case .UNRECOGNIZED(let number):
      throw EngineError(.invalidArgument, "order status \(number) is not one of the contract's OrderStatus values")
    }
  }
}

extension Autoengine_V1_OrderOrigin {
  /// The contract's origin enum.
  init(_ origin: OrderOrigin) {
    switch origin {
    case .autobuy: self = .autobuy
    case .exit: self = .exit
    case .manual: self = .manual
    }
  }
}

extension Autoengine_V1_TradingMode {
  /// The contract's trading mode enum.
  init(_ mode: TradingMode) {
    switch mode {
    case .paper: self = .paper
    case .live: self = .live
    }
  }
}
