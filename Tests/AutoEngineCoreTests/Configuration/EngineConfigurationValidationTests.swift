import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Configuration validation")
struct EngineConfigurationValidationTests {
  /// The issues of the defaults changed by `change`, as `key: message` lines.
  func issues(_ change: (inout EngineConfiguration) -> Void) -> [String] {
    var configuration = EngineConfiguration.defaults
    change(&configuration)
    return configuration.validate().map(\.description)
  }

  @Test("fetch intervals must be positive and finite")
  func intervals() {
    #expect(issues { $0.fetch.priceFetchInterval = 0 } == ["fetch.price_fetch_interval: must be > 0 seconds (got 0)"])
    #expect(
      issues { $0.fetch.volumeFetchInterval = -5 } == ["fetch.volume_fetch_interval: must be > 0 seconds (got -5)"])
    #expect(
      issues { $0.fetch.indicatorCalcInterval = .nan } == [
        "fetch.indicator_calc_interval: must be > 0 seconds (got nan)"
      ])
    #expect(
      issues { $0.fetch.mysticFetchInterval = .infinity } == [
        "fetch.mystic_fetch_interval: must be > 0 seconds (got inf)"
      ])
    #expect(issues { $0.fetch.priceFetchInterval = 0.5 }.isEmpty)
  }

  @Test("the stale multiplier must be at least 1")
  func staleMultiplier() {
    #expect(
      issues { $0.fetch.staleThresholdMultiplier = 0.5 } == ["fetch.stale_threshold_multiplier: must be ≥ 1 (got 0.5)"])
    #expect(issues { $0.fetch.staleThresholdMultiplier = 1 }.isEmpty)
  }

  @Test("confidences and strength lie in 0…1")
  func fractions() {
    #expect(
      issues { $0.strategy.minConfidence = 1.2 } == [
        "strategy.min_confidence: 1.2 is outside 0…1"
      ])
    #expect(issues { $0.strategy.maxConfidence = -0.1 } == ["strategy.max_confidence: -0.1 is outside 0…1"])
    #expect(issues { $0.strategy.minSignalStrength = 1.01 } == ["strategy.min_signal_strength: 1.01 is outside 0…1"])
    #expect(issues { $0.strategy.minSignalStrength = .nan } == ["strategy.min_signal_strength: nan is outside 0…1"])
    #expect(
      issues {
        $0.strategy.minSignalStrength = 0; $0.strategy.minConfidence = 0; $0.strategy.maxConfidence = 1
      }.isEmpty)
  }

  @Test("max confidence must exceed min confidence")
  func confidenceOrder() {
    #expect(
      issues { $0.strategy.maxConfidence = 0.7 } == [
        "strategy.max_confidence: must be greater than strategy.min_confidence (0.7)"
      ])
    #expect(
      issues { $0.strategy.maxConfidence = 0.5 } == [
        "strategy.max_confidence: must be greater than strategy.min_confidence (0.7)"
      ])
  }

  @Test("cooldown must be zero or more seconds")
  func cooldown() {
    #expect(issues { $0.strategy.cooldownPeriod = -1 } == ["strategy.cooldown_period: must be ≥ 0 seconds (got -1)"])
    #expect(issues { $0.strategy.cooldownPeriod = 0 }.isEmpty)
  }

  @Test("weights must be non-negative and not all zero")
  func weights() {
    #expect(
      issues { $0.strategy.categoryWeights.cosmic = -1 } == ["strategy.category_weights.cosmic: must be ≥ 0 (got -1)"])
    #expect(
      issues { $0.strategy.categoryWeights.volume = .nan } == [
        "strategy.category_weights.volume: must be ≥ 0 (got nan)"
      ])
    #expect(
      issues {
        $0.strategy.categoryWeights = CategoryWeights(
          price: 0, volume: 0, technical: 0, momentum: 0, volatility: 0, cosmic: 0)
      } == [
        "strategy.category_weights: all weights are 0; at least one must be > 0"
      ])
    #expect(
      issues {
        $0.strategy.categoryWeights = CategoryWeights(
          price: 0, volume: 0, technical: 0, momentum: 0, volatility: 0, cosmic: 1)
      }.isEmpty)
  }

  @Test("trade amounts must be positive")
  func amounts() {
    #expect(issues { $0.trading.minTradeAmount = -10 } == ["trading.min_trade_amount: must be > 0 (got -10)"])
    #expect(issues { $0.trading.majorMaxTradeAmount = 0 } == ["trading.max_trade_amount_btc_eth: must be > 0 (got 0)"])
    #expect(issues { $0.trading.maxTradeAmount = -1 } == ["trading.max_trade_amount: must be > 0 (got -1)"])
    #expect(issues { $0.trading.paperStartingBalance = -1 } == ["trading.paper_starting_balance: must be ≥ 0 (got -1)"])
    #expect(issues { $0.trading.paperStartingBalance = 0 }.isEmpty)
  }

  @Test("the minimum trade may not exceed either maximum")
  func minAboveMax() {
    #expect(
      issues { $0.trading.minTradeAmount = 6_000 } == [
        "trading.min_trade_amount: 6000 is greater than trading.max_trade_amount (5000)"
      ])
    #expect(
      issues {
        $0.trading.minTradeAmount = 20_000; $0.risk.maxTotalExposure = 50_000
      } == [
        "trading.min_trade_amount: 20000 is greater than trading.max_trade_amount_btc_eth (10000)",
        "trading.min_trade_amount: 20000 is greater than trading.max_trade_amount (5000)",
      ])
    #expect(issues { $0.trading.minTradeAmount = 5_000 }.isEmpty)
  }

  @Test("exit percentages: stop-loss and trailing in 0…<100, take-profit ≥ 0")
  func percentages() {
    #expect(
      issues { $0.risk.stopLossPercent = 100 } == [
        "risk.stop_loss_pct: must be ≥ 0 and < 100 percent, 0 disables (got 100)"
      ])
    #expect(
      issues { $0.risk.trailingStopPercent = -1 } == [
        "risk.trailing_stop_pct: must be ≥ 0 and < 100 percent, 0 disables (got -1)"
      ])
    #expect(
      issues { $0.risk.takeProfitPercent = -0.5 } == [
        "risk.take_profit_pct: must be ≥ 0 percent, 0 disables (got -0.5)"
      ])
    #expect(
      issues {
        $0.risk.stopLossPercent = 0; $0.risk.trailingStopPercent = 0; $0.risk.takeProfitPercent = 250
      }.isEmpty)
  }

  @Test("portfolio limits: positions ≥ 1, exposure > 0 and ≥ min trade, daily loss > 0")
  func portfolioLimits() {
    #expect(issues { $0.risk.maxOpenPositions = 0 } == ["risk.max_open_positions: must be ≥ 1 (got 0)"])
    #expect(issues { $0.risk.maxTotalExposure = 0 } == ["risk.max_total_exposure: must be > 0 (got 0)"])
    #expect(
      issues { $0.risk.maxTotalExposure = 5 } == [
        "risk.max_total_exposure: 5 is less than trading.min_trade_amount (10), so no trade could ever be placed"
      ])
    #expect(issues { $0.risk.dailyLossLimit = 0 } == ["risk.daily_loss_limit: must be > 0 (got 0)"])
    #expect(issues { $0.risk.dailyLossLimit = -100 } == ["risk.daily_loss_limit: must be > 0 (got -100)"])
  }

  @Test("validated() throws every issue at once, in table order")
  func validatedThrowsAll() {
    var configuration = EngineConfiguration.defaults
    configuration.fetch.priceFetchInterval = 0
    configuration.strategy.minConfidence = 1.2
    configuration.risk.maxOpenPositions = 0
    #expect(throws: ConfigurationError.self) { try configuration.validated() }
    do {
      _ = try configuration.validated()
    } catch {
      #expect(
        error.issues.map(\.key) == ["fetch.price_fetch_interval", "strategy.min_confidence", "risk.max_open_positions"])
      #expect(
        error.description == """
          invalid configuration (3 issues):
            fetch.price_fetch_interval: must be > 0 seconds (got 0)
            strategy.min_confidence: 1.2 is outside 0…1
            risk.max_open_positions: must be ≥ 1 (got 0)
          """)
    }
  }

  @Test("issue fields and single-issue wording")
  func issueShape() {
    let issue = ConfigurationIssue(key: "strategy.min_confidence", message: "1.2 is outside 0…1")
    #expect(issue.description == "strategy.min_confidence: 1.2 is outside 0…1")
    #expect(ConfigurationError(issues: [issue]).description.hasPrefix("invalid configuration (1 issue):"))
  }
}
