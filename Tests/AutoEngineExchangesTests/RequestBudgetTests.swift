import AutoEngineCore
import AutoEngineTestSupport
import Testing

@testable import AutoEngineExchanges

@Suite("Request budget")
struct RequestBudgetTests {
  let clock = ManualClock()

  func budget(_ policy: RequestBudgetPolicy, seed: UInt64 = 7) -> RequestBudget {
    RequestBudget(
      service: "Test", policy: policy, clock: ManualBudgetClock(clock: clock), random: SeededRandom(seed: seed))
  }

  @Test("admits the window's limit, then waits for the oldest request to leave it")
  func slidingWindowWaits() async throws {
    let budget = budget(.coinbasePublic)
    var sendTimes: [Double] = []
    for _ in 0..<35 {
      try await budget.acquire()
      sendTimes.append(clock.now().seconds)
    }
    // In any window (t − 1 s, t] at most 10 requests were sent.
    for time in sendTimes {
      #expect(sendTimes.filter { $0 > time - 1 && $0 <= time }.count <= 10)
    }
    #expect(clock.sleeps.allSatisfy { $0 > 0 && $0 <= 1 })
    #expect(clock.now().seconds - sendTimes[0] >= 3)
    let status = await budget.status()
    #expect(status.totalCalls == 35)
    #expect(status.callsLastMinute == 35)
  }

