import AutoEngineRuntime
import Foundation
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(Glibc)
  import Glibc
#endif

/// `aectl coins`, `state` and `watch` as a subprocess against an in-process server.
@Suite struct AectlCoinStateTests {
  @Test(.timeLimit(.minutes(1)))
  func coinsListsTheCatalogueAsATableAndAsJSON() async throws {
    try await withRunningServer { _, port, _ in
      let json = try await AectlRun.run(["coins", "-o", "json"], port: port)
      #expect(json.status == 0)
      let response = try json.decoded(Autoengine_V1_ListCoinsResponse.self)
      #expect(response.total == 40 && response.coins.count == 40)
      #expect(response.perExchange == ["coinbase": 20, "binanceus": 20])

      let table = try await AectlRun.run(["coins", "--exchange", "binanceus"], port: port)
      #expect(table.status == 0)
      let btc = try #require(table.tableRow(startingWith: "BTCUSDT"))
      #expect(btc.prefix(7) == ["BTCUSDT", "binanceus", "BTC", "USDT", "yes", "10.00 USDT", "10,000.00 USDT"])
      #expect(table.tableRow(startingWith: "BTC-USD") == nil)
      #expect(table.stdout.contains("20 shown of 40 coins, 40 enabled (binanceus 20, coinbase 20)"))
      #expect(!table.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func stateShowsSelectedCoinsAsRowsAndOneCoinInDetail() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, port, _ in
      #expect(
        try await eventually(seconds: 10) { (try? await engine.coinStates().allSatisfy { $0.price != nil }) == true })
      _ = await engine.stopSystem()  // freeze prices: the JSON and the table then show the same state
      try await Task.sleep(for: .milliseconds(200))

      let json = try await AectlRun.run(["state", "BTC-USD", "ETHUSDT", "-o", "json"], port: port)
      #expect(json.status == 0)
      let states = try json.decoded(Autoengine_V1_ListCoinStatesResponse.self).states
      #expect(states.map(\.symbol) == ["BTC-USD", "ETHUSDT"])

      let table = try await AectlRun.run(["state", "BTC-USD", "ETHUSDT"], port: port)
      #expect(table.status == 0)
      for state in states {
        let row = try #require(table.tableRow(startingWith: state.symbol))
        #expect(row[1].hasSuffix(" \(state.quoteAsset)"))
        let shown = try #require(
          Decimal(string: String(row[1].dropLast(state.quoteAsset.count + 1)).filter { $0 != "," }))
        let price = try #require(Decimal(string: state.price))
        #expect(abs(shown - price) <= Decimal(string: "0.005")!, "\(row[1]) shows \(state.price)")
        #expect(row[2].hasSuffix(" %"))
        #expect(row[3] == Self.actionNames[state.signal.action])
        #expect(row[4] == String(format: "%.2f", state.signal.confidence))
      }
      #expect(table.stdout.contains("2 coins, 0 stale"))

