import AutoEngineCore
import AutoEngineRuntime
import Foundation
import GRPCCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The coin-state reads served from bytes encoded once — per engine tick for the stream, per
/// engine version for the unary reads — are exactly the messages the standard encoder gives.
@Suite struct CoinStateWireTests {
  /// An engine with a paper desk, prices for a few coins and a position in one of them.
  private func engineWithState() async throws -> Engine {
    let trading = try await PaperTrading.make()
    let now = trading.clock.now()
    await trading.engine.cache.record(
      prices: [
        PriceQuote(symbol: "BTC-USD", price: 90_000.5, bid: 90_000, ask: 90_001, time: now),
        PriceQuote(symbol: "ETHUSDT", price: 3_000.25, time: now),
        PriceQuote(symbol: "SOLUSDT", price: 150, time: now),
      ], at: now)
    _ = await trading.engine.cache.takeChanges(at: now)
    var position = CoinTradingSnapshot.flat
    position.positionQuantity = 2
    position.costBasis = 5_000
    position.realizedPnlToday = 12.5
    position.openOrders = 1
    position.lastTradeAt = now
    trading.desk.board.replace(["ETHUSDT": position])
    return trading.engine
  }

  /// `upstream`: updates conflated before the tick was published (an API replica's tick).
  @Test(arguments: [UInt64(0), 3])
  func aSharedTickIsTheStandardEncodingWithEachStreamsOwnSequence(upstream: UInt64) async throws {
    let engine = try await engineWithState()
    let states = try await engine.coinStates()
    let tickTime = UnixTime(seconds: 1_700_000_000.25)
    let sentAt = UnixTime(seconds: 1_700_000_000.5)
    let tick = PublishedTick(states: states, tickTime: tickTime, conflated: upstream)
    let batch = CoinStateBatch(states: states, tickTime: tickTime, conflated: upstream, tick: tick)
    for sequence: UInt64 in [2, 300, 1 << 40] {
      let wire = try CoinStateUpdateWire.update(batch, sequence: sequence, sentAt: sentAt, engine: engine)
      let expected = Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = sequence
        $0.states = states.map(engine.contract)
        $0.conflated = upstream
        $0.tickTime = .init(tickTime)
        $0.sentAt = .init(sentAt)
      }
      #expect(wire.bytes == (try expected.serializedBytes() as [UInt8]))
      #expect(try Autoengine_V1_CoinStateUpdate(serializedBytes: wire.bytes) == expected)
      let serialized: [UInt8] = try WireMessageSerializer().serialize(wire)
      #expect(serialized == wire.bytes)
    }
    #expect(tick.encodingCount == 1)  // three streams, one encoding of the tick
  }

  @Test func aBatchOfItsOwnIsEncodedForItsSubscriberWithTheConflatedCount() async throws {
    let engine = try await engineWithState()
    let states = Array(try await engine.coinStates().prefix(2))
    let batch = CoinStateBatch(states: states, tickTime: UnixTime(seconds: 5), conflated: 3)
    let wire = try CoinStateUpdateWire.update(batch, sequence: 9, sentAt: UnixTime(seconds: 6), engine: engine)
    let decoded = try Autoengine_V1_CoinStateUpdate(serializedBytes: wire.bytes)
    #expect(decoded.sequence == 9)
    #expect(decoded.conflated == 3)
    #expect(decoded.states == states.map(engine.contract))
    #expect(decoded.tickTime == .init(UnixTime(seconds: 5)))
  }

  @Test func aWatchSnapshotFromTheKeptEncodingsIsTheStandardEncoding() async throws {
    let engine = try await engineWithState()
    let encodings = CoinStateEncodings(format: .protobuf)
    let now = UnixTime(seconds: 1_700_000_200.5)
    for filter in [CoinFilter.all, CoinFilter(exchange: .coinbase), CoinFilter(symbols: ["ETHUSDT"])] {
      let (states, version) = try await engine.versionedCoinStates(filter)
      let expected = Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = 1
        $0.snapshot = true
        $0.states = states.map(engine.contract)
        $0.tickTime = .init(now)
        $0.sentAt = .init(now)
      }
      for _ in 0..<2 {  // made, then kept
        let parts = try encodings.snapshot(states, at: version, now: now, engine: engine)
        #expect(Array(parts.joined()) == (try expected.serializedBytes() as [UInt8]))
      }
    }
  }

  @Test func unaryEncodingsAreTheStandardEncodingAndFollowTheEngine() async throws {
    let engine = try await engineWithState()
    let protobuf = CoinStateEncodings(format: .protobuf)
    let json = CoinStateEncodings(format: .json)
    let asOf = UnixTime(seconds: 1_700_000_123.75)
    for filter in [CoinFilter.all, CoinFilter(exchange: .binanceUS), CoinFilter(symbols: ["ETHUSDT", "BTC-USD"])] {
      let (states, version) = try await engine.versionedCoinStates(filter)
      let expected = Autoengine_V1_ListCoinStatesResponse(states, asOf: asOf, engine: engine)
      for _ in 0..<2 {  // made, then kept
        let list = try protobuf.list(states, at: version, asOf: asOf, engine: engine)
        #expect(Array(list.joined()) == (try expected.serializedBytes() as [UInt8]))
        let text = try json.list(states, at: version, asOf: asOf, engine: engine)
        #expect(Array(text.joined()) == (try expected.jsonUTF8Bytes() as [UInt8]))
      }
    }
    let empty = try json.list([], at: CoinStatesVersion(cache: 0, trading: 0), asOf: asOf, engine: engine)
    #expect(
      Array(empty.joined())
        == (try Autoengine_V1_ListCoinStatesResponse([], asOf: asOf, engine: engine).jsonUTF8Bytes() as [UInt8]))

    // A new price, then a new trading snapshot: each read answers the new state, never the kept one.
    let (_, before) = try await engine.versionedCoinState("ETHUSDT")
    await engine.cache.record(
      prices: [PriceQuote(symbol: "ETHUSDT", price: 3_100, time: engine.clock.now())], at: engine.clock.now())
    let (priced, afterPrice) = try await engine.versionedCoinState("ETHUSDT")
    #expect(afterPrice != before)
    let entry = try protobuf.entry(for: priced, at: afterPrice, engine: engine)
    #expect(try Autoengine_V1_CoinState(serializedBytes: entry.message).price == "3100")
    engine.trading?.board.replace([:])
    let (flat, afterBoard) = try await engine.versionedCoinState("ETHUSDT")
    #expect(afterBoard != afterPrice)
    let flatEntry = try protobuf.entry(for: flat, at: afterBoard, engine: engine)
    #expect(flatEntry.message == (try engine.contract(flat).serializedBytes() as [UInt8]))
    #expect(try Autoengine_V1_CoinState(serializedBytes: flatEntry.message).trading.positionQuantity == "0")
  }

  @Test func grpcAndRestAnswerTheEnginesStatesOverLoopback() async throws {
    let engine = try await engineWithState()
    try await withRunningServer(engine: engine) { engine, grpcPort, httpPort in
      let expected = try await engine.coinStates().map(engine.contract)
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
        for _ in 0..<2 {
          let list = try await service.listCoinStates(Autoengine_V1_ListCoinStatesRequest())
          #expect(list.states == expected)
          #expect(list.hasAsOf)
          let eth = try await service.getCoinState(.with { $0.symbol = "ethusdt" })
          #expect(eth == expected.first { $0.symbol == "ETHUSDT" })
          #expect(eth.trading.positionQuantity == "2")
        }
        let binance = try await service.listCoinStates(.with { $0.exchange = .binanceUs })
        #expect(binance.states == expected.filter { $0.exchange == .binanceUs })
        await #expect {
          _ = try await service.getCoinState(.with { $0.symbol = "DOGE-EUR" })
        } throws: { ($0 as? RPCError)?.code == .notFound }
      }
      let (data, response) = try await URLSession.shared.data(
        from: URL(string: "http://127.0.0.1:\(httpPort)/api/coinstate")!)
      #expect((response as? HTTPURLResponse)?.statusCode == 200)
      #expect(
        (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("application/json") == true
      )
      let decoded = try Autoengine_V1_ListCoinStatesResponse(jsonUTF8Data: data)
      #expect(decoded.states == expected)
      // Byte for byte what the whole response encoded at once gives, at the same as_of.
      #expect(
        [UInt8](data)
          == (try Autoengine_V1_ListCoinStatesResponse.with {
            $0.states = expected
            $0.asOf = decoded.asOf
          }.jsonUTF8Bytes() as [UInt8]))
    }
  }

  @Test func subscribersWithoutAFilterReceiveTheSameTicksInSequence() async throws {
    let (engine, scheduler) = simulatedEngine(stepSeconds: 1)
    try await withRunningServer(engine: engine, services: [scheduler]) { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let service = Autoengine_V1_CoinStateService.Client(wrapping: client)
        // Both subscribe, then read until each has seen the same three ticks after its snapshot.
        async let first = updates(service)
        async let second = updates(service)
        let (one, two) = try await (first, second)
        for stream in [one, two] {
          #expect(stream.first?.snapshot == true)
          #expect(stream.map(\.sequence) == Array(1...UInt64(stream.count)))
        }
        let ticksOne = Dictionary(one.dropFirst().filter { !$0.heartbeat }.map { ($0.tickTime, $0.states) }) { a, _ in a
        }
        let ticksTwo = Dictionary(two.dropFirst().filter { !$0.heartbeat }.map { ($0.tickTime, $0.states) }) { a, _ in a
        }
        let common = Set(ticksOne.keys).intersection(ticksTwo.keys)
        #expect(common.count >= 2)
        for tick in common { #expect(ticksOne[tick] == ticksTwo[tick]) }
      }
    }
  }

  /// The first 6 messages of an unfiltered watch.
  private func updates(
    _ service: Autoengine_V1_CoinStateService.Client<some ClientTransport>
  ) async throws -> [Autoengine_V1_CoinStateUpdate] {
    try await service.watchCoinStates(Autoengine_V1_WatchCoinStatesRequest()) { response in
      var seen: [Autoengine_V1_CoinStateUpdate] = []
      for try await update in response.messages {
        seen.append(update)
        if seen.count == 6 { break }
      }
      return seen
    }
  }

  @Test func grpcurlReadsTheSharedTickMessages() async throws {
    let (engine, scheduler) = simulatedEngine(stepSeconds: 1)
    try await withRunningServer(engine: engine, services: [scheduler]) { engine, grpcPort, _ in
      #expect(
        try await eventually(seconds: 10) { (try? await engine.coinStates().allSatisfy { $0.price != nil }) == true })
      let run = try await Grpcurl.located().run(
        port: grpcPort, options: ["-d", "{}", "-max-time", "12", "-format-error"],
        "autoengine.v1.CoinStateService/WatchCoinStates")
      // grpcurl prints each message as pretty JSON objects one after another; split on top-level braces.
      let messages = try topLevelObjects(run.output).map {
        try Autoengine_V1_CoinStateUpdate(jsonString: $0, options: .init())
      }
      #expect(messages.count >= 3, "\(run.errors)")
      #expect(messages.map(\.sequence) == Array(1...UInt64(messages.count)))
      #expect(messages.first?.states.count == 40)
      let updates = messages.dropFirst().filter { !$0.heartbeat }
      #expect(!updates.isEmpty)
      #expect(updates.allSatisfy { !$0.states.isEmpty && $0.hasTickTime && $0.hasSentAt && $0.conflated == 0 })
    }
  }

  /// The top-level `{…}` objects of a concatenation of JSON objects.
  private func topLevelObjects(_ text: String) throws -> [String] {
    var objects: [String] = []
    var depth = 0
    var inString = false
    var escaped = false
    var current = ""
    for character in text {
      if depth > 0 { current.append(character) }
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        continue
      }
      switch character {
      case "\"": inString = true
      case "{":
        if depth == 0 { current = "{" }
        depth += 1
      case "}":
        depth -= 1
        if depth == 0 { objects.append(current) }
      default: break
      }
    }
    return objects
  }
}

