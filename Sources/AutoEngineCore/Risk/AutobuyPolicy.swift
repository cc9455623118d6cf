public import FoundationEssentials

/// The autobuy entry rule: whether to buy a coin now, and for how much.
///
/// Checks run in this order and the first that fails is the reason given (global state first,
/// then the coin, then its signal, then timing, then portfolio limits, then money):
/// 1. autobuy is running — else `.autobuyStopped`;
/// 2. today's realised loss is below `dailyLossLimit` — else `.dailyLossLimit` until 00:00 UTC
///    (the kill switch);
/// 3. the coin is enabled — else `.coinDisabled`;
/// 4. its price is not stale — else `.stale`;
/// 5. the aggregated action is BUY — else `.notABuySignal`;
/// 6. strength ≥ `minSignalStrength` — else `.strengthTooLow`;
/// 7. confidence ≥ `minConfidence` — else `.confidenceTooLow`;
/// 8. at least `cooldownPeriod` seconds have passed since the coin's last trade — else `.cooldown`;
/// 9. no order for the coin is open — else `.openOrder`;
/// 10. fewer than `maxOpenPositions` positions are open — else `.maxOpenPositions`;
/// 11. `maxTotalExposure − totalExposure` covers the coin's minimum trade — else `.maxExposure`;
/// 12. the balance covers the coin's minimum trade — else `.insufficientBalance`.
/// The amount is then `PositionSizing` for the confidence, within the coin's limits, capped by
/// both the balance and the exposure headroom, rounded down to cents.
/// Thresholds are inclusive: a signal exactly at a minimum passes, and buying is allowed again
/// exactly `cooldownPeriod` seconds after the last trade.
public struct AutobuyPolicy: Hashable, Sendable {
  /// Smallest confidence that may buy, 0…1 (`strategy.min_confidence`, 0.7).
  public var minConfidence: Double
  /// Smallest strength that may buy, 0…1 (`strategy.min_signal_strength`, 0.6).
  public var minSignalStrength: Double
  /// Seconds after a coin's last trade before it may be bought again (`strategy.cooldown_period`, 300).
  public var cooldownPeriod: Double
  /// Open positions at which autobuy stops opening more (`risk.max_open_positions`, 10).
  public var maxOpenPositions: Int
  /// Largest total quote value of open positions (`risk.max_total_exposure`, 20,000).
  public var maxTotalExposure: Decimal
  /// Realised loss since 00:00 UTC that stops autobuy for the day (`risk.daily_loss_limit`, 500).
  public var dailyLossLimit: Decimal
  /// How the amount scales with confidence.
  public var sizing: PositionSizing

  /// Creates a policy; defaults are the documented defaults.
  public init(
    minConfidence: Double = 0.7, maxConfidence: Double = 0.95, minSignalStrength: Double = 0.6,
    cooldownPeriod: Double = 300, maxOpenPositions: Int = 10, maxTotalExposure: Decimal = 20_000,
    dailyLossLimit: Decimal = 500, quoteDecimalPlaces: Int = 2
  ) {
    self.minConfidence = minConfidence
    self.minSignalStrength = minSignalStrength
    self.cooldownPeriod = cooldownPeriod
    self.maxOpenPositions = maxOpenPositions
    self.maxTotalExposure = maxTotalExposure
    self.dailyLossLimit = dailyLossLimit
    self.sizing = PositionSizing(
      minConfidence: minConfidence, maxConfidence: maxConfidence,
      quoteDecimalPlaces: quoteDecimalPlaces)
  }

  /// The policy of a configuration (`strategy.*` thresholds and `risk.*` limits).
  public init(configuration: EngineConfiguration, quoteDecimalPlaces: Int = 2) {
    self.init(
      minConfidence: configuration.strategy.minConfidence,
      maxConfidence: configuration.strategy.maxConfidence,
      minSignalStrength: configuration.strategy.minSignalStrength,
      cooldownPeriod: configuration.strategy.cooldownPeriod,
      maxOpenPositions: configuration.risk.maxOpenPositions,
      maxTotalExposure: configuration.risk.maxTotalExposure,
      dailyLossLimit: configuration.risk.dailyLossLimit, quoteDecimalPlaces: quoteDecimalPlaces)
  }

  /// Decides whether to buy `context.coin` now; see the type's documentation for the checks.
  public func decide(_ context: AutobuyContext) -> EntryDecision {
    guard context.isAutobuyRunning else { return .refuse(.autobuyStopped) }
    if context.dailyRealisedLoss >= dailyLossLimit {
      return .refuse(
        .dailyLossLimit(
          loss: context.dailyRealisedLoss, limit: dailyLossLimit, until: context.now.nextUTCMidnight))
    }
    guard context.coin.enabled else { return .refuse(.coinDisabled) }
    guard !context.isStale else { return .refuse(.stale) }
    let signal = context.signal
    guard signal.action == .buy else { return .refuse(.notABuySignal(signal.action)) }
    guard signal.strength >= minSignalStrength else {
      return .refuse(.strengthTooLow(signal.strength, minimum: minSignalStrength))
    }
    guard signal.confidence >= minConfidence else {
      return .refuse(.confidenceTooLow(signal.confidence, minimum: minConfidence))
    }
    if let lastTrade = context.lastTradeTime {
      let until = lastTrade.adding(cooldownPeriod)
      if context.now < until { return .refuse(.cooldown(until: until)) }
    }
    guard !context.hasOpenOrder else { return .refuse(.openOrder) }
    guard context.openPositionCount < maxOpenPositions else {
      return .refuse(.maxOpenPositions(maxOpenPositions))
    }
    let headroom = maxTotalExposure - context.totalExposure
    guard headroom >= context.coin.minTradeAmount else {
      return .refuse(.maxExposure(current: context.totalExposure, limit: maxTotalExposure))
    }
    let refusal = EntryRefusal.insufficientBalance(
      available: context.availableBalance, minimum: context.coin.minTradeAmount)
    guard context.availableBalance >= context.coin.minTradeAmount else { return .refuse(refusal) }
    let size = sizing.size(
      confidence: signal.confidence, coin: context.coin,
      available: Swift.min(context.availableBalance, headroom))
    guard let amount = size.amount else { return .refuse(refusal) }
    return .buy(quoteAmount: amount)
  }
}
