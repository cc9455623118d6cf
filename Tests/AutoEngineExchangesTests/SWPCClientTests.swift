import AutoEngineCore
import AutoEngineTestSupport
import Testing

@testable import AutoEngineExchanges

@Suite("NOAA SWPC feeds over loopback")
struct SWPCClientTests {
  static let t0 = UnixTime(seconds: 1_747_484_160)  // 2025-05-17T12:16:00Z

  @Test("the latest flare: class, begin, peak and end times")
  func latestFlare() async throws {
    try await ExchangeHarness.run(solar: .sample(endingAt: Self.t0)) { h async throws in
      let flare = try #require(try await h.swpc().latestFlare())
      #expect(flare.flareClass == FlareClass(letter: .m, magnitude: 2.4))
      #expect(flare.peakTime == Self.t0.adding(-3600))
      #expect(flare.beginTime == Self.t0.adding(-4200))
      #expect(flare.endTime == Self.t0.adding(-3000))
      #expect(h.state.callCount(.swpcFlaresLatest) == 1)
    }
  }

  @Test("the 7-day feed (no current_* fields) gives its newest flare; an ongoing flare has its current class")
  func sevenDayFeed() async throws {
    var feeds = MockSolarFeeds.sample(endingAt: Self.t0)
    feeds.flares.insert(
      MockSolarFeeds.Flare(
        beginTime: Self.t0.adding(-90_000), beginClass: "C1.0", maxTime: Self.t0.adding(-89_000), maxClass: "X1.2"),
      at: 0)
    try await ExchangeHarness.run(solar: feeds) { h async throws in
      let newest = try #require(try await h.swpc(flareFeed: .sevenDay).latestFlare())
      #expect(newest.flareClass.description == "M2.4")
      #expect(h.state.callCount(.swpcFlares7Day) == 1)
      h.state.solarFeeds.flares = [MockSolarFeeds.Flare(beginTime: Self.t0, beginClass: "C2.0", currentClass: "C4.5")]
      let ongoing = try #require(try await h.swpc().latestFlare())
      #expect(ongoing.flareClass.description == "C4.5")
      #expect(ongoing.peakTime == nil && ongoing.endTime == nil)
      #expect(ongoing.observedAt == Self.t0)
      h.state.solarFeeds.flares = []
      #expect(try await h.swpc().latestFlare() == nil)
    }
  }

  @Test("X-ray flux: the newest 0.1–0.8 nm value, not the short band")
  func xrayFlux() async throws {
    var feeds = MockSolarFeeds.sample(endingAt: Self.t0)
    feeds.xrayFlux.append(.init(time: Self.t0.adding(60), shortBandFlux: 9e-6, longBandFlux: 3.2e-5))
    try await ExchangeHarness.run(solar: feeds) { h async throws in
      let reading = try #require(try await h.swpc().xrayFlux())
      #expect(reading == SWPCClient.FluxReading(flux: 3.2e-5, time: Self.t0.adding(60)))
      #expect(FlareClass(flux: reading.flux)?.description == "M3.2")
    }
  }

  @Test("1-minute Kp: estimated_kp of the newest entry (time without a zone is UTC)")
  func kp1m() async throws {
    var feeds = MockSolarFeeds.sample(endingAt: Self.t0)
    feeds.kp1m.append(.init(time: Self.t0.adding(60), kp: 5.67))
    try await ExchangeHarness.run(solar: feeds) { h async throws in
      #expect(try await h.swpc().planetaryKIndex1m() == SWPCClient.KpReading(kp: 5.67, time: Self.t0.adding(60)))
    }
  }

  @Test("3-hourly Kp in both documented shapes", arguments: [MockSolarFeeds.KpProductShape.headerRow, .objects])
  func kp3h(shape: MockSolarFeeds.KpProductShape) async throws {
    var feeds = MockSolarFeeds.sample(endingAt: Self.t0)
    feeds.kp3hShape = shape
    try await ExchangeHarness.run(solar: feeds) { h async throws in
      let reading = try #require(try await h.swpc().planetaryKIndex3h())
      #expect(reading.kp == 2.67)
      #expect(reading.time == UnixTime(seconds: (Self.t0.seconds / 10_800).rounded(.down) * 10_800))
    }
  }

  @Test("solarActivity combines the feeds; a failing feed leaves only its field empty")
  func solarActivity() async throws {
    try await ExchangeHarness.run(solar: .sample(endingAt: Self.t0)) { h async throws in
      let client = h.swpc()
      let full = try await client.solarActivity()
      #expect(full.latestFlareClass?.description == "M2.4")
      #expect(full.flarePeakTime == Self.t0.adding(-3600))
      #expect(full.xrayFlux == 1.5e-6)
      #expect(full.kpIndex == 2.33)
      #expect(full.observedAt == Self.t0)
      #expect(full.currentFlareClass?.description == "C1.5")

      h.state.inject(.malformedJSON, on: .swpcXrays6Hour)
      h.state.inject(.respond(status: 200, body: "[]"), on: .swpcKp1m)
      h.clock.advance(by: 3600)
      let partial = try await client.solarActivity()
      #expect(partial.xrayFlux == nil)
      #expect(partial.kpIndex == 2.67)
      #expect(partial.latestFlareClass?.description == "M2.4")
      #expect(h.state.callCount(.swpcKp3h) == 1)
      #expect(await client.budget.status().malformedAnswers == 1)

      // A 503 starts a backoff: the feeds after it are not asked, and stay empty.
      h.clock.advance(by: 3600)
      h.state.inject(.serverError(status: 503), on: .swpcXrays6Hour)
      let backedOff = try await client.solarActivity()
      #expect(backedOff.latestFlareClass?.description == "M2.4")
      #expect(backedOff.xrayFlux == nil)
      #expect(backedOff.kpIndex == nil)
      #expect(h.state.callCount(.swpcKp1m) == 2)
      #expect(h.state.callCount(.swpcKp3h) == 1)
    }
  }

  @Test("solarActivity throws only when every feed failed")
  func allFeedsFail() async throws {
    try await ExchangeHarness.run(solar: .sample(endingAt: Self.t0)) { h async throws in
      let client = h.swpc()
      for endpoint in [MockEndpoint.swpcFlaresLatest, .swpcXrays6Hour, .swpcKp1m, .swpcKp3h] {
        h.state.inject(.respond(status: 200, body: #"{"unexpected":"object"}"#), on: endpoint)
      }
      let error = await exchangeError { try await client.solarActivity() }
      guard case .malformed(let endpoint, let reason) = error else {
        Issue.record("expected malformed, got \(String(describing: error))")
        return
      }
      #expect(endpoint.path == SWPCClient.FlareFeed.latest.rawValue)
      #expect(reason == "flare feed is an object, expected an array")
    }
  }
}
