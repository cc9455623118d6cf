import AutoEngineCore
import AutoEngineRuntime
import Foundation
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// Trading messages ↔ domain values, and the REST bridge's reading of order bodies (no journal,
/// no server).
@Suite struct TradingMappingTests {
  static let time = UnixTime(seconds: 1_736_806_011)

  @Test func decimalStringsAreParsedStrictly() throws {
    #expect(try DecimalText.parse("10", field: "quoteAmount") == 10)
    #expect(try DecimalText.parse("0.001", field: "baseAmount") == Decimal(string: "0.001"))
    #expect(try DecimalText.parse("-5", field: "limitPrice") == -5)
    #expect(try DecimalText.parse(".5", field: "limitPrice") == Decimal(string: "0.5"))
    #expect(try DecimalText.parse("", field: "quoteAmount") == nil)
    for bad in ["ten", "1e3", " 10", "10 ", "10,5", "1.2.3", "+", ".", "0x10", "5-", "١٠"] {
      #expect(
        throws: EngineError(.invalidArgument, "quoteAmount '\(bad)' is not a decimal number, e.g. \"10\" or \"0.001\"")
      ) {
        _ = try DecimalText.parse(bad, field: "quoteAmount")
      }
    }
  }

  @Test func placeOrderRequestBecomesAManualOrder() throws {
    var request = Autoengine_V1_PlaceOrderRequest.with {
      $0.symbol = "BTCUSDT"
      $0.side = .buy
      $0.quoteAmount = "10"
    }
    let market = try ManualOrder(request)
    #expect(market == ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 10, type: .market))
    request.type = .limit
    request.limitPrice = "40000.5"
    request.clientOrderID = "my-order-1"
    let limit = try ManualOrder(request)
    #expect(limit.type == .limit && limit.limitPrice == Decimal(string: "40000.5"))
    #expect(limit.clientOrderId == "my-order-1")
    request.side = .unspecified
    #expect(throws: EngineError(.invalidArgument, "side is required (BUY or SELL)")) { try ManualOrder(request) }
    request.side = .sell
    request.quoteAmount = "ten"
    #expect(throws: EngineError.self) { try ManualOrder(request) }
    do {
      _ = try ManualOrder(request)
    } catch {
      #expect(error.message.contains("quoteAmount 'ten' is not a decimal number"))
    }
  }

  @Test func pageLimitsDefaultTo100AndStopAt1000() throws {
    #expect(try PageLimit.resolve(0) == 100)
    #expect(try PageLimit.resolve(1) == 1)
    #expect(try PageLimit.resolve(1000) == 1000)
    #expect(throws: EngineError.self) { try PageLimit.resolve(1001) }
    #expect(throws: EngineError.self) { try OrderQuery(.with { $0.limit = 5000 }) }
    #expect(throws: EngineError.self) { try DecisionQuery(.with { $0.limit = 5000 }) }
    #expect(throws: EngineError.self) { try OrderQuery(.with { $0.statuses = [.UNRECOGNIZED(42)] }) }
  }

  @Test func watchFilterChecksSymbolsAndSpellsThemAsEventsDo() throws {
    let filter = try TradeEventHub.Filter(
      .with {
        $0.symbols = ["btcusdt", "ETH-USD"]
        $0.includeRefused = true
      }, catalogue: .defaults)
    #expect(filter.symbols.isSuperset(of: ["BTCUSDT", "ETH-USD"]))
    #expect(filter.includeRefused)
    #expect(throws: EngineError.self) {
      try TradeEventHub.Filter(.with { $0.symbols = ["DOGE-EUR"] }, catalogue: .defaults)
    }
  }

  @Test func orderMapsEveryField() throws {
    let coin = try #require(CoinCatalogue.defaults.coin(forSymbol: "BTCUSDT"))
    var order = Order(
      clientOrderId: "ae-1", coin: coin, side: .buy, type: .limit, amount: .quote(100), limitPrice: 40_000,
      origin: .manual, reason: "manual LIMIT BUY of 100 quote", createdAt: Self.time, mode: .paper)
    order.status = .partiallyFilled
    order.exchangeOrderId = "paper-7"
    order.apply(
      Fill(
        tradeId: "t-1", clientOrderId: "ae-1", symbol: "BTCUSDT", side: .buy, price: 40_000, baseQuantity: 0.001,
        quoteQuantity: 40, fee: Decimal(string: "0.04")!, feeAsset: "USDT", time: Self.time.adding(5)))
    let proto = Autoengine_V1_Order(order)
    #expect(proto.clientOrderID == "ae-1" && proto.exchangeOrderID == "paper-7")
    #expect(proto.symbol == "BTCUSDT" && proto.exchange == .binanceUs)
    #expect(proto.side == .buy && proto.type == .limit && proto.status == .partiallyFilled)
    #expect(proto.quoteAmount == "100" && proto.baseAmount.isEmpty && proto.limitPrice == "40000")
    #expect(proto.filledBase == "0.001" && proto.filledQuote == "40" && proto.averageFillPrice == "40000")
    #expect(proto.fees == "0.04" && proto.origin == .manual && proto.mode == .paper)
    #expect(proto.reason == "manual LIMIT BUY of 100 quote" && proto.failureReason.isEmpty)
    #expect(proto.createdAt.seconds == 1_736_806_011 && proto.updatedAt.seconds == 1_736_806_016)
    #expect(proto.fills.map(\.tradeID) == ["t-1"])
    #expect(proto.fills[0].feeAsset == "USDT" && proto.fills[0].price == "40000" && proto.fills[0].side == .buy)
    let json = try proto.jsonString()
    #expect(json.contains(#""status":"ORDER_STATUS_PARTIALLY_FILLED""#))
    #expect(json.contains(#""clientOrderId":"ae-1""#))
  }

  @Test func positionLeavesUnknownAndDisabledPricesEmpty() {
    var position = Position(symbol: "ETH-USD", exchange: .coinbase, openedAt: Self.time)
    position.baseQuantity = 2
    position.costBasis = 6000
    position.highestPrice = 3300
    let unknown = Autoengine_V1_Position(PositionReport(position: position, currentPrice: nil))
    #expect(unknown.currentPrice.isEmpty && unknown.marketValue == "6000" && unknown.unrealizedPnl == "0")
    #expect(unknown.unrealizedPnlPct == 0)
    #expect(unknown.stopLossPrice.isEmpty && unknown.takeProfitPrice.isEmpty && unknown.trailingStopPrice.isEmpty)
    #expect(unknown.averageEntryPrice == "3000" && unknown.highestPrice == "3300" && !unknown.hasClosedAt)
    let priced = Autoengine_V1_Position(
      PositionReport(position: position, currentPrice: 3300, stopLossPrice: 2850, takeProfitPrice: 3300))
    #expect(priced.currentPrice == "3300" && priced.marketValue == "6600" && priced.unrealizedPnl == "600")
    #expect(abs(priced.unrealizedPnlPct - 10) < 1e-9)
    #expect(priced.stopLossPrice == "2850" && priced.takeProfitPrice == "3300" && priced.trailingStopPrice.isEmpty)
    #expect(priced.exchange == .coinbase && priced.openedAt.seconds == 1_736_806_011)
  }

  @Test func tradeOfABuyHasNoRealizedPnl() {
    let decision = TradeDecision(
      id: "d-1", time: Self.time, symbol: "SOLUSDT", exchange: .binanceUS, side: .buy, outcome: .refused,
      origin: .autobuy, reason: "refused: cooldown until 12:04:10", reasonCode: "cooldown", price: 150,
      signal: SignalSnapshot(action: .buy, strength: 0.71, confidence: 0.82), topStrategies: ["P37", "P12"])
    let trade = Autoengine_V1_Trade(decision)
    #expect(trade.id == "d-1" && trade.outcome == .refused && trade.origin == .autobuy && trade.side == .buy)
    #expect(trade.clientOrderID.isEmpty && trade.quoteAmount.isEmpty && trade.price == "150")
    #expect(trade.realizedPnl.isEmpty)
    #expect(trade.signalConfidence == 0.82 && trade.signalStrength == 0.71 && trade.topStrategies == ["P37", "P12"])
  }

  @Test func riskSettingsComeFromTheConfiguration() {
    let risk = Autoengine_V1_RiskSettings(EngineConfiguration.defaults)
    #expect(risk.minConfidence == 0.7 && risk.maxConfidence == 0.95 && risk.minSignalStrength == 0.6)
    #expect(risk.cooldownSeconds == 300 && risk.openOrderTimeoutSeconds == 300)
    #expect(risk.stopLossPct == 5 && risk.takeProfitPct == 10 && risk.trailingStopPct == 3)
    #expect(risk.maxOpenPositions == 10 && risk.maxTotalExposure == "20000" && risk.dailyLossLimit == "500")
  }

  @Test func statisticsCarryCountsReasonsAndWinRate() {
    var statistics = TradingStatistics(symbol: "BTCUSDT")
    statistics.attempted = 4
    statistics.succeeded = 3
    statistics.failed = 1
    statistics.refused = 12
    statistics.reasons = ["cooldown": 12, "INSUFFICIENT_FUND": 1]
    statistics.realizedPnl = Decimal(string: "-12.5")!
    statistics.wins = 3
    statistics.losses = 1
    let proto = Autoengine_V1_TradingStatistics(statistics)
    #expect(proto.symbol == "BTCUSDT" && proto.tradesAttempted == 4 && proto.tradesSucceeded == 3)
    #expect(proto.tradesFailed == 1 && proto.tradesRefused == 12)
    #expect(proto.reasons == ["cooldown": 12, "INSUFFICIENT_FUND": 1])
    #expect(proto.realizedPnl == "-12.5" && proto.unrealizedPnl == "0" && proto.winRate == 0.75)
    #expect(Autoengine_V1_TradingStatistics(TradingStatistics()).symbol.isEmpty)
  }

  @Test func tradeEventsAreNumberedAndNamedByKind() {
    let state = AutobuyState(
      running: true, killSwitchActive: false, reason: "started by operator", startedAt: Self.time)
    let event = Autoengine_V1_TradeEvent(sequence: 7, event: .autobuy(state), now: Self.time)
    #expect(event.sequence == 7 && event.kind == "autobuy" && event.autobuy.autobuyRunning)
    #expect(event.autobuy.reason == "started by operator")
    let beat = Autoengine_V1_TradeEvent(heartbeatAt: Self.time, sequence: 8)
    #expect(beat.kind == "heartbeat" && beat.time.seconds == 1_736_806_011)
  }
}
