import AutoEngineCore
import Foundation

extension BacktestReport {
  /// The report of a finished run.
  init(
    desk finished: BacktestDesk, lanes: [CoinLane], options: BacktestOptions, journal: TradeJournal?, candles: Int,
    elapsedSeconds: Double
  ) throws(EngineError) {
    var desk = finished
    let end = desk.lastRecordTime
    var openSince: [Int: Double] = [:]
    var unrealised = [Decimal](repeating: 0, count: desk.coins.count)
    var finalEquity = desk.cash.reduce(Decimal(0), +)
    for (index, coin) in desk.coins.enumerated() {
      guard let position = desk.book.open[coin.coin.symbol] else { continue }
      openSince[index] = position.openedAt.seconds
      let price = coin.tick.decimal(desk.lastClose[index])
      unrealised[index] = position.unrealizedPnl(at: price)
      finalEquity += position.marketValue(at: price)
    }
    var perCoin = desk.tally.coinPnlScratch
    desk.coinPnl(into: &perCoin)
    desk.finishTally(at: end, equity: desk.equity(), coinPnl: perCoin, openSince: openSince)
    let tally = desk.tally
    let start = tally.sampleTimes.first ?? end
    let span = Swift.max(end - start, 1)
    let capital = tally.startingCapital
    let capitalValue = capital.doubleValue
    self.start = UnixTime(seconds: start)
    self.end = UnixTime(seconds: end)
    self.candles = candles
    self.strategyCount = options.strategies.strategies.count
    self.elapsedSeconds = elapsedSeconds
    coins = desk.coins.indices.map { index in
      let totals = tally.coins[index]
      let coin = desk.coins[index]
      return CoinResult(
        symbol: coin.coin.symbol, exchange: coin.coin.exchange, source: coin.source, candles: totals.candles,
        trades: totals.trades, wins: totals.wins, losses: totals.losses, realisedPnl: totals.realised,
        unrealisedPnl: unrealised[index], fees: totals.fees,
        returnPercent: capitalValue > 0 ? (totals.realised + unrealised[index]).doubleValue / capitalValue * 100 : 0,
        maxDrawdown: totals.maxDrawdown, exposurePercent: totals.exposureSeconds / span * 100,
        bestTrade: totals.best?.pnl, worstTrade: totals.worst?.pnl, exits: totals.exits, refusals: totals.refusals,
        failures: totals.failures, positionOpen: openSince[index] != nil)
    }
    let curve = EquityCurveFigures(times: tally.sampleTimes, equity: tally.sampleEquity)
    var best: TradeMark?
    var worst: TradeMark?
    for (index, totals) in tally.coins.enumerated() {
      let symbol = desk.coins[index].coin.symbol
      if let mark = totals.best, best.map({ mark.pnl > $0.pnl }) ?? true {
        best = TradeMark(symbol: symbol, pnl: mark.pnl, time: UnixTime(seconds: mark.time))
      }
      if let mark = totals.worst, worst.map({ mark.pnl < $0.pnl }) ?? true {
        worst = TradeMark(symbol: symbol, pnl: mark.pnl, time: UnixTime(seconds: mark.time))
      }
    }
    func merged(_ pick: (BacktestTally.CoinTotals) -> [String: Int]) -> [String: Int] {
      tally.coins.reduce(into: [:]) { sum, coin in for (key, value) in pick(coin) { sum[key, default: 0] += value } }
    }
    let realised = tally.coins.reduce(Decimal(0)) { $0 + $1.realised }
    totals = Totals(
      startingCapital: capital, finalEquity: finalEquity, realisedPnl: realised,
      unrealisedPnl: unrealised.reduce(0, +), fees: tally.coins.reduce(Decimal(0)) { $0 + $1.fees },
      returnPercent: capitalValue > 0 ? (finalEquity - capital).doubleValue / capitalValue * 100 : 0,
      maxDrawdownPercent: curve.maxDrawdownPercent, maxDrawdownAmount: curve.maxDrawdownAmount,
      sharpe: curve.sharpe, sortino: curve.sortino, exposurePercent: tally.exposureSeconds / span * 100,
      trades: tally.coins.reduce(0) { $0 + $1.trades }, wins: tally.coins.reduce(0) { $0 + $1.wins },
      losses: tally.coins.reduce(0) { $0 + $1.losses }, buys: tally.coins.reduce(0) { $0 + $1.buys },
      openPositions: openSince.count, bestTrade: best, worstTrade: worst, exits: merged(\.exits),
      refusals: merged(\.refusals), failures: merged(\.failures))
    strategies = tally.strategies.enumerated().compactMap { number, totals in
      guard totals.trades > 0, let id = StrategyID(number: number) else { return nil }
      return StrategyResult(strategy: id, trades: totals.trades, wins: totals.wins, pnl: totals.pnl)
    }.sorted { $0.trades != $1.trades ? $0.trades > $1.trades : $0.strategy < $1.strategy }
    equityCurve = zip(tally.sampleTimes, tally.sampleEquity).map { (UnixTime(seconds: $0), $1) }
    if let journal { self.journal = try Self.check(journal, against: desk) } else { self.journal = nil }
    let configuration = options.configuration
    settings = [
      "strategy.min_confidence": "\(configuration.strategy.minConfidence)",
      "strategy.min_signal_strength": "\(configuration.strategy.minSignalStrength)",
      "strategy.cooldown_period": "\(configuration.strategy.cooldownPeriod)",
      "risk.max_open_positions": "\(configuration.risk.maxOpenPositions)",
      "risk.max_total_exposure": "\(configuration.risk.maxTotalExposure)",
      "risk.daily_loss_limit": "\(configuration.risk.dailyLossLimit)",
      "risk.stop_loss_pct": "\(configuration.risk.stopLossPercent)",
      "risk.trailing_stop_pct": "\(configuration.risk.trailingStopPercent)",
      "risk.take_profit_pct": "\(configuration.risk.takeProfitPercent)",
      "trading.paper_fee_pct": "\(configuration.trading.paperFeePercent)",
      "trading.paper_slippage_pct": "\(configuration.trading.paperSlippagePercent)",
      "trading.paper_starting_balance": "\(configuration.trading.paperStartingBalance)",
    ]
  }