  @Test("concurrent callers share the window: 30 requests need at least three 1-second windows")
  func concurrentCallers() async throws {
    let budget = budget(RequestBudgetPolicy(limit: 10, windowSeconds: 1, maxWaitSeconds: 10))
    let start = clock.now()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<30 { group.addTask { try await budget.acquire() } }
      try await group.waitForAll()
    }
    #expect(clock.now().since(start) >= 2)
    #expect(await budget.status().totalCalls == 30)
  }

  @Test("fails at once with budgetDenied when room would take longer than the bounded wait")
  func boundedWait() async throws {
    let budget = budget(RequestBudgetPolicy(limit: 3, windowSeconds: 60, maxWaitSeconds: 2))
    for _ in 0..<3 { try await budget.acquire() }
    let start = clock.now()
    let error = await exchangeError { try await budget.acquire() }
    guard case .budgetDenied(_, let until, .windowFull) = error else {
      Issue.record("expected a window-full denial, got \(String(describing: error))")
      return
    }
    #expect(until == start.adding(60))
    #expect(clock.now() == start)
  }

  @Test("a request heavier than the limit is admitted only into an empty window")
  func heavyRequest() async throws {
    let budget = budget(RequestBudgetPolicy(limit: 5, windowSeconds: 10, maxWaitSeconds: 20))
    try await budget.acquire(weight: 8)
    try await budget.acquire(weight: 8)
    #expect(clock.now().seconds - 1_750_000_000 == 10)
  }

  @Test("HTTP 429 with Retry-After blocks exactly that long")
  func retryAfterHonoured() async throws {
    let budget = budget(.coinbasePublic)
    try await budget.acquire()
    let start = clock.now()
    let state = await budget.record(status: 429, headers: ["Retry-After": "30"])
    #expect(state == .throttled(until: start.adding(30)))
    clock.advance(by: 29.999)
    let error = await exchangeError { try await budget.acquire() }
    #expect(error == .budgetDenied(service: "Test", until: start.adding(30), reason: .rateLimited))
    clock.advance(by: 0.001)
    try await budget.acquire()
    #expect(await budget.status().state == .ok)
  }

  @Test("HTTP 418 without Retry-After bans for two minutes; with it, for exactly its value")
  func banDurations() async throws {
    let budget = budget(.binanceUS)
    let start = clock.now()
    #expect(await budget.record(status: 418, headers: [:]) == .banned(until: start.adding(120)))
    clock.advance(by: 119)
    #expect(await exchangeError { try await budget.acquire() }?.retryAt == start.adding(120))
    clock.advance(by: 1)
    try await budget.acquire()
    let later = clock.now()
    #expect(await budget.record(status: 418, headers: ["retry-after": " 600 "]) == .banned(until: later.adding(600)))
  }

  @Test("a shorter block never shortens a ban in force")
  func banNotShortened() async throws {
    let budget = budget(.binanceUS)
    let start = clock.now()
    await budget.record(status: 418, headers: ["Retry-After": "300"])
    await budget.record(status: 429, headers: ["Retry-After": "5"])
    #expect(await budget.status().state == .banned(until: start.adding(300)))
  }

  @Test("5xx and timeouts back off exponentially with jitter, and a success resets the backoff")
  func exponentialBackoff() async throws {
    let budget = budget(RequestBudgetPolicy(limit: 100, windowSeconds: 1, baseBackoffSeconds: 1, maxBackoffSeconds: 60))
    var delays: [Double] = []
    for attempt in 0..<8 {
      let now = clock.now()
      let state =
        attempt % 2 == 0
        ? await budget.record(status: 503, headers: [:]) : await budget.recordFailure(.timeout)
      guard case .backingOff(let until) = state else {
        Issue.record("expected backing off, got \(state)")
        return
      }
      let delay = until.since(now)
      delays.append(delay)
      let nominal = min(60, Double(1 << attempt))
      #expect(delay >= nominal * 0.5 && delay < nominal)
      #expect(await exchangeError { try await budget.acquire() }?.retryAt == until)
      clock.advance(by: delay)
    }
    #expect(delays[5] > delays[0] * 8)
    #expect(await budget.status().consecutiveFailures == 8)
    try await budget.acquire()
    await budget.record(status: 200, headers: [:])
    #expect(await budget.status().consecutiveFailures == 0)
    let now = clock.now()
    let state = await budget.record(status: 500, headers: [:])
    #expect(state.until.map { $0.since(now) < 1 } == true)
  }

  @Test("the same seed gives the same jitter")
  func seededJitter() async {
    func firstDelays(seed: UInt64) async -> [Double] {
      let clock = ManualClock()
      let budget = RequestBudget(
        service: "T", policy: .coinbasePublic, clock: ManualBudgetClock(clock: clock), random: SeededRandom(seed: seed))
      var delays: [Double] = []
      for _ in 0..<4 { delays.append(await budget.recordFailure(.transport).until?.since(clock.now()) ?? 0) }
      return delays
    }
    #expect(await firstDelays(seed: 42) == firstDelays(seed: 42))
    #expect(await firstDelays(seed: 42) != firstDelays(seed: 43))
  }

  @Test("the server's used-weight header limits the current minute")
  func usedWeightHeader() async throws {
    let budget = budget(.binanceUS)
    // The server's minutes start at multiples of 60 s: 1_750_000_020 is one; 40 s are left at …040.
    clock.advance(by: 40)
    try await budget.acquire(weight: 1)
    await budget.record(status: 200, headers: ["X-MBX-USED-WEIGHT-1M": "1195"])
    var status = await budget.status()
    #expect(status.usedWeight == 1195)
    #expect(status.weightLimit == 1200)
    try await budget.acquire(weight: 5)
    #expect(await budget.status().usedWeight == 1200)
    let error = await exchangeError { try await budget.acquire(weight: 10) }
    #expect(error == .budgetDenied(service: "Test", until: UnixTime(seconds: 1_750_000_080), reason: .windowFull))
    clock.advance(by: 40)
    status = await budget.status()
    #expect(status.usedWeight == 6)
    try await budget.acquire(weight: 10)
  }

  @Test("the weight limit can be replaced from the exchange's rate limits")
  func limitUpdate() async throws {
    let budget = budget(.binanceUS)
    await budget.updateLimit(20, windowSeconds: 60)
    try await budget.acquire(weight: 10)
    try await budget.acquire(weight: 10)
    #expect(await exchangeError { try await budget.acquire(weight: 1) }?.retryAt == clock.now().adding(60))
    #expect(await budget.status().weightLimit == 20)
  }

  @Test("counters: errors, malformed answers, last success and the 60-second call window")
  func counters() async throws {
    let budget = budget(RequestBudgetPolicy(limit: 100, windowSeconds: 1))
    for _ in 0..<5 { try await budget.acquire() }
    await budget.record(status: 200, headers: [:])
    let success = clock.now()
    await budget.record(status: 400, headers: [:])
    await budget.recordMalformed()
    clock.advance(by: 30)
    for _ in 0..<3 { try await budget.acquire() }
    clock.advance(by: 30)
    let status = await budget.status()
    #expect(status.totalCalls == 8)
    #expect(status.callsLastMinute == 3)
    #expect(status.totalErrors == 1)
    #expect(status.malformedAnswers == 1)
    #expect(status.lastSuccess == success)
    #expect(status.consecutiveFailures == 0)
    #expect(status.state == .ok)
  }

  @Test("Retry-After values: seconds are read, anything else is not")
  func retryAfterParsing() {
    #expect(RequestBudget.retryAfterSeconds("30") == 30)
    #expect(RequestBudget.retryAfterSeconds(" 1.5 ") == 1.5)
    #expect(RequestBudget.retryAfterSeconds("-3") == nil)
    #expect(RequestBudget.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
    #expect(RequestBudget.retryAfterSeconds("inf") == nil)
  }
}
