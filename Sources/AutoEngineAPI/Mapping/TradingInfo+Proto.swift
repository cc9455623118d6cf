import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_TradingInfo {
  /// The contract's trading information: the one place this message is mapped.
  ///
  /// `kill_switch_reason` is set only while the kill switch is active; `autobuy_started_at` is
  /// absent when autobuy was never started.
  init(_ report: TradingInfoReport) {
    self.init()
    autobuyRunning = report.autobuy.running
    mode = .init(report.mode)
    broker = report.broker
    totals = .init(report.totals)
    perCoin = report.perCoin.map(Autoengine_V1_TradingStatistics.init)
    positions = report.positions.map(Autoengine_V1_Position.init)
    openOrders = report.openOrders.map(Autoengine_V1_Order.init)
    balances = report.balances.map(Autoengine_V1_Balance.init)
    risk = .init(report.configuration)
    killSwitchActive = report.autobuy.killSwitchActive
    killSwitchReason = report.autobuy.killSwitchActive ? report.autobuy.reason : ""
    if let started = report.autobuy.startedAt { autobuyStartedAt = .init(started) }
  }
}

extension Autoengine_V1_RiskSettings {
  /// The rules in force: `strategy.min_confidence`, `strategy.max_confidence`,
  /// `strategy.min_signal_strength`, `strategy.cooldown_period`, `risk.*` and
  /// `trading.open_order_timeout` (seconds rounded to whole seconds).
  init(_ configuration: EngineConfiguration) {
    self.init()
    minConfidence = configuration.strategy.minConfidence
    maxConfidence = configuration.strategy.maxConfidence
    minSignalStrength = configuration.strategy.minSignalStrength
    cooldownSeconds = Self.seconds(configuration.strategy.cooldownPeriod)
    stopLossPct = configuration.risk.stopLossPercent.doubleValue
    takeProfitPct = configuration.risk.takeProfitPercent.doubleValue
    trailingStopPct = configuration.risk.trailingStopPercent.doubleValue
    maxOpenPositions = UInt32(clamping: configuration.risk.maxOpenPositions)
    maxTotalExposure = configuration.risk.maxTotalExposure.decimalString
    dailyLossLimit = configuration.risk.dailyLossLimit.decimalString
    openOrderTimeoutSeconds = Self.seconds(configuration.trading.openOrderTimeout)
  }

  /// Whole seconds, clamped to the field's range.
  private static func seconds(_ value: Double) -> UInt32 {
    guard value.isFinite, value > 0 else { return 0 }
    return value >= Double(UInt32.max) ? .max : UInt32(value.rounded())
  }
}

extension Autoengine_V1_TradingStatistics {
  /// The contract's statistics of one coin (`symbol` set) or of all coins (`symbol` empty).
  init(_ statistics: TradingStatistics) {
    self.init()
    symbol = statistics.symbol ?? ""
    tradesAttempted = UInt64(clamping: statistics.attempted)
    tradesSucceeded = UInt64(clamping: statistics.succeeded)
    tradesFailed = UInt64(clamping: statistics.failed)
    tradesRefused = UInt64(clamping: statistics.refused)
    reasons = statistics.reasons.mapValues { UInt64(clamping: $0) }
    realizedPnl = statistics.realizedPnl.decimalString
    unrealizedPnl = statistics.unrealizedPnl.decimalString
    wins = UInt64(clamping: statistics.wins)
    losses = UInt64(clamping: statistics.losses)
    winRate = statistics.winRate
  }
}

extension Autoengine_V1_AutobuyStateResponse {
  /// The answer of StartAutobuy and StopAutobuy.
  init(_ outcome: (state: AutobuyState, changed: Bool, message: String)) {
    self.init()
    autobuyRunning = outcome.state.running
    changed = outcome.changed
    message = outcome.message
  }
}

extension Autoengine_V1_AutobuyStateChange {
  /// The contract's form of an autobuy or kill-switch change.
  init(_ state: AutobuyState) {
    self.init()
    autobuyRunning = state.running
    killSwitchActive = state.killSwitchActive
    reason = state.reason
  }
}

extension Autoengine_V1_CancelOrdersResponse {
  /// The answer of CancelOrders and CancelAllOrders: the cancelled orders and the failures.
  init(_ outcome: CancelOutcome) {
    self.init()
    cancelled = outcome.cancelled.map(Autoengine_V1_Order.init)
    failures = outcome.failures.map { failure in
      .with {
        $0.clientOrderID = failure.clientOrderId
        $0.symbol = failure.symbol
        $0.reason = failure.reason
      }
    }
  }
}
