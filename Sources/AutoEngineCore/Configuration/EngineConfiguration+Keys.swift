extension EngineConfiguration {
  /// Every configuration key, grouped and ordered as in an example configuration file.
  ///
  /// Each entry gives the dotted name, unit, default and a one-line description, and can read or
  /// set that value in a configuration. Names are unique.
  public static let keys: [ConfigurationKey] = [
    .double(
      "fetch.price_fetch_interval", unit: "seconds", "How often prices are fetched for all coins.",
      \.fetch.priceFetchInterval),
    .double(
      "fetch.volume_fetch_interval", unit: "seconds", "How often 24 h volumes are fetched.",
      \.fetch.volumeFetchInterval),
    .double(
      "fetch.indicator_calc_interval", unit: "seconds", "How often indicators are recalculated.",
      \.fetch.indicatorCalcInterval),
    .double(
      "fetch.mystic_fetch_interval", unit: "seconds",
      "How often cosmic data (solar flares, Kp, Schumann) is fetched.", \.fetch.mysticFetchInterval),
    .double(
      "fetch.stale_threshold_multiplier", unit: "× price interval",
      "A coin is stale when its newest price is older than this many price intervals.",
      \.fetch.staleThresholdMultiplier),
    .double(
      "strategy.min_confidence", unit: "0…1",
      "Smallest aggregated confidence that may trade; sizing starts at the minimum trade here.",
      \.strategy.minConfidence),
    .double(
      "strategy.max_confidence", unit: "0…1",
      "Aggregated confidence is clamped to this; sizing reaches the maximum trade here.",
      \.strategy.maxConfidence),
    .double(
      "strategy.min_signal_strength", unit: "0…1", "Smallest aggregated strength that may trade.",
      \.strategy.minSignalStrength),
    .double(
      "strategy.cooldown_period", unit: "seconds",
      "Time after a coin's last trade before autobuy may buy it again.", \.strategy.cooldownPeriod),
    .double(
      "strategy.action_threshold", unit: "0…1",
      "How far the aggregated score (−1 all SELL … +1 all BUY) must lean for BUY or SELL instead of HOLD.",
      \.strategy.actionThreshold),
    .double(
      "strategy.category_weights.price", unit: "weight ≥ 0",
      "Weight of price strategies (P1–P20) in aggregation.", \.strategy.categoryWeights.price),
    .double(
      "strategy.category_weights.volume", unit: "weight ≥ 0",
      "Weight of volume strategies (P21–P35) in aggregation.", \.strategy.categoryWeights.volume),
    .double(
      "strategy.category_weights.technical", unit: "weight ≥ 0",
      "Weight of technical-indicator strategies (P36–P50) in aggregation.",
      \.strategy.categoryWeights.technical),
    .double(
      "strategy.category_weights.momentum", unit: "weight ≥ 0",
      "Weight of momentum strategies (P51–P60) in aggregation.", \.strategy.categoryWeights.momentum),
    .double(
      "strategy.category_weights.volatility", unit: "weight ≥ 0",
      "Weight of volatility strategies (P61–P65) in aggregation.",
      \.strategy.categoryWeights.volatility),
    .double(
      "strategy.category_weights.cosmic", unit: "weight ≥ 0",
      "Weight of cosmic strategies (P66+); low because cosmic inputs are not market data.",
      \.strategy.categoryWeights.cosmic),
    .mode("trading.mode", "paper fills against a simulated balance; live sends orders to exchanges."),
    .decimal(
      "trading.min_trade_amount", unit: "quote units", "Smallest order for any coin.",
      \.trading.minTradeAmount),
    .decimal(
      "trading.max_trade_amount_btc_eth", unit: "quote units", "Largest order for BTC and ETH coins.",
      \.trading.majorMaxTradeAmount),
    .decimal(
      "trading.max_trade_amount", unit: "quote units", "Largest order for every other coin.",
      \.trading.maxTradeAmount),
    .decimal(
      "trading.paper_starting_balance", unit: "quote units",
      "Balance the paper broker starts with, in each quote asset (USD and USDT).",
      \.trading.paperStartingBalance),
    .decimal(
      "trading.paper_fee_pct", unit: "percent", "Fee the paper broker charges on each fill's quote value.",
      \.trading.paperFeePercent),
    .decimal(
      "trading.paper_slippage_pct", unit: "percent",
      "How far beyond the current price the paper broker fills market orders.", \.trading.paperSlippagePercent),
    .double(
      "trading.open_order_timeout", unit: "seconds", "An order still open after this long is cancelled (expired).",
      \.trading.openOrderTimeout),
    .decimal(
      "risk.stop_loss_pct", unit: "percent",
      "Sell when the price falls this far below entry; 0 disables.", \.risk.stopLossPercent),
    .decimal(
      "risk.take_profit_pct", unit: "percent",
      "Sell when the price rises this far above entry; 0 disables.", \.risk.takeProfitPercent),
    .decimal(
      "risk.trailing_stop_pct", unit: "percent",
      "Once up this far, sell when the price falls this far below its high; 0 disables.",
      \.risk.trailingStopPercent),
    .integer(
      "risk.max_open_positions", unit: "positions",
      "No new position is opened while this many are open.", \.risk.maxOpenPositions),
    .decimal(
      "risk.max_total_exposure", unit: "quote units",
      "Largest total value of open positions across all coins.", \.risk.maxTotalExposure),
    .decimal(
      "risk.daily_loss_limit", unit: "quote units",
      "Realised loss since 00:00 UTC that stops autobuy for the rest of the day.",
      \.risk.dailyLossLimit),
  ]

  /// The key named `name` (exact, case-sensitive), or `nil`.
  public static func key(named name: String) -> ConfigurationKey? {
    keys.first { $0.name == name }
  }

  /// The value of the key named `name` as text, or `nil` for an unknown key.
  public func value(forKey name: String) -> String? {
    Self.key(named: name)?.value(in: self)
  }

  /// Parses `text` and stores it under the key named `name`.
  ///
  /// - Throws: `ConfigurationIssue` for an unknown key or a value that cannot be parsed. Ranges
  ///   are checked later by `validate()`.
  public mutating func setValue(_ text: String, forKey name: String) throws(ConfigurationIssue) {
    guard let key = Self.key(named: name) else {
      throw ConfigurationIssue(key: name, message: "unknown configuration key")
    }
    try key.set(text, in: &self)
  }

  /// Every key with its value in this configuration, in table order (the effective configuration).
  public var effectiveValues: [(key: String, value: String)] {
    Self.keys.map { ($0.name, $0.value(in: self)) }
  }
}
