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
  public var stopLossPercent: Decimal { didSet { factors = Factors(self) } }
  /// `risk.trailing_stop_pct`, percent below the highest price (default 3; 0 disables).
  public var trailingStopPercent: Decimal { didSet { factors = Factors(self) } }
  /// `risk.take_profit_pct`, percent above entry (default 10; 0 disables).
  public var takeProfitPercent: Decimal { didSet { factors = Factors(self) } }
  /// The trigger factors, computed once from the percentages (the exit rules run on every price
  /// of every open position, and a `Decimal` division costs more than the rest of a decision).
  private var factors = Factors()
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
    self.factors = Factors(self)
  }

  /// `1 − stop-loss %`, `1 + trailing %`, `1 − trailing %` and `1 + take-profit %` as fractions.
  private struct Factors: Hashable, Sendable {
    var stopLoss: Decimal = 1, trailingArm: Decimal = 1, trailingStop: Decimal = 1, takeProfit: Decimal = 1

    init() {}

    init(_ policy: ExitPolicy) {
      stopLoss = 1 - policy.stopLossPercent / 100
      trailingArm = 1 + policy.trailingStopPercent / 100
      trailingStop = 1 - policy.trailingStopPercent / 100
      takeProfit = 1 + policy.takeProfitPercent / 100
    }
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
      let trigger = entry * factors.stopLoss
      if price <= trigger { return .sell(.stopLoss(price: price, trigger: trigger)) }
    }
    if trailingStopPercent > 0, highest >= entry * factors.trailingArm {
      let trigger = highest * factors.trailingStop
      if price <= trigger {
        return .sell(.trailingStop(price: price, trigger: trigger, highest: highest))
      }
    }
    if takeProfitPercent > 0 {
      let trigger = entry * factors.takeProfit
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