/// The Server-Sent Events' JSON of a shared tick is the JSON of the whole update.
@Suite struct CoinStateUpdateJSONTests {
  @Test(arguments: [UInt64(0), 3])
  func aSharedTicksJSONIsTheWholeUpdatesJSON(upstream: UInt64) async throws {
    let engine = Engine()
    let states = try await engine.coinStates()
    let tick = PublishedTick(states: states, tickTime: UnixTime(seconds: 1_700_000_000.125), conflated: upstream)
    let shared = CoinStateBatch(states: states, tickTime: tick.tickTime, conflated: upstream, tick: tick)
    for sequence: UInt64 in [2, 77] {
      let sentAt = UnixTime(seconds: 1_700_000_001.5)
      let json = try CoinStateUpdateJSON.update(shared, sequence: sequence, sentAt: sentAt, engine: engine)
      let whole = Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = sequence
        $0.states = states.map(engine.contract)
        $0.conflated = upstream
        $0.tickTime = .init(tick.tickTime)
        $0.sentAt = .init(sentAt)
      }
      #expect(json == (try whole.jsonString()))
      #expect(try Autoengine_V1_CoinStateUpdate(jsonString: json) == whole)
    }
    #expect(tick.encodingCount == 1)
    let own = CoinStateBatch(states: Array(states.prefix(1)), tickTime: tick.tickTime, conflated: 4)
    let json = try CoinStateUpdateJSON.update(own, sequence: 3, sentAt: tick.tickTime, engine: engine)
    #expect(try Autoengine_V1_CoinStateUpdate(jsonString: json).conflated == 4)
  }
}
