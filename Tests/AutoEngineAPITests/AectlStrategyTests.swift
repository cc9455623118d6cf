import AutoEngineRuntime
import Foundation
import Testing

@testable import AutoEngineAPI

/// `aectl strategies`, `signals` and `watch-signals` as a subprocess against an in-process
/// server on the simulated market.
@Suite struct AectlStrategyTests {
  @Test(.timeLimit(.minutes(1)))
  func strategiesCatalogListsSeventyStrategiesAndFiltersByCategory() async throws {
    try await withRunningServer { _, port, _ in
      let json = try await AectlRun.run(["strategies", "--catalog", "-o", "json"], port: port)
      #expect(json.status == 0)
      let catalogue = try json.decoded(Autoengine_V1_ListStrategiesResponse.self).strategies
      #expect(catalogue.count == 70)
      #expect(catalogue.first?.id == "P1")

      let cosmic = try await AectlRun.run(["strategies", "--catalog", "--category", "cosmic"], port: port)
      #expect(cosmic.status == 0)
      let p70 = try #require(cosmic.tableRow(startingWith: "P70"))
      let expected = try #require(catalogue.first { $0.id == "P70" })
      #expect(p70[1] == expected.name && p70[2] == "COSMIC")
      #expect(cosmic.tableRow(startingWith: "P1") == nil)
      #expect(cosmic.stdout.contains("5 strategies"))
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func signalsShowEveryStrategyOfOneCoinAndStrategiesTheFiredOnesPerCoin() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, port, _ in
      #expect(
        try await eventually(seconds: 10) {
          (try? await engine.coinStates().allSatisfy { $0.aggregate != nil }) == true
        })
      _ = await engine.stopSystem()
      try await Task.sleep(for: .milliseconds(200))

      let json = try await AectlRun.run(["signals", "BTCUSDT", "-o", "json"], port: port)
      #expect(json.status == 0)
      let signals = try json.decoded(Autoengine_V1_CoinSignals.self)
      #expect(signals.symbol == "BTCUSDT" && signals.signals.count == 70)

      let table = try await AectlRun.run(["signals", "BTCUSDT"], port: port)
      #expect(table.status == 0)
      for signal in signals.signals.prefix(10) {
        let row = try #require(table.tableRow(startingWith: signal.strategyID))
        #expect(row[1] == signal.name)
        #expect(row[3] == AectlCoinStateTests.actionNames[signal.action])
        #expect(
          row[4] == String(format: "%.2f", signal.strength) && row[5] == String(format: "%.2f", signal.confidence))
      }

      let overview = try await AectlRun.run(["strategies", "--symbol", "BTCUSDT", "-o", "json"], port: port)
      #expect(overview.status == 0)
      let coins = try overview.decoded(Autoengine_V1_ListSignalsResponse.self).coins
      #expect(coins.map(\.symbol) == ["BTCUSDT"])
      #expect(coins[0].aggregate == signals.aggregate)
      let fired = signals.signals.filter { $0.action == .buy || $0.action == .sell }.map(\.strategyID)
      #expect(coins[0].signals.map(\.strategyID) == fired)

      let row = try #require(try await AectlRun.run(["strategies"], port: port).tableRow(startingWith: "BTCUSDT"))
      #expect(row[1] == AectlCoinStateTests.actionNames[signals.aggregate.action])
      if let first = fired.first { #expect(row.last?.hasPrefix(first + " ") == true) }

      let unknown = try await AectlRun.run(["signals", "NOPE"], port: port)
      #expect(unknown.status == 5)
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func watchSignalsPrintsTheSnapshotThenUpdates() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { _, port, _ in
      let run = try await AectlRun.run(
        ["watch-signals", "BTC-USD", "--count", "2", "--heartbeat", "1", "-o", "ndjson"], port: port)
      #expect(run.status == 0, "\(run.stderr)")
      let updates = try run.decodedLines(Autoengine_V1_SignalsUpdate.self)
      #expect(updates.map(\.sequence) == [1, 2])
      #expect(updates.first?.snapshot == true && updates.first?.coins.map(\.symbol) == ["BTC-USD"])

      let lines = try await AectlRun.run(["watch-signals", "BTC-USD", "--count", "1", "-o", "table"], port: port)
      #expect(lines.status == 0)
      #expect(lines.stdout.hasPrefix("#1 "))
      #expect(lines.stdout.contains("snapshot of 1 coin"))
      #expect(lines.stdout.contains("BTC-USD "))
    }
  }
}
