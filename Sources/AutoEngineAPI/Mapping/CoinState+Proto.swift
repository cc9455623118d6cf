import AutoEngineCore
import AutoEngineRuntime
import Foundation
import SwiftProtobuf

extension Autoengine_V1_CoinState {
  /// The contract's form of a coin's state: the one place this message is mapped. `trading` is
  /// the desk's snapshot of the coin (absent when the engine has no desk); its unrealised P&L is
  /// computed at this state's price.
  init(_ state: CoinState, trading snapshot: CoinTradingSnapshot? = nil) {
    self.init()
    symbol = state.coin.symbol
    exchange = .init(state.coin.exchange)
    baseAsset = state.coin.base
    quoteAsset = state.coin.quote
    enabled = state.coin.enabled
    price = state.price?.decimalString ?? ""
    bid = state.bid?.decimalString ?? ""
    ask = state.ask?.decimalString ?? ""
    if let value = state.change24hPercent, value.isFinite { change24HPct = value }
    volume24H = state.volume24h?.decimalString ?? ""
    quoteVolume24H = state.quoteVolume24h?.decimalString ?? ""
    if let value = state.volumeChangePercent, value.isFinite { volumeChangePct = value }
    priceSummary = .with { summary in
      if let value = state.high1h { summary.high1H = value }
      if let value = state.low1h { summary.low1H = value }
      if let value = state.open1h { summary.open1H = value }
      summary.samples = UInt32(clamping: state.priceSamples)
      summary.sparkline = state.sparkline
      summary.sparklineSeconds = UInt32(clamping: state.sparklineSeconds)
    }
    indicators = Autoengine_V1_Indicators(state.indicators, updatedAt: state.indicatorsUpdatedAt)
    momentum = .with { momentum in
      if let value = state.indicators.momentum1mPct { momentum.m1Pct = value }
      if let value = state.indicators.momentum5mPct { momentum.m5Pct = value }
      if let value = state.indicators.momentum15mPct { momentum.m15Pct = value }
      if let value = state.indicators.momentum1hPct { momentum.h1Pct = value }
    }
    if let aggregate = state.aggregate {
      signal = Autoengine_V1_AggregatedSignal(
        aggregate, reasons: state.topReasons, evaluatedAt: state.indicatorsUpdatedAt)
    }
    if let cosmic = state.cosmic { self.cosmic = Autoengine_V1_CosmicSnapshot(cosmic) }
    freshness = .with { freshness in
      if let time = state.priceUpdatedAt { freshness.priceUpdatedAt = .init(time) }
      if let time = state.volumeUpdatedAt { freshness.volumeUpdatedAt = .init(time) }
      if let time = state.indicatorsUpdatedAt { freshness.indicatorsUpdatedAt = .init(time) }
      if let time = state.cosmicUpdatedAt { freshness.cosmicUpdatedAt = .init(time) }
      freshness.stale = state.isStale
      freshness.staleReason = state.staleReason
    }
    if let snapshot { trading = Autoengine_V1_CoinTradingState(snapshot, price: state.price) }
  }
}

extension Autoengine_V1_CoinTradingState {
  /// The contract's trading state of a coin at `price`.
  init(_ snapshot: CoinTradingSnapshot, price: Decimal?) {
    self.init()
    positionQuantity = snapshot.positionQuantity.decimalString
    averageEntryPrice = snapshot.averageEntryPrice?.decimalString ?? ""
    let pnl = snapshot.unrealizedPnl(at: price)
    unrealizedPnl = pnl?.decimalString ?? ""
    if let pnl, snapshot.costBasis > 0 {
      unrealizedPnlPct = NSDecimalNumber(decimal: pnl / snapshot.costBasis * 100).doubleValue
    }
    realizedPnlToday = snapshot.realizedPnlToday.decimalString
    if let until = snapshot.cooldownUntil { cooldownUntil = .init(until) }
    openOrders = UInt32(clamping: snapshot.openOrders)
    if let last = snapshot.lastTradeAt { lastTradeAt = .init(last) }
  }
}

extension Engine {
  /// The contract's form of `state` with the coin's trading state.
  nonisolated func contract(_ state: CoinState) -> Autoengine_V1_CoinState {
    Autoengine_V1_CoinState(state, trading: coinTrading(state.activeSymbol))
  }
}

extension Autoengine_V1_Indicators {
  /// The contract's indicator values; absent ones stay absent.
  init(_ snapshot: IndicatorSnapshot, updatedAt: UnixTime?) {
    self.init()
    // Field by field rather than through a table of key paths: every published coin state is
    // mapped here, and key-path access costs several times a direct one.
    func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
    if let value = finite(snapshot.sma20) { sma20 = value }
    if let value = finite(snapshot.ema12) { ema12 = value }
    if let value = finite(snapshot.ema26) { ema26 = value }
    if let value = finite(snapshot.rsi14) { rsi14 = value }
    if let value = finite(snapshot.macd) { macd = value }
    if let value = finite(snapshot.macdSignal) { macdSignal = value }
    if let value = finite(snapshot.macdHist) { macdHist = value }
    if let value = finite(snapshot.bbUpper) { bbUpper = value }
    if let value = finite(snapshot.bbMiddle) { bbMiddle = value }
    if let value = finite(snapshot.bbLower) { bbLower = value }
    if let value = finite(snapshot.atr14) { atr14 = value }
    if let value = finite(snapshot.stddev20) { stddev20 = value }
    if let value = finite(snapshot.volatility20Pct) { volatilityPct = value }
    if let value = finite(snapshot.roc10) { roc10 = value }
    if let value = finite(snapshot.obv) { obv = value }
    if let value = finite(snapshot.vwap) { vwap = value }
    if let value = finite(snapshot.volumeSMA20) { volumeSma20 = value }
    if let value = finite(snapshot.volumeZScore) { volumeZscore = value }
    if let value = finite(snapshot.stochK) { stochK = value }
    if let value = finite(snapshot.stochD) { stochD = value }
    if let value = finite(snapshot.adx14) { adx14 = value }
    if let value = finite(snapshot.cci20) { cci20 = value }
    if let value = finite(snapshot.willR14) { willr14 = value }
    if let value = finite(snapshot.mfi14) { mfi14 = value }
    if let value = finite(snapshot.donchianUpper20) { donchianUpper = value }
    if let value = finite(snapshot.donchianLower20) { donchianLower = value }
    if let value = finite(snapshot.pivot) { pivot = value }
    if let value = finite(snapshot.support1) { support1 = value }
    if let value = finite(snapshot.resistance1) { resistance1 = value }
    if let updatedAt { self.updatedAt = .init(updatedAt) }
  }
}
