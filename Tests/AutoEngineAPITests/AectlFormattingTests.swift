import AutoEngineAPI
import GRPCCore
import SwiftProtobuf
import Testing

@testable import aectl

/// aectl's formatting, tables and live board, in process.
@Suite struct AectlFormattingTests {
  @Test func pricesMoneyAndQuantitiesCarryTheirUnits() {
    #expect(NumberText.price("91292.684", "USD") == "91,292.68 USD")
    #expect(NumberText.price("13.84", "USDT") == "13.8400 USDT")
    #expect(NumberText.price("0.0229196", "USD") == "0.022920 USD")
    #expect(NumberText.price("0.00001234", "USD") == "0.00001234 USD")
    #expect(NumberText.price("", "USD") == "—")
    #expect(NumberText.price("not a number", "USD") == "not a number")
    #expect(NumberText.money("-1234.565", "USD", signed: true) == "-1,234.57 USD")
    #expect(NumberText.money("12.3", "USD", signed: true) == "+12.30 USD")
    #expect(NumberText.quantity("0.000109450", "BTC") == "0.00010945 BTC")
    #expect(NumberText.quantity("5", "ETH") == "5 ETH")
    #expect(NumberText.percent(1.2345) == "+1.23 %")
    #expect(NumberText.percent(-0.5) == "-0.50 %")
    #expect(NumberText.percent(nil) == "—")
    #expect(NumberText.percent(.nan) == "—")
    #expect(NumberText.count(1_234_567) == "1,234,567")
    #expect(NumberText.duration(3723) == "1 h 02 min")
    #expect(NumberText.duration(42) == "42 s")
  }

  @Test func tablesAlignColumnsAndColourOnlyTheText() {
    var table = Table(["SYMBOL", "PRICE>", "ACTION"])
    table.append([Table.Cell("BTC-USD"), Table.Cell("91,292.68 USD"), Table.Cell("BUY", .green)])
    table.append([Table.Cell("ADA-USD"), Table.Cell("0.7186 USD"), Table.Cell("")])
    #expect(
      table.lines(.plain) == [
        "SYMBOL           PRICE  ACTION",
        "BTC-USD  91,292.68 USD  BUY",
        "ADA-USD     0.7186 USD  —",
      ])
    let coloured = table.lines(TextStyle(colour: true))
    #expect(coloured[1] == "BTC-USD  91,292.68 USD  \u{1B}[32mBUY\u{1B}[0m")
  }

  @Test func contractLabelsAndArguments() {
    #expect(ContractLabel.of(Autoengine_V1_OrderStatus.partiallyFilled) == "PARTIALLY_FILLED")
    #expect(ContractLabel.of(Autoengine_V1_Action.unspecified) == "")
    #expect(ContractLabel.of(Autoengine_V1_OrderStatus.UNRECOGNIZED(42)) == "#42")
    #expect(ContractLabel.of(Autoengine_V1_Exchange.binanceUs) == "binanceus")
    #expect(OrderStatusArgument(argument: "ORDER_STATUS_PARTIALLY_FILLED") == .partiallyFilled)
    #expect(OrderStatusArgument(argument: "partially_filled") == .partiallyFilled)
    #expect(ExchangeArgument(argument: "EXCHANGE_BINANCE_US") == .binanceus)
    #expect(SideArgument(argument: "SELL") == .sell)
    #expect(SideArgument(argument: "hold") == nil)
    #expect(SymbolText.quote(of: "BTCUSDT") == "USDT" && SymbolText.base(of: "BTCUSDT") == "BTC")
    #expect(SymbolText.quote(of: "ETH-USD") == "USD" && SymbolText.base(of: "ETH-USD") == "ETH")
    #expect(CommandFailure.name(of: .notFound) == "NOT_FOUND")
  }

  @Test func reconnectionBacksOffFromHalfASecondToTenSeconds() {
    #expect(
      (1...7).map { StreamSession.backoff(attempt: $0) }
        == [0.5, 1, 2, 4, 8, 10, 10].map { .milliseconds(Int($0 * 1000)) })
    #expect(StreamSession.isWorthRetrying(RPCError(code: .unavailable, message: "")))
    #expect(!StreamSession.isWorthRetrying(RPCError(code: .notFound, message: "")))
    #expect(!StreamSession.isWorthRetrying(RPCError(code: .unauthenticated, message: "")))
  }

  @Test func theBoardKeepsTheNewestStateOfEachCoinWithPositionsAndStatus() {
    let board = CoinBoard(server: "127.0.0.1:50051")
    func coin(_ symbol: String, price: String, stale: Bool = false) -> Autoengine_V1_CoinState {
      .with {
        $0.symbol = symbol
        $0.baseAsset = "BTC"
        $0.quoteAsset = "USDT"
        $0.price = price
        $0.freshness.stale = stale
      }
    }
    board.apply(
      Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = 1
        $0.snapshot = true
        $0.states = [coin("BTCUSDT", price: "50000"), coin("ETHUSDT", price: "3000")]
      })
    board.note(.connected(reconnected: false))
    board.apply(
      Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = 3  // 2 was lost
        $0.states = [coin("BTCUSDT", price: "51000", stale: true)]
        $0.conflated = 4
      })
    board.apply(
      Autoengine_V1_TradeEvent.with {
        $0.sequence = 1
        $0.snapshot = .with {
          $0.positions = [
            .with {
              $0.symbol = "BTCUSDT"
              $0.baseQuantity = "0.01"
              $0.costBasis = "500"
            }
          ]
        }
      })
    let lines = board.lines(.plain)
    let btc = lines.first { $0.hasPrefix("BTCUSDT") }
    #expect(btc?.contains("51,000.00 USDT") == true)
    #expect(btc?.contains("STALE") == true)
    #expect(btc?.contains("0.01 BTC") == true)
    #expect(btc?.contains("+10.00 USDT") == true, "0.01 × 51,000 − 500")
    #expect(lines.first { $0.hasPrefix("ETHUSDT") }?.contains("3,000.00 USDT") == true)
    #expect(lines.last == "● connected · seq 3 · conflated 4 · gaps 1 · tick — · 2 coins, 1 stale")

    board.note(.reconnecting(reason: "connection refused", delay: .milliseconds(500), attempt: 1))
    #expect(lines.count == board.lines(.plain).count)
    #expect(
      board.lines(.plain).last?.hasPrefix("● connection refused; reconnecting in 0.5 s (attempt 1) · seq 3") == true)
  }
}
