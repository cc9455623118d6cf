import AutoEngineRuntime
import Foundation
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// `aectl trading …` as a subprocess against an in-process server over a paper desk whose
/// BTCUSDT and ETH-USD prices are 50,000 and 3,000.
@Suite struct AectlTradingTests {
  static let token = "aectl-token-1"

  /// The environment that authorises state-changing calls.
  static let authorized = ["AECTL_TOKEN": token]

  /// Runs `body` with the gRPC port of a server over a fresh paper desk.
  private func withTrading(_ body: @Sendable (_ port: Int) async throws -> Void) async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000, "ETH-USD": 3_000])
    try await withRunningServer(engine: trading.engine, access: APIAccessPolicy(token: Self.token)) { _, port, _ in
      try await body(port)
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func orderNeedsTheTokenAndIsNeverEchoed() async throws {
    try await withTrading { port in
      let order = ["trading", "order", "--symbol", "BTCUSDT", "--side", "buy", "--quote", "10"]
      let anonymous = try await AectlRun.run(order, port: port)
      #expect(anonymous.status == 16)
      #expect(anonymous.stderr.contains("127.0.0.1:\(port) refused the call (UNAUTHENTICATED)"))
      #expect(anonymous.stderr.contains("AECTL_TOKEN"))

      let wrong = try await AectlRun.run(order + ["--token", "wrong-token-9876"], port: port)
      #expect(wrong.status == 16)
      #expect(!wrong.stderr.contains("wrong-token-9876") && !wrong.stdout.contains("wrong-token-9876"))

      let help = try await AectlRun.run(["trading", "order", "--help"], environment: Self.authorized)
      #expect(help.status == 0)
      #expect(help.stdout.contains("Example"))
      #expect(!help.stdout.contains(Self.token))
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func placedOrdersShowUpInOrdersPositionsTradesAndInfo() async throws {
    try await withTrading { port in
      let placed = try await AectlRun.run(
        [
          "trading", "order", "--symbol", "BTCUSDT", "--side", "buy", "--quote", "100", "--client-order-id", "cli-1",
          "-o", "json",
        ], port: port, environment: Self.authorized)
      #expect(placed.status == 0, "\(placed.stderr)")
      let order = try placed.decoded(Autoengine_V1_Order.self)
      #expect(order.clientOrderID == "cli-1" && order.status == .filled && order.quoteAmount == "100")

      let limit = try await AectlRun.run(
        ["trading", "order", "--symbol", "ETH-USD", "--side", "buy", "--base", "0.01", "--limit", "1000"], port: port,
        environment: Self.authorized)
      #expect(limit.status == 0)
      #expect(limit.stdout.contains("BUY ETH-USD limit for 0.01 ETH at 1,000.00 USD"))

      let orders = try await AectlRun.run(["trading", "orders"], port: port)
      #expect(orders.status == 0)
      let row = try #require(orders.tableRow(containing: "cli-1"))
      #expect(row.contains("FILLED") && row.contains("100.00 USDT") && row.contains("BTCUSDT"))
      let open = try await AectlRun.run(["trading", "orders", "--open", "-o", "json"], port: port)
      #expect(try open.decoded(Autoengine_V1_ListOrdersResponse.self).orders.map(\.symbol) == ["ETH-USD"])

      let positions = try await AectlRun.run(["trading", "positions", "-o", "json"], port: port)
      let position = try #require(try positions.decoded(Autoengine_V1_ListPositionsResponse.self).positions.first)
      #expect(position.symbol == "BTCUSDT" && position.baseQuantity == order.filledBase)
      let positionRow = try #require(
        try await AectlRun.run(["trading", "positions"], port: port).tableRow(startingWith: "BTCUSDT"))
      #expect(positionRow[1] == "\(order.filledBase) BTC")

      let trades = try await AectlRun.run(["trading", "trades", "--symbol", "BTCUSDT", "-o", "json"], port: port)
      let decision = try #require(try trades.decoded(Autoengine_V1_ListTradesResponse.self).trades.first)
      #expect(decision.outcome == .executed && decision.clientOrderID == "cli-1")

      let info = try await AectlRun.run(["trading", "info", "-o", "json"], port: port)
      let tradingInfo = try info.decoded(Autoengine_V1_TradingInfo.self)
      #expect(tradingInfo.mode == .paper && tradingInfo.openOrders.count == 1 && tradingInfo.positions.count == 1)
      let infoTable = try await AectlRun.run(["trading", "info"], port: port)
      #expect(infoTable.stdout.contains("paper (broker: paper)"))
      let usd = try #require(tradingInfo.balances.first { $0.asset == "USD" })
      #expect(usd.free.hasPrefix("9989."))  // 10,000 less the 10 USD limit order and its fee
      #expect(infoTable.tableRow(startingWith: "USD")?[1] == "9,989.99")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func cancelAutobuyAndUsageErrors() async throws {
    try await withTrading { port in
      _ = try await AectlRun.run(
        ["trading", "order", "--symbol", "ETH-USD", "--side", "buy", "--quote", "20", "--limit", "1000"], port: port,
        environment: Self.authorized)
      let cancel = try await AectlRun.run(
        ["trading", "cancel", "ETH-USD", "-o", "json"], port: port, environment: Self.authorized)
      #expect(cancel.status == 0)
      #expect(try cancel.decoded(Autoengine_V1_CancelOrdersResponse.self).cancelled.map(\.status) == [.cancelled])
      let unknown = try await AectlRun.run(["trading", "cancel", "DOGE-EUR"], port: port, environment: Self.authorized)
      #expect(unknown.status == 5)
      let all = try await AectlRun.run(["trading", "cancel-all"], port: port, environment: Self.authorized)
      #expect(all.status == 0 && all.stdout.contains("0 orders cancelled"))

      let start = try await AectlRun.run(["trading", "start", "-o", "json"], port: port, environment: Self.authorized)
      #expect(try start.decoded(Autoengine_V1_AutobuyStateResponse.self).autobuyRunning)
      let stop = try await AectlRun.run(["trading", "stop"], port: port, environment: Self.authorized)
      #expect(stop.status == 0 && stop.stdout.contains("autobuy stopped"))

      for usage in [
        ["trading", "order", "--symbol", "BTCUSDT", "--side", "buy"],
        ["trading", "order", "--symbol", "BTCUSDT", "--side", "buy", "--quote", "10", "--base", "1"],
        ["trading", "order", "--symbol", "BTCUSDT", "--side", "hold", "--quote", "10"],
        ["trading", "order", "--symbol", "BTCUSDT", "--side", "buy", "--quote", "ten"],
        ["trading", "trades", "--since", "yesterday"],
        ["trading", "orders", "--status", "opened"],
      ] {
        let run = try await AectlRun.run(usage, port: port, environment: Self.authorized)
        #expect(run.status == 2, "\(usage)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
      }
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func tradingWatchPrintsTheSnapshotAndTheEventsOfAnOrder() async throws {
    try await withTrading { port in
      let watch = try ChildProcess(
        executable: try builtProduct("aectl"),
        arguments: ["trading", "watch", "BTCUSDT", "--count", "4", "--server", "127.0.0.1:\(port)"])
      defer { watch.kill() }
      #expect(try await eventually(seconds: 10) { watch.standardOutput().contains("\n") })
      _ = try await AectlRun.run(
        ["trading", "order", "--symbol", "BTCUSDT", "--side", "buy", "--quote", "10"], port: port,
        environment: Self.authorized)
      #expect(try await watch.waitForExit(seconds: 10) == 0)
      let events = try watch.standardOutput().split(separator: "\n").map {
        try Autoengine_V1_TradeEvent(jsonString: String($0))
      }
      #expect(events.map(\.sequence) == [1, 2, 3, 4])
      guard case .snapshot = events.first?.event else {
        Issue.record("the first event is not the snapshot")
        return
      }
    }
  }
}
