import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_Trade {
  /// The contract's form of a trade decision: the one place this message is mapped.
  /// `realized_pnl` is set for sells that filled, empty otherwise.
  init(_ decision: TradeDecision) {
    self.init()
    id = decision.id
    time = .init(decision.time)
    symbol = decision.symbol
    exchange = .init(decision.exchange)
    side = .init(decision.side)
    outcome = .init(decision.outcome)
    origin = .init(decision.origin)
    reason = decision.reason
    clientOrderID = decision.clientOrderId ?? ""
    quoteAmount = decision.quoteAmount?.decimalString ?? ""
    baseAmount = decision.baseAmount?.decimalString ?? ""
    price = decision.price?.decimalString ?? ""
    realizedPnl = decision.realizedPnl?.decimalString ?? ""
    signalConfidence = decision.signal.confidence
    signalStrength = decision.signal.strength
    topStrategies = decision.topStrategies
  }
}

extension Autoengine_V1_TradeOutcome {
  /// The contract's outcome enum.
  init(_ outcome: TradeOutcome) {
    switch outcome {
    case .executed: self = .executed
    case .refused: self = .refused
    case .failed: self = .failed
    }
  }

  /// The domain outcome; nil for UNSPECIFIED (meaning "every outcome" in a filter).
  ///
  /// - Throws: INVALID_ARGUMENT for a number the contract does not define.
  func domain() throws(EngineError) -> TradeOutcome? {
    switch self {
    case .unspecified: nil
    case .executed: .executed
    case .refused: .refused
    case .failed: .failed
    case .UNRECOGNIZED(let number):
      throw EngineError(.invalidArgument, "outcome \(number) is not one of EXECUTED, REFUSED, FAILED")
    }
  }
}

extension Autoengine_V1_ListTradesResponse {
  /// One page of trade decisions, newest first.
  init(_ page: JournalPage<TradeDecision>) {
    self.init()
    trades = page.items.map(Autoengine_V1_Trade.init)
    nextPageToken = page.nextPageToken ?? ""
  }
}

extension Autoengine_V1_ListOrdersResponse {
  /// One page of orders, newest first.
  init(_ page: JournalPage<Order>) {
    self.init()
    orders = page.items.map(Autoengine_V1_Order.init)
    nextPageToken = page.nextPageToken ?? ""
  }
}

extension Autoengine_V1_ListPositionsResponse {
  /// Positions, open ones first.
  init(_ reports: [PositionReport]) {
    self.init()
    positions = reports.map(Autoengine_V1_Position.init)
  }
}
