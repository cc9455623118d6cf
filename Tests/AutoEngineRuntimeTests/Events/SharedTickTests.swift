import AutoEngineCore
import Foundation
import Synchronization
import Testing

@testable import AutoEngineRuntime

/// One published tick shared by the subscribers that receive it unchanged, and the versions that
/// let encoders keep a snapshot's bytes until the engine changes.
@Suite struct SharedTickTests {
  let coins = Array(CoinCatalogue.defaults.coins.prefix(3))

  private func state(_ index: Int, price: Int) -> CoinState {
    var state = CoinState(coin: coins[index])
    state.price = .init(price)
    return state
  }

  @Test func subscribersThatKeepUpReceiveTheSameTickAndFilteredOnesTheirOwn() async throws {
    let hub = CoinStateHub()
    let one = hub.subscribe()
    let two = hub.subscribe()
    let filtered = hub.subscribe(CoinFilter(symbols: [coins[0].symbol]))
    hub.publish([state(0, price: 1), state(1, price: 1)], tickTime: UnixTime(seconds: 1))
    let first = try #require(await one.next())
    let second = try #require(await two.next())
    let own = try #require(await filtered.next())
    let tick = try #require(first.tick)
    #expect(second.tick === tick)
    #expect(tick.states.map(\.coin.symbol) == first.states.map(\.coin.symbol))
    #expect(tick.tickTime == UnixTime(seconds: 1))
    #expect(own.tick == nil)  // a subset of the tick: encoded for that subscriber
    #expect(own.states.map(\.coin.symbol) == [coins[0].symbol])
  }

  @Test func aFilterThatSelectsTheWholeTickStillShares() async throws {
    let hub = CoinStateHub()
    let filtered = hub.subscribe(CoinFilter(symbols: [coins[0].symbol]))
    hub.publish([state(0, price: 1)], tickTime: UnixTime(seconds: 1))
    #expect(try #require(await filtered.next()).tick != nil)
  }

  @Test func aConflatedBatchIsNotTheSharedTickAndSharingResumesOnceCaughtUp() async throws {
    let hub = CoinStateHub()
    let slow = hub.subscribe()
    hub.publish([state(0, price: 1), state(1, price: 1)], tickTime: UnixTime(seconds: 1))
    hub.publish([state(0, price: 2)], tickTime: UnixTime(seconds: 2))
    let merged = try #require(await slow.next())
    #expect(merged.tick == nil)
    #expect(merged.conflated == 1)
    #expect(merged.states.map(\.price) == [2, 1])
    // Two ticks of different coins, nothing replaced: still not one tick's bytes.
    hub.publish([state(0, price: 3)], tickTime: UnixTime(seconds: 3))
    hub.publish([state(1, price: 3)], tickTime: UnixTime(seconds: 4))
    let joined = try #require(await slow.next())
    #expect(joined.tick == nil)
    #expect(joined.conflated == 0)
    hub.publish([state(2, price: 5)], tickTime: UnixTime(seconds: 5))
    let caughtUp = try #require(await slow.next())
    #expect(caughtUp.tick?.tickTime == UnixTime(seconds: 5))
  }

  @Test func aTickIsEncodedOncePerFormatHoweverManyAsk() throws {
    let tick = PublishedTick(states: [state(0, price: 1)], tickTime: UnixTime(seconds: 1))
    let calls = Mutex(0)
    for _ in 0..<5 {
      let bytes: [UInt8] = try tick.sharedEncoding("protobuf") {
        calls.withLock { $0 += 1 }
        return [1, 2, 3]
      }
      #expect(bytes == [1, 2, 3])
    }
    let json: String = try tick.sharedEncoding("json") { "{}" }
    #expect(json == "{}")
    #expect(calls.withLock { $0 } == 1)
    #expect(tick.encodingCount == 2)
  }

  @Test func encodingsPublishedWithATickAreSentWithoutEncodingAgain() async throws {
    let hub = CoinStateHub()
    let subscriber = hub.subscribe()
    hub.publish(
      [state(0, price: 1)], tickTime: UnixTime(seconds: 1), conflated: 2, encodings: ["protobuf": [UInt8]([7, 7])])
    let tick = try #require(await subscriber.next()?.tick)
    #expect(tick.conflated == 2)
    let bytes: [UInt8] = try tick.sharedEncoding("protobuf") {
      Issue.record("a tick published with its encoding was encoded again")
      return []
    }
    #expect(bytes == [7, 7])
    // Other formats are still made on first use.
    let json: String = try tick.sharedEncoding("json") { "{}" }
    #expect(json == "{}" && tick.encodingCount == 2)
  }

  @Test func aFailedEncodingIsNotKept() throws {
    struct Failure: Error {}
    let tick = PublishedTick(states: [], tickTime: UnixTime(seconds: 1))
    #expect(throws: Failure.self) { let _: [UInt8] = try tick.sharedEncoding("protobuf") { throw Failure() } }
    let bytes: [UInt8] = try tick.sharedEncoding("protobuf") { [9] }
    #expect(bytes == [9])
  }

  @Test func theVersionChangesWithTheCacheAndTheBoardAndOnlyThen() async throws {
    let engine = Engine()
    let (before, version) = try await engine.versionedCoinStates()
    #expect(before.count == engine.catalogue.coins.count)
    #expect(try await engine.versionedCoinStates().version == version)
    #expect(try await engine.versionedCoinState("BTC-USD").version == version)
    await engine.cache.record(
      prices: [PriceQuote(symbol: "BTC-USD", price: 90_000, time: UnixTime(seconds: 1))], at: UnixTime(seconds: 1))
    let (after, changed) = try await engine.versionedCoinStates()
    #expect(changed != version)
    #expect(after.first { $0.coin.symbol == "BTC-USD" }?.price == 90_000)
    let (one, oneVersion) = try await engine.versionedCoinState("btc-usd")
    #expect(one.price == 90_000)
    #expect(oneVersion == changed)

    let board = CoinTradingBoard()
    let start = board.generation
    board.replace(["BTC-USD": .flat])
    #expect(board.generation != start)
  }

  @Test func versionedReadsRefuseUnknownSymbolsLikeThePlainOnes() async {
    let engine = Engine()
    await #expect(throws: EngineError.self) { _ = try await engine.versionedCoinState("DOGE-EUR") }
    await #expect(throws: EngineError.self) {
      _ = try await engine.versionedCoinStates(CoinFilter(symbols: ["DOGE-EUR"]))
    }
  }
}
