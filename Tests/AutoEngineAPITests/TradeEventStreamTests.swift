import AsyncHTTPClient
import AutoEngineCore
import AutoEngineRuntime
import Foundation
import GRPCCore
import NIOCore
import NIOHTTP1
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// WatchTradeEvents over real HTTP/2 and its SSE bridge over a real socket, on a paper desk.
@Suite struct TradeEventStreamTests {
  @Test func watchSendsTheSnapshotThenTheOrderAndFillEventsNumberedConsecutively() async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000, "ETH-USD": 3_000])
    try await withRunningServer(engine: trading.engine, access: TradingGRPCTests.access) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_TradingService.Client(wrapping: client)
        let request = Autoengine_V1_WatchTradeEventsRequest.with { $0.symbols = ["BTCUSDT"] }
        let (placed, events) = try await service.watchTradeEvents(request) { response in
          var iterator = response.messages.makeAsyncIterator()
          var seen: [Autoengine_V1_TradeEvent] = []
          if let first = try await iterator.next() { seen.append(first) }
          let eth = Autoengine_V1_PlaceOrderRequest.with {
            $0.symbol = "ETH-USD"
            $0.side = .buy
            $0.quoteAmount = "30"
          }
          _ = try await service.placeOrder(eth, metadata: TradingGRPCTests.authorized)  // filtered out
          let order = try await service.placeOrder(
            .with {
              $0.symbol = "BTCUSDT"
              $0.side = .buy
              $0.quoteAmount = "50"
            }, metadata: TradingGRPCTests.authorized)
          while let next = try await iterator.next() {
            seen.append(next)
            if case .position = next.event { break }
          }
          return (order, seen)
        }
        #expect(events.map(\.sequence) == (1...UInt64(events.count)).map { $0 })
        #expect(events.first?.kind == "snapshot" && events.first?.snapshot.autobuyRunning == false)
        let orders = events.compactMap { event -> Autoengine_V1_Order? in
          if case .order(let order) = event.event { order } else { nil }
        }
        #expect(orders.allSatisfy { $0.clientOrderID == placed.clientOrderID })
        #expect(orders.first?.status == .intent && orders.last?.status == .filled)
        let fills = events.compactMap { event -> Autoengine_V1_Fill? in
          if case .fill(let fill) = event.event { fill } else { nil }
        }
        #expect(fills.map(\.clientOrderID) == [placed.clientOrderID])
        #expect(events.last?.position.symbol == "BTCUSDT")
        #expect(events.allSatisfy { $0.hasTime })
      }
    }
    #expect(try await eventually { trading.desk.events.subscriberCount == 0 }, "the stream's subscription leaked")
  }

  @Test func snapshotHoldsOpenOrdersAndIdleStreamsGetHeartbeats() async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["ETH-USD": 3_000])
    _ = try await trading.engine.placeOrder(
      ManualOrder(symbol: "ETH-USD", side: .buy, quoteAmount: 20, type: .limit, limitPrice: 2_000))
    try await withRunningServer(engine: trading.engine) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_TradingService.Client(wrapping: client)
        let messages = try await service.watchTradeEvents(.with { $0.heartbeatSeconds = 1 }) { response in
          var seen: [Autoengine_V1_TradeEvent] = []
          for try await message in response.messages {
            seen.append(message)
            if seen.count == 3 { break }
          }
          return seen
        }
        #expect(messages[0].snapshot.openOrders.map(\.status) == [.open])
        #expect(messages[1].kind == "heartbeat" && messages[1].sequence == 2)
        #expect(messages[2].kind == "heartbeat" && messages[2].sequence == 3)
        await #expect {
          try await service.watchTradeEvents(.with { $0.symbols = ["DOGE-EUR"] }) { response in
            for try await _ in response.messages {}
          }
        } throws: { ($0 as? RPCError)?.code == .notFound }
      }
    }
  }

  @Test func sseDeliversTheSnapshotThenTradeEventsAndReleasesOnDisconnect() async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000])
    try await withRunningServer(engine: trading.engine) { engine, _, httpPort in
      let request = HTTPClientRequest(
        url: "http://127.0.0.1:\(httpPort)/api/trading/events?symbols=BTCUSDT&heartbeat=1")
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
      #expect(response.status == .ok)
      #expect(response.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
      var events: [(name: String, id: String, event: Autoengine_V1_TradeEvent)] = []
      var name = ""
      var id = ""
      var pending = ""
      var placed = false
      reading: for try await chunk in response.body {
        pending += String(buffer: chunk)
        while let newline = pending.firstIndex(of: "\n") {
          let line = String(pending[..<newline])
          pending = String(pending[pending.index(after: newline)...])
          if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
          if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
          guard line.hasPrefix("data: ") else { continue }
          events.append((name, id, try Autoengine_V1_TradeEvent(jsonString: String(line.dropFirst(6)))))
          if !placed {
            placed = true
            _ = try await engine.placeOrder(ManualOrder(symbol: "BTCUSDT", side: .buy, quoteAmount: 25))
          }
          if name == "fill" { break reading }
        }
      }
      #expect(events.first?.name == "snapshot" && events.first?.id == "1")
      #expect(events.map(\.id) == events.map { "\($0.event.sequence)" })
      #expect(events.map(\.name) == events.map(\.event.kind))
      #expect(events.contains { $0.name == "order" && $0.event.order.status == .filled })
      #expect(events.last?.event.fill.symbol == "BTCUSDT")
    }
    #expect(try await eventually { trading.desk.events.subscriberCount == 0 }, "the SSE subscription leaked")
  }

  @Test func heartbeatStreamKeepsOrderAndBeatsOnlyWhenIdle() async throws {
    let (source, continuation) = AsyncStream.makeStream(of: Int.self)
    let merged = HeartbeatStream.merge(source, heartbeatAfter: .milliseconds(200))
    continuation.yield(1)
    continuation.yield(2)
    var seen: [String] = []
    var yieldedThree = false
    for await delivery in merged {
      switch delivery {
      case .element(let value):
        seen.append("\(value)")
        if value == 3 { continuation.finish() }
      case .heartbeat:
        seen.append("beat")
        // After the first idle beat, one more element; how many beats a loaded machine fits
        // in between does not matter, only the order does.
        if !yieldedThree {
          yieldedThree = true
          continuation.yield(3)
        }
      }
    }
    #expect(seen.filter { $0 != "beat" } == ["1", "2", "3"])
    #expect(Array(seen.prefix(3)) == ["1", "2", "beat"], "no beat before the queued elements: \(seen)")
  }
}
