import FoundationEssentials

extension EngineConfiguration {
  /// Every problem with this configuration, each naming its key and why; empty when valid.
  ///
  /// Rules:
  /// * `fetch.*_interval` are finite and > 0 seconds; `fetch.stale_threshold_multiplier` ≥ 1.
  /// * `strategy.min_confidence`, `strategy.max_confidence`, `strategy.min_signal_strength` lie in
  ///   0…1, and `max_confidence` is greater than `min_confidence`.
  /// * `strategy.cooldown_period` is finite and ≥ 0 seconds; `strategy.action_threshold` lies in 0 < x ≤ 1.
  /// * each `strategy.category_weights.*` is finite and ≥ 0, and not all are 0.
  /// * `trading.min_trade_amount` and both maxima are > 0; the minimum is not above either maximum;
  ///   `trading.paper_starting_balance` ≥ 0; `trading.paper_fee_pct` and `trading.paper_slippage_pct`
  ///   lie in 0…<100; `trading.open_order_timeout` > 0.
  /// * `risk.stop_loss_pct` and `risk.trailing_stop_pct` lie in 0…<100; `risk.take_profit_pct` ≥ 0;
  ///   `risk.max_open_positions` ≥ 1; `risk.max_total_exposure` > 0 and at least
  ///   `trading.min_trade_amount`; `risk.daily_loss_limit` > 0.
  public func validate() -> [ConfigurationIssue] {
    var issues: [ConfigurationIssue] = []
    func issue(_ key: String, _ message: String) {
      issues.append(ConfigurationIssue(key: key, message: message))
    }

    // fetch.*
    for (key, value) in [
      ("fetch.price_fetch_interval", fetch.priceFetchInterval),
      ("fetch.volume_fetch_interval", fetch.volumeFetchInterval),
      ("fetch.indicator_calc_interval", fetch.indicatorCalcInterval),
      ("fetch.mystic_fetch_interval", fetch.mysticFetchInterval),
    ] where !(value.isFinite && value > 0) {
      issue(key, "must be > 0 seconds (got \(NumberText.plain(value)))")
    }
    if !(fetch.staleThresholdMultiplier.isFinite && fetch.staleThresholdMultiplier >= 1) {
      issue(
        "fetch.stale_threshold_multiplier",
        "must be ≥ 1 (got \(NumberText.plain(fetch.staleThresholdMultiplier)))")
    }

    // strategy.*
    let fractions = [
      ("strategy.min_confidence", strategy.minConfidence),
      ("strategy.max_confidence", strategy.maxConfidence),
      ("strategy.min_signal_strength", strategy.minSignalStrength),
    ]
    for (key, value) in fractions where !(0...1).contains(value) {
      issue(key, "\(NumberText.plain(value)) is outside 0…1")
    }
    if (0...1).contains(strategy.minConfidence), (0...1).contains(strategy.maxConfidence),
      strategy.maxConfidence <= strategy.minConfidence
    {
      issue(
        "strategy.max_confidence",
        "must be greater than strategy.min_confidence (\(NumberText.plain(strategy.minConfidence)))")
    }
    if !(strategy.actionThreshold.isFinite && strategy.actionThreshold > 0 && strategy.actionThreshold <= 1) {
      issue(
        "strategy.action_threshold", "must be in 0 < x ≤ 1 (got \(NumberText.plain(strategy.actionThreshold)))")
    }
    if !(strategy.cooldownPeriod.isFinite && strategy.cooldownPeriod >= 0) {
      issue(
        "strategy.cooldown_period",
        "must be ≥ 0 seconds (got \(NumberText.plain(strategy.cooldownPeriod)))")
    }
    let weights = strategy.categoryWeights.named
    for (name, weight) in weights where !(weight.isFinite && weight >= 0) {
      issue("strategy.category_weights.\(name)", "must be ≥ 0 (got \(NumberText.plain(weight)))")
    }
    if weights.allSatisfy({ $0.weight == 0 }) {
      issue("strategy.category_weights", "all weights are 0; at least one must be > 0")
    }

    // trading.*
    for (key, value) in [
      ("trading.min_trade_amount", trading.minTradeAmount),
      ("trading.max_trade_amount_btc_eth", trading.majorMaxTradeAmount),
      ("trading.max_trade_amount", trading.maxTradeAmount),
    ] where value <= 0 {
      issue(key, "must be > 0 (got \(value))")
    }
    if trading.minTradeAmount > 0 {
      for (key, maximum) in [
        ("trading.max_trade_amount_btc_eth", trading.majorMaxTradeAmount),
        ("trading.max_trade_amount", trading.maxTradeAmount),
      ] where maximum > 0 && trading.minTradeAmount > maximum {
        issue(
          "trading.min_trade_amount",
          "\(trading.minTradeAmount) is greater than \(key) (\(maximum))")
      }
    }
    if trading.paperStartingBalance < 0 {
      issue("trading.paper_starting_balance", "must be ≥ 0 (got \(trading.paperStartingBalance))")
    }
    for (key, value) in [
      ("trading.paper_fee_pct", trading.paperFeePercent), ("trading.paper_slippage_pct", trading.paperSlippagePercent),
    ] where value < 0 || value >= 100 {
      issue(key, "must be in 0…<100 percent (got \(value))")
    }
    if !(trading.openOrderTimeout > 0) || !trading.openOrderTimeout.isFinite {
      issue("trading.open_order_timeout", "must be > 0 seconds (got \(NumberText.plain(trading.openOrderTimeout)))")
    }

    // risk.*
    for (key, value) in [
      ("risk.stop_loss_pct", risk.stopLossPercent),
      ("risk.trailing_stop_pct", risk.trailingStopPercent),
    ] where value < 0 || value >= 100 {
      issue(key, "must be ≥ 0 and < 100 percent, 0 disables (got \(value))")
    }
    if risk.takeProfitPercent < 0 {
      issue("risk.take_profit_pct", "must be ≥ 0 percent, 0 disables (got \(risk.takeProfitPercent))")
    }
    if risk.maxOpenPositions < 1 {
      issue("risk.max_open_positions", "must be ≥ 1 (got \(risk.maxOpenPositions))")
    }
    if risk.maxTotalExposure <= 0 {
      issue("risk.max_total_exposure", "must be > 0 (got \(risk.maxTotalExposure))")
    } else if trading.minTradeAmount > 0, risk.maxTotalExposure < trading.minTradeAmount {
      issue(
        "risk.max_total_exposure",
        "\(risk.maxTotalExposure) is less than trading.min_trade_amount (\(trading.minTradeAmount)), "
          + "so no trade could ever be placed")
    }
    if risk.dailyLossLimit <= 0 {
      issue("risk.daily_loss_limit", "must be > 0 (got \(risk.dailyLossLimit))")
    }
    return issues
  }

  /// This configuration if it is valid.
  ///
  /// - Throws: `ConfigurationError` listing every issue `validate()` finds.
  public func validated() throws(ConfigurationError) -> EngineConfiguration {
    let issues = validate()
    guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
    return self
  }
}
