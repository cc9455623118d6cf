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
    let pairs: [(Double?, WritableKeyPath<Autoengine_V1_Indicators, Double>)] = [
      (snapshot.sma20, \.sma20), (snapshot.ema12, \.ema12), (snapshot.ema26, \.ema26), (snapshot.rsi14, \.rsi14),
      (snapshot.macd, \.macd), (snapshot.macdSignal, \.macdSignal), (snapshot.macdHist, \.macdHist),
      (snapshot.bbUpper, \.bbUpper), (snapshot.bbMiddle, \.bbMiddle), (snapshot.bbLower, \.bbLower),
      (snapshot.atr14, \.atr14), (snapshot.stddev20, \.stddev20), (snapshot.volatility20Pct, \.volatilityPct),
      (snapshot.roc10, \.roc10), (snapshot.obv, \.obv), (snapshot.vwap, \.vwap), (snapshot.volumeSMA20, \.volumeSma20),
      (snapshot.volumeZScore, \.volumeZscore), (snapshot.stochK, \.stochK), (snapshot.stochD, \.stochD),
      (snapshot.adx14, \.adx14), (snapshot.cci20, \.cci20), (snapshot.willR14, \.willr14), (snapshot.mfi14, \.mfi14),
      (snapshot.donchianUpper20, \.donchianUpper), (snapshot.donchianLower20, \.donchianLower),
      (snapshot.pivot, \.pivot), (snapshot.support1, \.support1), (snapshot.resistance1, \.resistance1),
    ]
    for (value, keyPath) in pairs {
      if let value, value.isFinite { self[keyPath: keyPath] = value }
    }
    if let updatedAt { self.updatedAt = .init(updatedAt) }
  }
}
