import AutoEngineCore
import Synchronization
import Testing

@testable import AutoEngineRuntime

/// A clock the test moves by hand.
final class ManualClock: WallClock {
  private let current: Mutex<UnixTime>
  init(_ start: UnixTime) { current = Mutex(start) }
  func now() -> UnixTime { current.withLock { $0 } }
  func advance(by seconds: Double) { current.withLock { $0 = $0.adding(seconds) } }
}

@Suite struct EngineHealthTests {
  @Test func freshEngineServesAndReportsUptimeFromTheInjectedClock() async {
    let clock = ManualClock(UnixTime(seconds: 1_700_000_000))
    let engine = Engine(clock: clock, version: "9.9.9")
    clock.advance(by: 42.5)
    let report = await engine.health()
    #expect(report.status == .serving)
    #expect(report.version == "9.9.9")
    #expect(report.uptimeSeconds == 42.5)
    #expect(report.time == UnixTime(seconds: 1_700_000_042.5))
    #expect(report.components.map(\.name) == ["engine"])
  }

  @Test func overallStateFollowsTheWorstComponent() {
    let serving = ComponentHealth(name: "a", state: .serving)
    let degraded = ComponentHealth(name: "b", state: .degraded)
    let down = ComponentHealth(name: "c", state: .notServing)
    #expect(HealthReport.overall(systemRunning: true, components: [serving]) == .serving)
    #expect(HealthReport.overall(systemRunning: true, components: [serving, degraded]) == .degraded)
    #expect(HealthReport.overall(systemRunning: true, components: [degraded, down]) == .notServing)
    #expect(HealthReport.overall(systemRunning: false, components: [serving]) == .notServing)
  }

  @Test func componentsAreSortedAndCanBeRemoved() async {
    let engine = Engine()
    await engine.updateComponent(ComponentHealth(name: "rest", state: .serving))
    await engine.updateComponent(ComponentHealth(name: "grpc", state: .degraded, detail: "slow"))
    #expect(await engine.health().components.map(\.name) == ["engine", "grpc", "rest"])
    #expect(await engine.health().status == .degraded)
    await engine.removeComponent(named: "grpc")
    #expect(await engine.health().components.map(\.name) == ["engine", "rest"])
    #expect(await engine.health().status == .serving)
  }

  @Test func healthWatchStartsWithCurrentReportThenPushesChanges() async {
    let engine = Engine()
    let (id, reports) = await engine.watchHealth()
    var iterator = reports.makeAsyncIterator()
    #expect(await iterator.next()?.status == .serving)
    await engine.updateComponent(ComponentHealth(name: "journal", state: .notServing, detail: "disk full"))
    #expect(await iterator.next()?.status == .notServing)
    #expect(engine.healthWatcherCount == 1)
    engine.unwatchHealth(id)
    #expect(await iterator.next() == nil)
    #expect(engine.healthWatcherCount == 0)
    engine.unwatchHealth(id)  // twice is harmless
  }

  @Test func slowHealthWatcherSeesOnlyTheNewestReport() async {
    let engine = Engine()
    let (id, reports) = await engine.watchHealth()
    for index in 0..<50 {
      await engine.updateComponent(ComponentHealth(name: "fetcher", state: .degraded, detail: "attempt \(index)"))
    }
    var iterator = reports.makeAsyncIterator()
    let first = await iterator.next()
    #expect(first?.components.first { $0.name == "fetcher" }?.detail == "attempt 49")
    engine.unwatchHealth(id)
  }

  @Test func endStreamsFinishesEveryWatcher() async {
    let engine = Engine()
    let (_, first) = await engine.watchHealth()
    let (_, second) = await engine.watchHealth()
    engine.endStreams()
    #expect(engine.healthWatcherCount == 0)
    var one = first.makeAsyncIterator()
    var two = second.makeAsyncIterator()
    _ = await one.next()  // the initial report may still be buffered
    _ = await two.next()
    #expect(await one.next() == nil)
    #expect(await two.next() == nil)
  }

  @Test func notBuiltYetNamesTheFeatureAndVersion() {
    let error = EngineError.notBuiltYet("CoinStateService.ListCoins")
    #expect(error.code == .notImplemented)
    #expect(error.message.contains("CoinStateService.ListCoins"))
    #expect(error.message.contains(AutoEngineVersion.current))
  }
}