      let detail = try await AectlRun.run(["state", "btc-usd"], port: port)
      #expect(detail.status == 0)
      #expect(detail.stdout.contains("BTC-USD on coinbase (BTC/USD)"))
      #expect(detail.stdout.contains("RSI 14 "))
      let one = try await AectlRun.run(["state", "BTC-USD", "-o", "json"], port: port)
      #expect(try one.decoded(Autoengine_V1_CoinState.self).price == states[0].price)
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func anUnknownSymbolExitsNotFoundWithOneLineNamingTheServer() async throws {
    try await withRunningServer { _, port, _ in
      let run = try await AectlRun.run(["state", "DOGE-EUR"], port: port)
      #expect(run.status == 5)
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.split(separator: "\n").count == 1)
      #expect(run.stderr.contains("127.0.0.1:\(port) answered NOT_FOUND"))
      #expect(run.stderr.contains("DOGE-EUR"))
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func watchPrintsTheSnapshotThenUpdatesAsNDJSONAndStopsAtTheCount() async throws {
    let (engine, scheduler) = simulatedEngine()
    try await withRunningServer(engine: engine, services: [scheduler]) { _, port, _ in
      // stdout is a pipe, so the live table falls back to ndjson.
      let run = try await AectlRun.run(["watch", "BTC-USD", "ETHUSDT", "--count", "3"], port: port)
      #expect(run.status == 0, "\(run.stderr)")
      let updates = try run.decodedLines(Autoengine_V1_CoinStateUpdate.self)
      #expect(updates.map(\.sequence) == [1, 2, 3])
      #expect(updates.first?.snapshot == true)
      #expect(Set(updates.first?.states.map(\.symbol) ?? []) == ["BTC-USD", "ETHUSDT"])
      #expect(updates.dropFirst().allSatisfy { !$0.snapshot && ($0.heartbeat || !$0.states.isEmpty) })
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func watchExitsCleanlyOnCtrlC() async throws {
    try await withRunningServer { _, port, _ in
      let watch = try ChildProcess(
        executable: try builtProduct("aectl"), arguments: ["watch", "--server", "127.0.0.1:\(port)"])
      defer { watch.kill() }
      #expect(try await eventually(seconds: 10) { watch.standardOutput().contains("\n") })
      watch.signal(SIGINT)
      #expect(try await watch.waitForExit(seconds: 5) == 0)
      #expect(watch.standardError().isEmpty)
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func watchReconnectsWhenTheServerRestartsAndSaysSo() async throws {
    let (port, watch) = try await withRunningServer { _, port, _ in
      let watch = try ChildProcess(
        executable: try builtProduct("aectl"),
        arguments: ["watch", "BTC-USD", "--count", "2", "--server", "127.0.0.1:\(port)"])
      #expect(try await eventually(seconds: 10) { watch.standardOutput().contains("\n") })
      return (port, watch)
    }
    defer { watch.kill() }
    _ = try await watch.waitForStderrLine(containing: "reconnecting in", seconds: 10)
    let status = try await withRunningServer(grpcPort: port) { _, _, _ in
      try await watch.waitForExit(seconds: 20)
    }
    #expect(status == 0, "\(watch.standardError())")
    let updates = try watch.standardOutput().split(separator: "\n").map {
      try Autoengine_V1_CoinStateUpdate(jsonString: String($0))
    }
    #expect(updates.map(\.sequence) == [1, 1])
    #expect(updates.allSatisfy { $0.snapshot })
    #expect(watch.standardError().contains("stream from 127.0.0.1:\(port) interrupted"))
    #expect(watch.standardError().contains("reconnected to 127.0.0.1:\(port)"))
  }

  /// The table's names of the actions.
  static let actionNames: [Autoengine_V1_Action: String] = [
    .buy: "BUY", .sell: "SELL", .hold: "HOLD", .unspecified: "—",
  ]
}

extension AectlCoinStateTests {
  /// Whether `script` (util-linux) is there to give aectl a pseudo-terminal.
  static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  @Test(.timeLimit(.minutes(1)), .enabled(if: hasScript, "needs /usr/bin/script for a pseudo-terminal"))
  func watchOnATerminalRedrawsALiveTableColouredUnlessNO_COLOR() async throws {
    try await withRunningServer { _, port, _ in
      let aectl = try builtProduct("aectl").path
      for noColour in [false, true] {
        let command = "\(aectl) watch BTC-USD ETHUSDT --count 1 --server 127.0.0.1:\(port)"
        let terminal = try ChildProcess(
          executable: URL(fileURLWithPath: "/usr/bin/script"), arguments: ["-qec", command, "/dev/null"],
          environment: ["NO_COLOR": noColour ? "1" : "", "TERM": "xterm"])
        defer { terminal.kill() }
        #expect(try await terminal.waitForExit(seconds: 20) == 0)
        let screen = terminal.standardOutput()
        #expect(screen.contains("aectl watch — 127.0.0.1:\(port)"))
        #expect(screen.components(separatedBy: "\u{1B}[H").count >= 4, "redrawn when connected and per message")
        #expect(screen.contains("BTC-USD") && screen.contains("ETHUSDT"))
        #expect(screen.contains("connected · seq 1"))
        #expect(screen.contains("\u{1B}[32m●") != noColour, "colour on a terminal unless NO_COLOR")
        #expect(!screen.contains("{\"sequence\""), "a table, not ndjson")
      }
    }
  }
}
