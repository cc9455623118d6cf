import AutoEngineCore
import AutoEngineExchanges
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_SystemStatus {
  /// The contract's system status: the one place this message is mapped.
  init(_ report: SystemStatusReport) {
    self.init()
    running = report.running
    version = report.version
    startedAt = .init(report.startedAt)
    uptimeSeconds = report.uptimeSeconds
    marketSource = .init(report.marketSource)
    tradingMode = report.tradingMode
    autobuyRunning = false
    components = report.components.map(Autoengine_V1_ComponentStatus.init)
    cache = .with {
      $0.hits = report.cacheHits
      $0.misses = report.cacheMisses
      $0.hitRate = report.cacheHitRate
      $0.coinsCached = UInt32(report.coinsCached)
      $0.staleCoins = UInt32(report.coinsStale)
      $0.backend = "memory"
    }
    streams = .with {
      $0.subscribers = UInt32(report.subscribers)
      $0.messagesSent = report.messagesPublished
      $0.messagesConflated = report.messagesConflated
    }
    exchanges = report.exchanges.map { Autoengine_V1_ExchangeStatus($0, unavailable: report.unavailableSymbols) }
    callsPerMinute = report.exchanges.reduce(0) { $0 + Double($1.budget.callsLastMinute) }
    coinsTotal = UInt32(report.coinsTotal)
    coinsEnabled = UInt32(report.coinsEnabled)
    coinsStale = UInt32(report.coinsStale)
  }
}

extension Autoengine_V1_ExchangeStatus {
  init(_ report: ExchangeStatusReport, unavailable: [String]) {
    self.init()
    exchange = .init(report.exchange)
    reachable = report.reachable
    let budget = report.budget
    switch budget.state {
    case .ok: rateLimit = budget.usedWeight * 10 >= budget.weightLimit * 9 ? .throttled : .ok
    case .throttled, .backingOff: rateLimit = .backingOff
    case .banned: rateLimit = .banned
    }
    if let until = budget.state.until { retryAfterUntil = .init(until) }
    callsPerMinute = Double(budget.callsLastMinute)
    callsTotal = UInt64(budget.totalCalls)
    errorsTotal = UInt64(budget.totalErrors)
    malformedResponses = UInt64(budget.malformedAnswers)
    usedWeight = Int64(budget.usedWeight)
    weightLimit = Int64(budget.weightLimit)
    unavailableSymbols = unavailable.filter { Exchange.inferred(fromSymbol: $0) == report.exchange }
    if let time = budget.lastSuccess { lastSuccess = .init(time) }
    baseURL = report.baseURL
  }
}

extension Autoengine_V1_ComponentStatus {
  init(_ status: ComponentStatus) {
    self.init()
    name = status.name
    state = .init(status.state)
    if let time = status.lastRun { lastRun = .init(time) }
    if let time = status.lastSuccess { lastSuccess = .init(time) }
    runs = status.runs
    errors = status.errors
    lastError = status.lastError
    intervalSeconds = status.interval
    detail = status.detail
  }
}

extension Autoengine_V1_ComponentState {
  init(_ state: ComponentStatus.State) {
    switch state {
    case .starting: self = .starting
    case .running: self = .running
    case .degraded: self = .degraded
    case .stopped: self = .stopped
    case .failed: self = .failed
    }
  }
}

extension Autoengine_V1_MarketSource {
  init(_ kind: MarketSourceKind) {
    switch kind {
    case .live: self = .live
    case .simulated: self = .simulated
    case .replay: self = .replay
    }
  }
}

extension Autoengine_V1_SystemStateResponse {
  /// The answer of StartSystem; `changed` is false when the system was running already.
  init(started changed: Bool) {
    self.init()
    running = true
    self.changed = changed
    message = changed ? "system started: fetchers and strategies resumed" : "system was already running"
  }

  /// The answer of StopSystem; `changed` is false when the system was stopped already.
  init(stopped changed: Bool) {
    self.init()
    running = false
    self.changed = changed
    message =
      changed
      ? "system stopped: fetchers and strategies paused (the server keeps serving)" : "system was already stopped"
  }
}