  /// Reads the journal back and rebuilds the positions from its fills alone.
  private static func check(_ journal: TradeJournal, against desk: BacktestDesk) throws(EngineError) -> JournalCheck {
    do {
      let fills = try journal.allFills()
      var rebuilt = PositionBook()
      for fill in fills {
        guard let coin = desk.coins.first(where: { $0.coin.symbol == fill.symbol })?.coin else { continue }
        rebuilt.apply(fill, coin: coin)
      }
      let orders = try journal.orderCounts().values.reduce(0) { $0 + $1.attempted }
      var decisions = 0
      var page = try journal.decisions(DecisionQuery(limit: 1_000))
      while true {
        decisions += page.items.count
        guard let token = page.nextPageToken else { break }
        page = try journal.decisions(DecisionQuery(limit: 1_000, pageToken: token))
      }
      // Highest prices come from the market, not from fills: compare what fills determine.
      func holdings(_ book: PositionBook) -> [String: [Decimal]] {
        book.open.mapValues { [$0.baseQuantity, $0.costBasis, $0.realizedPnl] }
      }
      let matches =
        rebuilt.realizedPnl() == desk.book.realizedPnl() && holdings(rebuilt) == holdings(desk.book)
        && rebuilt.closed.map(\.realizedPnl) == desk.book.closed.map(\.realizedPnl)
      return JournalCheck(orders: orders, fills: fills.count, decisions: decisions, matchesPositions: matches)
    } catch {
      throw EngineError(.internal, "the backtest's trade journal could not be read: \(error)")
    }
  }
}

/// Drawdown and risk-adjusted return of an equity curve sampled at whole hours (see
/// `BacktestReport` for the definitions).
struct EquityCurveFigures {
  var maxDrawdownPercent = 0.0, maxDrawdownAmount = 0.0
  var sharpe: Double?, sortino: Double?

  init(times: [Double], equity: [Double]) {
    var peak = -Double.infinity
    for value in equity {
      peak = Swift.max(peak, value)
      maxDrawdownAmount = Swift.max(maxDrawdownAmount, peak - value)
      if peak > 0 { maxDrawdownPercent = Swift.max(maxDrawdownPercent, (peak - value) / peak * 100) }
    }
    var daily: [Double] = []
    for (time, value) in zip(times, equity) where time.truncatingRemainder(dividingBy: 86_400) == 0 {
      daily.append(value)
    }
    if let last = equity.last, let lastTime = times.last, lastTime.truncatingRemainder(dividingBy: 86_400) != 0 {
      daily.append(last)
    }
    let returns = zip(daily.dropFirst(), daily).compactMap { current, previous in
      previous > 0 ? current / previous - 1 : nil
    }
    guard returns.count >= 2 else { return }
    let count = Double(returns.count)
    let mean = returns.reduce(0, +) / count
    let variance = returns.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
    let downside = (returns.reduce(0) { $0 + Swift.min($1, 0) * Swift.min($1, 0) } / count).squareRoot()
    let annual = 365.0.squareRoot()
    if variance > 0 { sharpe = mean / variance.squareRoot() * annual }
    if downside > 0 { sortino = mean / downside * annual }
  }
}
