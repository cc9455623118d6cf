import AutoEngineCore
import AutoEngineRuntime
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The crash test of the trading journal: `autoengine serve` trades on the simulated market with
/// thresholds lowered so that it trades several times a second, is killed with SIGKILL at random
/// moments, and is restarted on the same data directory. Afterwards the journal must have no
/// duplicate order or fill, no order left unresolved, and exactly the holdings and cash of the
/// paper venue (the "exchange"): a lost fill or a fill counted twice would show as a difference.
@Suite(.serialized) struct CrashRecoveryProcessTests {
  static let kills = 12

  /// Flags that make the server trade often: a slight lean makes a BUY, every BUY passes, tiny
  /// exits, 1 s cooldown.
  static let tradeOften = [
    "--set", "fetch.price_fetch_interval=0.25", "--set", "strategy.action_threshold=0.02", "--set",
    "strategy.min_confidence=0.01", "--set",
    "strategy.min_signal_strength=0.01", "--set", "strategy.cooldown_period=1", "--set", "risk.stop_loss_pct=0.05",
    "--set", "risk.take_profit_pct=0.05", "--set", "risk.trailing_stop_pct=0", "--set", "risk.max_open_positions=40",
    "--set", "risk.max_total_exposure=1000000", "--set", "risk.daily_loss_limit=1000000", "--set",
    "trading.paper_starting_balance=1000000",
  ]

  private func serve(dataDir: URL, autobuy: Bool) throws -> ChildProcess {
    try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: ["serve", "--grpc-port", "0", "--http-port", "0", "--data-dir", dataDir.path, "--log-level", "notice"]
        + (autobuy ? ["--autobuy"] + Self.tradeOften : Self.tradeOften))
  }

  /// Orders in the journal now (read through a second connection while the server writes).
  private func orderCount(_ path: String) -> Int {
    guard FileManager.default.fileExists(atPath: path), let journal = try? TradeJournal(path: path) else { return 0 }
    return (try? journal.orderCounts().values.reduce(0) { $0 + $1.attempted }) ?? 0
  }

  @Test(.timeLimit(.minutes(5)))
  func theJournalSurvivesRepeatedSIGKILLWithoutLosingOrDuplicatingAnything() async throws {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-crash-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dataDir) }
    let path = dataDir.appendingPathComponent("journal.sqlite").path
    var survived = 0
    var delays: [Int] = []
    var reconciliations: [String] = []
    for round in 1...Self.kills {
      let before = orderCount(path)
      let server = try serve(dataDir: dataDir, autobuy: true)
      defer { server.kill() }
      if round > 1, let line = try? await server.waitForStderrLine(containing: "journal reconciled", seconds: 30) {
        reconciliations.append(String(line.split(separator: ": ").last ?? ""))
      }
      // Let it trade: at least two more orders, then kill it at a random moment.
      let deadline = ContinuousClock.now + .seconds(60)
      while orderCount(path) < before + 2 && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(100))
      }
      #expect(orderCount(path) >= before + 2, "round \(round): the server did not trade\n\(server.standardError())")
      let delay = Int.random(in: 0..<700)
      delays.append(delay)
      try await Task.sleep(for: .milliseconds(delay))
      server.signal(SIGKILL)
      let status = try await server.waitForExit(seconds: 10)
      #expect(status == SIGKILL || status == 128 + SIGKILL || status != 0)
      survived += 1
    }
    // A last start without autobuy reconciles the journal with the venue, then stops gracefully.
    let final = try serve(dataDir: dataDir, autobuy: false)
    defer { final.kill() }
    _ = try await final.waitForStderrLine(containing: "journal reconciled", seconds: 60)
    final.signal(SIGTERM)
    #expect(try await final.waitForExit(seconds: 10) == 0)

    let journal = try TradeJournal(path: path)
    var orders: [Order] = []
    var page = try journal.orders(OrderQuery(limit: 1000))
    orders += page.items
    while let token = page.nextPageToken {
      page = try journal.orders(OrderQuery(limit: 1000, pageToken: token))
      orders += page.items
    }
    let fills = try journal.allFills()
    print(
      "crash test: survived \(survived) SIGKILLs (delays \(delays) ms); \(orders.count) orders, \(fills.count) fills; "
        + "reconciliations after restarts: \(reconciliations)")
    #expect(survived == Self.kills)
    #expect(orders.count >= 2 * Self.kills)
    #expect(Set(orders.map(\.clientOrderId)).count == orders.count, "duplicate client order id")
    #expect(Set(fills.map { "\($0.clientOrderId)/\($0.tradeId)" }).count == fills.count, "duplicate fill")
    #expect(try journal.nonFinalOrders().isEmpty, "orders left unresolved after reconciliation")

    // Positions and cash from the journal's fills equal the venue's holdings and cash.
    let catalogue = CoinCatalogue.defaults
    var book = PositionBook()
    var cash: [String: Decimal] = [:]
    for fill in fills {
      let coin = try #require(catalogue.coin(forSymbol: fill.symbol))
      book.apply(fill, coin: coin)
      let flow = fill.side == .buy ? -(fill.quoteQuantity + fill.fee) : fill.quoteQuantity - fill.fee
      cash[coin.quote, default: 0] += flow
    }
    var held: [String: Decimal] = [:]
    for position in book.open.values {
      held[try #require(catalogue.coin(forSymbol: position.symbol)).base, default: 0] += position.baseQuantity
    }
    let venueHoldings = try journal.paperVenue.holdings().filter { $0.value != 0 }
    #expect(held == venueHoldings)
    #expect(cash == (try journal.paperVenue.cashFlows()).filter { $0.value != 0 })
    // Every journalled order that filled is filled on the venue too, with the same fills.
    for order in orders where !order.fills.isEmpty {
      let venueOrder = try #require(try journal.paperVenue.order(clientOrderId: order.clientOrderId))
      #expect(venueOrder.fills.map(\.tradeId) == order.fills.map(\.tradeId))
    }
  }
}
