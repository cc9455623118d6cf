import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct CoinStateHubTests {
  let coins = Array(CoinCatalogue.defaults.coins.prefix(3))

  private func state(_ index: Int, price: Int) -> CoinState {
    var state = CoinState(coin: coins[index])
    state.price = .init(price)
    return state
  }

  @Test func aSubscriberThatKeepsUpGetsOneBatchPerTick() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    hub.publish([state(0, price: 1), state(1, price: 1)], tickTime: UnixTime(seconds: 1))
    let first = await subscription.next()
    #expect(first?.states.map(\.coin.symbol) == [coins[0].symbol, coins[1].symbol])
    #expect(first?.conflated == 0)
    hub.publish([state(2, price: 1)], tickTime: UnixTime(seconds: 2))
    #expect(await subscription.next()?.tickTime == UnixTime(seconds: 2))
  }

  @Test func aStalledSubscriberIsConflatedBySymbolAndBounded() async {
    let hub = CoinStateHub()
    let slow = hub.subscribe()
    let filtered = hub.subscribe(CoinFilter(symbols: [coins[2].symbol]))
    for tick in 1...1000 {
      hub.publish([state(0, price: tick), state(1, price: tick)], tickTime: UnixTime(seconds: Double(tick)))
    }
    let batch = await slow.next()
    #expect(batch?.states.count == 2)  // one state per coin, never 2,000
    #expect(batch?.states.first?.price == 1000)  // the newest
    #expect(batch?.conflated == 1998)
    #expect(hub.counters.conflated == 1998)
    hub.publish([state(2, price: 7)], tickTime: UnixTime(seconds: 1001))
    #expect(await filtered.next()?.states.map(\.coin.symbol) == [coins[2].symbol])
  }

  @Test func cancelEndsAWaitingReaderAndForgetsTheSubscriber() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    #expect(hub.subscriberCount == 1)
    async let next = subscription.next()
    try? await Task.sleep(for: .milliseconds(20))
    subscription.cancel()
    #expect(await next == nil)
    #expect(hub.subscriberCount == 0)
    hub.publish([state(0, price: 1)], tickTime: UnixTime(seconds: 1))  // no one to deliver to: fine
  }

  @Test func finishAllEndsEverySubscription() async {
    let hub = CoinStateHub()
    let one = hub.subscribe()
    let two = hub.subscribe()
    hub.finishAll()
    #expect(await one.next() == nil)
    #expect(await two.next() == nil)
    #expect(hub.subscriberCount == 0)
  }

  @Test func anIdleWaitGetsAHeartbeatAndTheNextBatchAfterIt() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    guard case .heartbeat = await subscription.next(orHeartbeatAfter: 0.02) else {
      Issue.record("an idle wait should end with a heartbeat")
      return
    }
    hub.publish([state(0, price: 1)], tickTime: UnixTime(seconds: 1))
    guard case .batch(let batch) = await subscription.next(orHeartbeatAfter: 0.02) else {
      Issue.record("a pending batch is delivered before any heartbeat")
      return
    }
    #expect(batch.states.map(\.coin.symbol) == [coins[0].symbol])
  }

  @Test func aBatchArrivingWhileWaitingIsNotFollowedByAStaleHeartbeat() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    // A long interval: the timer started by this wait must not fire into the next one.
    async let first = subscription.next(orHeartbeatAfter: 3600)
    try? await Task.sleep(for: .milliseconds(20))
    hub.publish([state(0, price: 1)], tickTime: UnixTime(seconds: 1))
    guard case .batch = await first else {
      Issue.record("the published batch should end the wait")
      return
    }
    hub.publish([state(1, price: 1)], tickTime: UnixTime(seconds: 2))
    guard case .batch(let second) = await subscription.next(orHeartbeatAfter: 3600) else {
      Issue.record("the second batch should be delivered")
      return
    }
    #expect(second.tickTime == UnixTime(seconds: 2))
  }

  @Test func aShorterIntervalOnALaterWaitIsHonoured() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    async let first = subscription.next(orHeartbeatAfter: 3600)
    try? await Task.sleep(for: .milliseconds(20))
    hub.publish([state(0, price: 1)], tickTime: UnixTime(seconds: 1))
    _ = await first
    // The timer sleeps towards the first wait's hour; this wait is due in 20 ms and must not
    // wait for it.
    let started = ContinuousClock.now
    guard case .heartbeat = await subscription.next(orHeartbeatAfter: 0.02) else {
      Issue.record("the short wait should end with a heartbeat")
      return
    }
    #expect(ContinuousClock.now - started < .seconds(60))
  }

  @Test func cancelEndsAWaitThatAskedForHeartbeats() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    async let next = subscription.next(orHeartbeatAfter: 3600)
    try? await Task.sleep(for: .milliseconds(20))
    subscription.cancel()
    #expect(await next == nil)
    #expect(await subscription.next(orHeartbeatAfter: 0.01) == nil)
  }

  @Test(.timeLimit(.minutes(1))) func aFixedDueTimeIsKeptWhileBatchesArrive() async {
    let hub = CoinStateHub()
    let subscription = hub.subscribe()
    let publisher = Task {
      var tick = 0
      while !Task.isCancelled {
        tick += 1
        hub.publish([state(0, price: tick)], tickTime: UnixTime(seconds: Double(tick)))
        try? await Task.sleep(for: .milliseconds(10))
      }
    }
    defer { publisher.cancel() }
    // Every wait passes the same due time, as a stream that sends nothing for these batches
    // does; batches every 10 ms must not postpone it.
    let due = ContinuousClock.now + .milliseconds(200)
    var batches = 0
    while let delivery = await subscription.next(orHeartbeatAt: due) {
      if case .heartbeat = delivery { break }
      batches += 1
    }
    #expect(ContinuousClock.now >= due)
    #expect(batches > 0)
  }

  @Test func upstreamConflationReachesEverySubscriber() async {
    let hub = CoinStateHub()
    let keepsUp = hub.subscribe()
    let slow = hub.subscribe()
    hub.publish([state(0, price: 1)], tickTime: UnixTime(seconds: 1), conflated: 2)
    let first = await keepsUp.next()
    #expect(first?.conflated == 2)
    #expect(first?.tick != nil)  // still the shared tick
    hub.publish([state(0, price: 2)], tickTime: UnixTime(seconds: 2), conflated: 3)
    // `slow` read neither tick: 2 + 3 upstream, and its own replacement of coin 0.
    let caughtUp = await slow.next()
    #expect(caughtUp?.conflated == 6)
    #expect(caughtUp?.states.first?.price == 2)
    #expect(hub.counters.conflated == 1)  // the hub counts only its own conflation
  }
}
