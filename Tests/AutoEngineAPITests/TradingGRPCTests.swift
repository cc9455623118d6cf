import AutoEngineCore
import AutoEngineRuntime
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// TradingService over real HTTP/2 against a paper-trading desk on an in-memory journal.
@Suite struct TradingGRPCTests {
  static let token = "trading-token-1"
  static let access = APIAccessPolicy(token: token)

  /// The bearer token's metadata.
  static var authorized: Metadata {
    var metadata = Metadata()
    metadata.addString("Bearer \(token)", forKey: "authorization")
    return metadata
  }

  /// Runs `body` with a TradingService client of a server over a fresh paper desk whose BTCUSDT
  /// and ETH-USD prices are 50,000 and 3,000.
  private func withTrading(
    _ body:
      @Sendable (PaperTrading, Autoengine_V1_TradingService.Client<HTTP2ClientTransport.Posix>) async throws ->
      Void
  ) async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000, "ETH-USD": 3_000])
    try await withRunningServer(engine: trading.engine, access: Self.access) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        try await body(trading, Autoengine_V1_TradingService.Client(wrapping: client))
      }
    }
  }

  private func buy(_ symbol: String, quote: String, id: String = "") -> Autoengine_V1_PlaceOrderRequest {
    .with {
      $0.symbol = symbol
      $0.side = .buy
      $0.quoteAmount = quote
      $0.clientOrderID = id
    }
  }

  @Test func stateChangingRPCsAreClassifiedAsSuch() {
    for method in ["StartAutobuy", "StopAutobuy", "CancelOrders", "CancelAllOrders", "PlaceOrder"] {
      #expect(APIAccessPolicy.stateChangingRPCs.contains("autoengine.v1.TradingService/\(method)"))
    }
    for method in ["GetTradingInfo", "ListOrders", "ListPositions", "ListTrades", "WatchTradeEvents"] {
      #expect(!APIAccessPolicy.stateChangingRPCs.contains("autoengine.v1.TradingService/\(method)"))
    }
  }

  @Test func tradingInfoShowsModeBrokerRulesAndBalances() async throws {
    try await withTrading { _, service in
      let info = try await service.getTradingInfo(Autoengine_V1_GetTradingInfoRequest())
      #expect(!info.autobuyRunning && info.mode == .paper && info.broker == "paper")
      #expect(!info.killSwitchActive && info.killSwitchReason.isEmpty && !info.hasAutobuyStartedAt)
      #expect(info.risk.minConfidence == 0.7 && info.risk.cooldownSeconds == 300)
      #expect(info.risk.maxTotalExposure == "20000" && info.risk.openOrderTimeoutSeconds == 300)
      #expect(info.totals.tradesAttempted == 0 && info.totals.symbol.isEmpty && info.totals.winRate == 0)
      #expect(info.positions.isEmpty && info.openOrders.isEmpty)
      let balances = Dictionary(uniqueKeysWithValues: info.balances.map { ($0.asset, $0.free) })
      #expect(balances["USD"] == "10000" && balances["USDT"] == "10000")
    }
  }

  @Test func startAndStopAutobuyNeedTheTokenAndSayWhatChanged() async throws {
    try await withTrading { _, service in
      for call in [
        { _ = try await service.startAutobuy(Autoengine_V1_StartAutobuyRequest()) },
        { _ = try await service.stopAutobuy(Autoengine_V1_StopAutobuyRequest()) },
        { _ = try await service.placeOrder(self.buy("BTCUSDT", quote: "10")) },
        { _ = try await service.cancelOrders(.with { $0.symbol = "BTCUSDT" }) },
        { _ = try await service.cancelAllOrders(Autoengine_V1_CancelAllOrdersRequest()) },
      ] as [@Sendable () async throws -> Void] {
        await #expect { try await call() } throws: { ($0 as? RPCError)?.code == .unauthenticated }
      }
      let started = try await service.startAutobuy(Autoengine_V1_StartAutobuyRequest(), metadata: Self.authorized)
      #expect(started.autobuyRunning && started.changed && started.message == "autobuy started (paper mode)")
      let again = try await service.startAutobuy(Autoengine_V1_StartAutobuyRequest(), metadata: Self.authorized)
      #expect(again.autobuyRunning && !again.changed && again.message.contains("already running"))
      let info = try await service.getTradingInfo(Autoengine_V1_GetTradingInfoRequest())
      #expect(info.autobuyRunning && info.hasAutobuyStartedAt)
      let stopped = try await service.stopAutobuy(Autoengine_V1_StopAutobuyRequest(), metadata: Self.authorized)
      #expect(!stopped.autobuyRunning && stopped.changed && stopped.message.contains("positions are kept"))
      let stoppedAgain = try await service.stopAutobuy(Autoengine_V1_StopAutobuyRequest(), metadata: Self.authorized)
      #expect(!stoppedAgain.changed && stoppedAgain.message == "autobuy was not running")
    }
  }

  @Test func marketBuyByQuoteAmountFillsAndShowsInOrdersPositionsTradesAndInfo() async throws {
    try await withTrading { trading, service in
      let order = try await service.placeOrder(buy("BTCUSDT", quote: "100"), metadata: Self.authorized)
      #expect(order.status == .filled && order.side == .buy && order.type == .market && order.origin == .manual)
      #expect(order.quoteAmount == "100" && order.baseAmount.isEmpty && order.mode == .paper)
      #expect(!order.fills.isEmpty && !order.averageFillPrice.isEmpty && order.hasCreatedAt)
      #expect(try #require(Decimal(string: order.filledBase)) > 0)

      let orders = try await service.listOrders(Autoengine_V1_ListOrdersRequest())
      #expect(orders.orders.map(\.clientOrderID) == [order.clientOrderID] && orders.nextPageToken.isEmpty)
      let filled = try await service.listOrders(.with { $0.statuses = [.filled] })
      #expect(filled.orders.count == 1)
      #expect(try await service.listOrders(.with { $0.openOnly = true }).orders.isEmpty)
      #expect(try await service.listOrders(.with { $0.symbol = "ETH-USD" }).orders.isEmpty)

      let positions = try await service.listPositions(Autoengine_V1_ListPositionsRequest()).positions
      let position = try #require(positions.first)
      #expect(positions.count == 1 && position.symbol == "BTCUSDT" && position.exchange == .binanceUs)
      #expect(position.baseQuantity == order.filledBase && position.currentPrice == "50000")
      #expect(
        !position.stopLossPrice.isEmpty && !position.takeProfitPrice.isEmpty && position.trailingStopPrice.isEmpty)
      #expect(position.hasOpenedAt && !position.hasClosedAt && position.unrealizedPnlPct < 0)  // fees and slippage

      let trades = try await service.listTrades(Autoengine_V1_ListTradesRequest()).trades
      #expect(trades.count == 1 && trades[0].outcome == .executed && trades[0].origin == .manual)
      #expect(trades[0].clientOrderID == order.clientOrderID && trades[0].quoteAmount == "100")
      #expect(trades[0].realizedPnl.isEmpty)
      #expect(try await service.listTrades(.with { $0.outcome = .refused }).trades.isEmpty)

      await trading.observe(["BTCUSDT": 50_000])  // the trading loop's next tick refreshes the balances
      let info = try await service.getTradingInfo(Autoengine_V1_GetTradingInfoRequest())
      #expect(info.totals.tradesAttempted == 1 && info.totals.tradesSucceeded == 1 && info.totals.tradesFailed == 0)
      #expect(info.perCoin.map(\.symbol) == ["BTCUSDT"])
      #expect(info.positions.map(\.symbol) == ["BTCUSDT"] && info.openOrders.isEmpty)
      let usdt = try #require(info.balances.first { $0.asset == "USDT" })
      #expect(try #require(Decimal(string: usdt.free)) < 10_000)
    }
  }

  @Test func badInputsAnswerWithAMessageNamingTheProblem() async throws {
    try await withTrading { _, service in
      func refusal(_ request: Autoengine_V1_PlaceOrderRequest) async -> RPCError? {
        do {
          _ = try await service.placeOrder(request, metadata: Self.authorized)
          return nil
        } catch {
          return error as? RPCError
        }
      }
      let unknown = await refusal(buy("DOGEEUR", quote: "10"))
      #expect(unknown?.code == .notFound && unknown?.message.contains("DOGEEUR") == true)
      var both = buy("BTCUSDT", quote: "10")
      both.baseAmount = "0.001"
      let twoAmounts = await refusal(both)
      #expect(twoAmounts?.code == .invalidArgument && twoAmounts?.message.contains("exactly one") == true)
      let badNumber = await refusal(buy("BTCUSDT", quote: "ten"))
      #expect(badNumber?.code == .invalidArgument)
      #expect(badNumber?.message.contains("quoteAmount 'ten' is not a decimal number") == true)
      var noSide = buy("BTCUSDT", quote: "10")
      noSide.side = .unspecified
      let missingSide = await refusal(noSide)
      #expect(missingSide?.code == .invalidArgument && missingSide?.message == "side is required (BUY or SELL)")
      await #expect {
        _ = try await service.listOrders(.with { $0.limit = 5000 })
      } throws: { ($0 as? RPCError)?.code == .invalidArgument && ($0 as? RPCError)?.message.contains("5000") == true }
      let orders = try await service.listOrders(Autoengine_V1_ListOrdersRequest()).orders
      #expect(orders.isEmpty)  // nothing was placed
    }
  }

  @Test func aRepeatedClientOrderIdReturnsTheSameOrder() async throws {
    try await withTrading { _, service in
      let first = try await service.placeOrder(buy("ETH-USD", quote: "30", id: "retry-1"), metadata: Self.authorized)
      let second = try await service.placeOrder(buy("ETH-USD", quote: "30", id: "retry-1"), metadata: Self.authorized)
      #expect(first.clientOrderID == "retry-1" && second.clientOrderID == "retry-1")
      #expect(second.fills.map(\.tradeID) == first.fills.map(\.tradeID) && second.status == first.status)
      #expect(try await service.listOrders(Autoengine_V1_ListOrdersRequest()).orders.count == 1)
    }
  }

  @Test func cancelOrdersCancelsAnOpenLimitOrder() async throws {
    try await withTrading { _, service in
      var limit = buy("BTCUSDT", quote: "20")
      limit.type = .limit
      limit.limitPrice = "40000"
      let open = try await service.placeOrder(limit, metadata: Self.authorized)
      #expect(open.status == .open && open.limitPrice == "40000" && open.fills.isEmpty)
      #expect(try await service.getTradingInfo(Autoengine_V1_GetTradingInfoRequest()).openOrders.count == 1)
      let outcome = try await service.cancelOrders(.with { $0.symbol = "btcusdt" }, metadata: Self.authorized)
      #expect(outcome.cancelled.map(\.clientOrderID) == [open.clientOrderID] && outcome.failures.isEmpty)
      #expect(outcome.cancelled.first?.status == .cancelled)
      #expect(try await service.listOrders(.with { $0.openOnly = true }).orders.isEmpty)
      await #expect {
        _ = try await service.cancelOrders(.with { $0.symbol = "NOPE-USD" }, metadata: Self.authorized)
      } throws: { ($0 as? RPCError)?.code == .notFound && ($0 as? RPCError)?.message.contains("NOPE-USD") == true }
      let none = try await service.cancelAllOrders(Autoengine_V1_CancelAllOrdersRequest(), metadata: Self.authorized)
      #expect(none.cancelled.isEmpty && none.failures.isEmpty)
    }
  }
}
