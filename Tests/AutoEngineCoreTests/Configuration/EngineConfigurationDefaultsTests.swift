import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Configuration defaults and key table")
struct EngineConfigurationDefaultsTests {
  @Test("defaults are the seed's values and the documented risk defaults")
  func defaults() {
    let c = EngineConfiguration.defaults
    #expect(c.fetch.priceFetchInterval == 10)
    #expect(c.fetch.volumeFetchInterval == 180)
    #expect(c.fetch.indicatorCalcInterval == 120)
    #expect(c.fetch.mysticFetchInterval == 3600)
    #expect(c.fetch.staleThresholdMultiplier == 3)
    #expect(c.strategy.minConfidence == 0.7)
    #expect(c.strategy.maxConfidence == 0.95)
    #expect(c.strategy.minSignalStrength == 0.6)
    #expect(c.strategy.cooldownPeriod == 300)
    #expect(
      c.strategy.categoryWeights
        == CategoryWeights(price: 1, volume: 1, technical: 1, momentum: 1, volatility: 1, cosmic: 0.25))
    #expect(c.trading.mode == .paper)
    #expect(c.trading.minTradeAmount == 10)
    #expect(c.trading.majorMaxTradeAmount == 10_000)
    #expect(c.trading.maxTradeAmount == 5_000)
    #expect(c.trading.paperStartingBalance == 10_000)
    #expect(c.risk.stopLossPercent == 5)
    #expect(c.risk.takeProfitPercent == 10)
    #expect(c.risk.trailingStopPercent == 3)
    #expect(c.risk.maxOpenPositions == 10)
    #expect(c.risk.maxTotalExposure == 20_000)
    #expect(c.risk.dailyLossLimit == 500)
  }

  @Test("the defaults are valid")
  func defaultsAreValid() throws {
    #expect(EngineConfiguration.defaults.validate().isEmpty)
    #expect(try EngineConfiguration.defaults.validated() == .defaults)
  }

  @Test("the key table lists every key once, with the documented defaults")
  func keyTable() {
    let table = Dictionary(uniqueKeysWithValues: EngineConfiguration.keys.map { ($0.name, $0.defaultValue) })
    #expect(table.count == EngineConfiguration.keys.count)
    let expected: [String: String] = [
      "fetch.price_fetch_interval": "10", "fetch.volume_fetch_interval": "180",
      "fetch.indicator_calc_interval": "120", "fetch.mystic_fetch_interval": "3600",
      "fetch.stale_threshold_multiplier": "3",
      "strategy.min_confidence": "0.7", "strategy.max_confidence": "0.95",
      "strategy.min_signal_strength": "0.6", "strategy.cooldown_period": "300",
      "strategy.category_weights.price": "1", "strategy.category_weights.volume": "1",
      "strategy.category_weights.technical": "1", "strategy.category_weights.momentum": "1",
      "strategy.category_weights.volatility": "1", "strategy.category_weights.cosmic": "0.25",
      "trading.mode": "paper", "trading.min_trade_amount": "10",
      "trading.max_trade_amount_btc_eth": "10000", "trading.max_trade_amount": "5000",
      "strategy.action_threshold": "0.25", "trading.paper_starting_balance": "10000", "trading.paper_fee_pct": "0.1", "trading.paper_slippage_pct": "0.05",
      "trading.open_order_timeout": "300",
      "risk.stop_loss_pct": "5", "risk.take_profit_pct": "10", "risk.trailing_stop_pct": "3",
      "risk.max_open_positions": "10", "risk.max_total_exposure": "20000", "risk.daily_loss_limit": "500",
    ]
    #expect(table == expected)
    for key in EngineConfiguration.keys {
      #expect(!key.summary.isEmpty && !key.unit.isEmpty, "\(key.name)")
      #expect(key.description == "\(key.name) = \(key.defaultValue)  # \(key.summary) (\(key.unit))")
    }
  }

  @Test("every key can be set by name and reads back what was set")
  func roundTrip() throws {
    let values: [String: String] = [
      "fetch.price_fetch_interval": "15", "fetch.volume_fetch_interval": "240",
      "fetch.indicator_calc_interval": "60", "fetch.mystic_fetch_interval": "1800",
      "fetch.stale_threshold_multiplier": "4.5",
      "strategy.min_confidence": "0.65", "strategy.max_confidence": "0.9",
      "strategy.min_signal_strength": "0.55", "strategy.cooldown_period": "120",
      "strategy.category_weights.price": "2", "strategy.category_weights.volume": "0.5",
      "strategy.category_weights.technical": "1.5", "strategy.category_weights.momentum": "0.75",
      "strategy.category_weights.volatility": "0", "strategy.category_weights.cosmic": "0.1",
      "trading.mode": "live", "trading.min_trade_amount": "12.5",
      "trading.max_trade_amount_btc_eth": "8000", "trading.max_trade_amount": "2500.25",
      "strategy.action_threshold": "0.3", "trading.paper_starting_balance": "50000", "trading.paper_fee_pct": "0.2", "trading.paper_slippage_pct": "0",
      "trading.open_order_timeout": "60",
      "risk.stop_loss_pct": "2.5", "risk.take_profit_pct": "7", "risk.trailing_stop_pct": "1.25",
      "risk.max_open_positions": "4", "risk.max_total_exposure": "12000", "risk.daily_loss_limit": "250",
    ]
    #expect(Set(values.keys) == Set(EngineConfiguration.keys.map(\.name)))
    var configuration = EngineConfiguration.defaults
    for (name, value) in values { try configuration.setValue(" \(value) ", forKey: name) }
    for (name, value) in values { #expect(configuration.value(forKey: name) == value, "\(name)") }
    #expect(configuration.strategy.categoryWeights.cosmic == 0.1)
    #expect(configuration.trading.maxTradeAmount == Decimal(string: "2500.25"))
    #expect(configuration.risk.maxOpenPositions == 4)
    #expect(configuration.trading.mode == .live)
    #expect(configuration.effectiveValues.map(\.key) == EngineConfiguration.keys.map(\.name))
    #expect(configuration.effectiveValues.first?.value == "15")
  }

  @Test(
    "unparseable values are rejected naming the key",
    arguments: [
      ("fetch.price_fetch_interval", "ten", "'ten' is not a number"),
      ("fetch.price_fetch_interval", "nan", "'nan' is not a number"),
      ("strategy.min_confidence", "inf", "'inf' is not a number"),
      ("trading.min_trade_amount", "1e3", "'1e3' is not a decimal number"),
      ("trading.min_trade_amount", "12.5.1", "'12.5.1' is not a decimal number"),
      ("trading.min_trade_amount", "", "'' is not a decimal number"),
      ("risk.max_open_positions", "2.5", "'2.5' is not a whole number"),
      ("trading.mode", "demo", "'demo' is not one of paper, live"),
    ])
  func parseErrors(key: String, text: String, message: String) {
    var configuration = EngineConfiguration.defaults
    #expect(throws: ConfigurationIssue(key: key, message: message)) {
      try configuration.setValue(text, forKey: key)
    }
    #expect(configuration == .defaults)
  }

  @Test("an unknown key is rejected and unknown keys have no value")
  func unknownKey() {
    var configuration = EngineConfiguration.defaults
    #expect(throws: ConfigurationIssue(key: "fetch.price_interval", message: "unknown configuration key")) {
      try configuration.setValue("10", forKey: "fetch.price_interval")
    }
    #expect(configuration.value(forKey: "nope") == nil)
    #expect(EngineConfiguration.key(named: "risk.stop_loss_pct")?.unit == "percent")
  }

  @Test("a coin is stale when its price is older than 3 × the price interval")
  func staleness() {
    let fetch = FetchSettings()
    let now = UnixTime(seconds: 1_000)
    #expect(fetch.staleThreshold == 30)
    #expect(!fetch.isStale(lastPriceTime: UnixTime(seconds: 970), now: now))
    #expect(fetch.isStale(lastPriceTime: UnixTime(seconds: 969.9), now: now))
    #expect(fetch.isStale(lastPriceTime: nil, now: now))
    #expect(FetchSettings(priceFetchInterval: 5, staleThresholdMultiplier: 2).staleThreshold == 10)
  }

  @Test("trade limits per base and the seed catalogue from the trading settings")
  func tradingLimits() throws {
    let trading = TradingSettings(minTradeAmount: 25, majorMaxTradeAmount: 2_000, maxTradeAmount: 1_000)
    #expect(trading.maxTradeAmount(forBase: "btc") == 2_000)
    #expect(trading.maxTradeAmount(forBase: "ETH") == 2_000)
    #expect(trading.maxTradeAmount(forBase: "SOL") == 1_000)
    let catalogue = try trading.seedCatalogue()
    #expect(catalogue.coin(forSymbol: "BTCUSDT")?.tradeLimits == 25...2_000)
    #expect(catalogue.coin(forSymbol: "SOL-USD")?.tradeLimits == 25...1_000)
    #expect(throws: CoinCatalogueError.self) {
      try TradingSettings(minTradeAmount: 6_000).seedCatalogue()
    }
  }

  @Test("category weights list their names in order and sum")
  func weights() {
    let weights = CategoryWeights()
    #expect(weights.named.map(\.name) == ["price", "volume", "technical", "momentum", "volatility", "cosmic"])
    #expect(weights.total == 5.25)
  }
}
