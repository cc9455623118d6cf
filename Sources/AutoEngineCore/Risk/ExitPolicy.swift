public import FoundationEssentials

/// The exit rules for an open long position: stop-loss, trailing stop, take-profit, SELL signal.
///
/// Rules, checked in this order (the first that fires is the reason); a percentage of 0 disables
/// its rule; all comparisons are exact `Decimal` and inclusive at the trigger:
/// 1. stop-loss: sell when `price ≤ entry × (1 − stopLossPercent/100)` (default 5 %);
/// 2. trailing stop: armed once the highest price since entry has reached
///    `entry × (1 + trailingStopPercent/100)`; then sell when
///    `price ≤ highest × (1 − trailingStopPercent/100)` (default 3 %). Arming only after a gain of
///    the same size keeps the trailing stop from firing before the stop-loss on an early dip;
/// 3. take-profit: sell when `price ≥ entry × (1 + takeProfitPercent/100)` (default 10 %);
/// 4. SELL signal: sell when the aggregated action is SELL with strength ≥ `minSignalStrength`
///    and confidence ≥ `minConfidence` (the same thresholds as buying).
/// The highest price used is the larger of the recorded highest and the current price.
public struct ExitPolicy: Hashable, Sendable {
  /// `risk.stop_loss_pct`, percent below entry (default 5; 0 disables).
  public var stopLossPercent: Decimal
  /// `risk.trailing_stop_pct`, percent below the highest price (default 3; 0 disables).
  public var trailingStopPercent: Decimal
  /// `risk.take_profit_pct`, percent above entry (default 10; 0 disables).
  public var takeProfitPercent: Decimal
  /// `strategy.min_confidence` (default 0.7).
  public var minConfidence: Double
  /// `strategy.min_signal_strength` (default 0.6).
  public var minSignalStrength: Double

  /// Creates a policy; defaults are the documented defaults.
  public init(
    stopLossPercent: Decimal = 5, trailingStopPercent: Decimal = 3, takeProfitPercent: Decimal = 10,
    minConfidence: Double = 0.7, minSignalStrength: Double = 0.6
  ) {
    self.stopLossPercent = stopLossPercent
    self.trailingStopPercent = trailingStopPercent
    self.takeProfitPercent = takeProfitPercent
    self.minConfidence = minConfidence
    self.minSignalStrength = minSignalStrength
  }

  /// The policy of a configuration (`risk.*_pct` and the `strategy.*` thresholds).
  public init(configuration: EngineConfiguration) {
    self.init(
      stopLossPercent: configuration.risk.stopLossPercent,
      trailingStopPercent: configuration.risk.trailingStopPercent,
      takeProfitPercent: configuration.risk.takeProfitPercent,
      minConfidence: configuration.strategy.minConfidence,
      minSignalStrength: configuration.strategy.minSignalStrength)
  }

  /// Decides whether to sell a position now at `price`, given the coin's aggregated `signal`
  /// (`nil` when there is none); see the type's documentation for the rules.
  public func decide(
    position: OpenPositionPrices, price: Decimal, signal: SignalSnapshot? = nil
  ) -> ExitDecision {
    let entry = position.entryPrice
    let highest = Swift.max(position.highestPrice, price)
    if stopLossPercent > 0 {
      let trigger = entry * (1 - stopLossPercent / 100)
      if price <= trigger { return .sell(.stopLoss(price: price, trigger: trigger)) }
    }
    if trailingStopPercent > 0, highest >= entry * (1 + trailingStopPercent / 100) {
      let trigger = highest * (1 - trailingStopPercent / 100)
      if price <= trigger {
        return .sell(.trailingStop(price: price, trigger: trigger, highest: highest))
      }
    }
    if takeProfitPercent > 0 {
      let trigger = entry * (1 + takeProfitPercent / 100)
      if price >= trigger { return .sell(.takeProfit(price: price, trigger: trigger)) }
    }
    if let signal, signal.action == .sell, signal.strength >= minSignalStrength,
      signal.confidence >= minConfidence
    {
      return .sell(.sellSignal(strength: signal.strength, confidence: signal.confidence))
    }
    return .hold
  }
}
