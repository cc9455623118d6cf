import AutoEngineCore
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
    coinsTotal = UInt32(report.coinsTotal)
    coinsEnabled = UInt32(report.coinsEnabled)
    coinsStale = UInt32(report.coinsStale)
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
