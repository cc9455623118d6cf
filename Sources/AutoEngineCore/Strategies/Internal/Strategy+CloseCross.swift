extension Strategy {
  /// The signal of a close crossing `level` between the previous candle and this one: BUY when it
  /// crosses up, SELL when it crosses down, HOLD otherwise. Strength grows with the close's
  /// distance from the level, percent, reaching 1 at `fullStrengthPct`.
  ///
  /// Shared by the strategies whose rule is "the close crosses a moving level" (P16 SMA 20, P30
  /// VWAP 20). Evidence: close, level, previous close.
  func closeCross(
    _ context: StrategyContext, level: Double?, previousLevel: Double?, warmingUp: MissingInput,
    fullStrengthPct: Double, confidence: Double
  ) -> Signal {
    guard let level, let previousLevel else { return missing(warmingUp) }
    guard let previousClose = context.previousClose else { return missing("previous close unavailable") }
    let evidence = SignalEvidence(context.close, level, previousClose)
    let direction = StrategyMath.cross(previousSpread: previousClose - previousLevel, spread: context.close - level)
    let distancePct = abs(StrategyMath.percentChange(from: level, to: context.close))
    return signal(
      direction: direction, strength: StrategyMath.grade(distancePct, full: fullStrengthPct), confidence: confidence,
      evidence)
  }

  /// "close 99.50 → 100.50 crossed above SMA20 100.00", for a signal made by `closeCross`.
  func closeCrossReason(_ signal: Signal, levelLabel: String) -> String {
    describe(signal) { e in
      let move = signal.action == .buy ? "crossed above" : (signal.action == .sell ? "crossed below" : "did not cross")
      return "close \(ReasonText.price(e.secondary)) → \(ReasonText.price(e.primary)) \(move) \(levelLabel) "
        + ReasonText.price(e.reference)
    }
  }
}
