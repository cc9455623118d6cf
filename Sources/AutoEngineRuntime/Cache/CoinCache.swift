import AutoEngineCore
import Foundation

/// One coin's entry in the shared cache: its latest data, price history, candle builder and
/// incremental evaluator, and the state last published.
struct CoinCache: Sendable {
  /// The state as of the latest update.
  var state: CoinState
  /// Recent prices with their times.
  var history: PriceHistory
  /// One-minute candles from price ticks.
  var candles: CandleBuilder
  /// Indicators → strategies → aggregate, fed on each closed candle.
  var evaluator: CoinEvaluator
  /// The price last published to subscribers, for the change threshold.
  var publishedPrice: Double?
  /// Whether the state changed in a way subscribers must see since it was last published.
  var dirty = true
  /// The 24-hour volume (base) and its time at the previous volume fetch.
  var previousVolume: (volume: Double, time: UnixTime)?

  init(coin: Coin, activeSymbol: String, historyCapacity: Int, candlePeriod: Double, aggregation: AggregationSettings) {
    state = CoinState(coin: coin, activeSymbol: activeSymbol)
    history = PriceHistory(capacity: historyCapacity)
    candles = CandleBuilder(period: candlePeriod)
    evaluator = CoinEvaluator(strategies: StrategyEvaluator(aggregator: SignalAggregator(settings: aggregation)))
  }

  /// Records a price; returns the candle it closed, if any.
  mutating func record(_ quote: PriceQuote, at now: UnixTime) -> Candle? {
    let price = NSDecimalNumber(decimal: quote.price).doubleValue
    state.price = quote.price
    state.bid = quote.bid
    state.ask = quote.ask
    state.priceUpdatedAt = now
    history.append(price: price, at: now)
    return candles.add(price: price, at: now)
  }

  /// Records 24-hour statistics and credits the volume growth since the previous fetch to the
  /// candle in progress (see `CandleBuilder` for the approximation).
  mutating func record(_ stats: DailyMarketStats, at now: UnixTime) {
    let volume = NSDecimalNumber(decimal: stats.volume).doubleValue
    if let previous = previousVolume {
      if previous.volume > 0 { state.volumeChangePercent = (volume / previous.volume - 1) * 100 }
      candles.addVolume(max(0, volume - previous.volume))
    }
    previousVolume = (volume, now)
    // Change detection: subscribers see the coin again only when the statistics changed.
    if state.volume24h != stats.volume || state.quoteVolume24h != stats.quoteVolume
      || (stats.priceChangePercent != nil && state.change24hPercent != stats.priceChangePercent)
    {
      dirty = true
    }
    state.volume24h = stats.volume
    state.quoteVolume24h = stats.quoteVolume
    if let change = stats.priceChangePercent { state.change24hPercent = change }
    state.volumeUpdatedAt = now
  }

  /// Feeds a closed candle (or a history candle) through the evaluator.
  mutating func evaluate(_ candle: Candle, cosmic: CosmicInputs?, now: UnixTime) {
    let readings = cosmic.map { CosmicReadings($0, at: now) } ?? .none
    guard (try? evaluator.update(candle, cosmic: readings, now: now)) != nil else { return }
    state.indicators = evaluator.indicators.snapshot
    state.aggregate = evaluator.aggregate
    // Reasons are formatted here, once per closed candle and only for the top contributors,
    // never on the evaluator's hot path.
    var reasons: [StrategyID: String] = [:]
    for contributor in evaluator.aggregate.topContributors {
      reasons[contributor.strategy] = evaluator.reason(contributor.strategy)
    }
    state.topReasons = reasons
    state.cosmic = cosmic
    state.indicatorsUpdatedAt = now
    dirty = true
  }

  /// Recomputes the price summary and the stale flag at `now`.
  mutating func refresh(now: UnixTime, staleAfter limit: Double) {
    let lastHour = history.samples(since: now.adding(-3600))
    state.high1h = lastHour.map(\.price).max()
    state.low1h = lastHour.map(\.price).min()
    state.open1h = lastHour.first?.price
    state.priceSamples = history.count
    state.sparkline = history.sparkline(points: 60, span: 3600, now: now)
    let wasStale = state.isStale
    if let updated = state.priceUpdatedAt {
      let age = now.since(updated)
      state.isStale = age > limit
      state.staleReason = state.isStale ? "no price for \(Self.seconds(age)) (limit \(Self.seconds(limit)))" : ""
    } else {
      state.isStale = true
      state.staleReason = "no price yet"
    }
    if wasStale != state.isStale { dirty = true }
  }

  /// `42 s`, or `0.4 s` below ten seconds.
  static func seconds(_ value: Double) -> String {
    value >= 10 ? "\(Int(value)) s" : "\((value * 10).rounded() / 10) s"
  }

  /// Marks the state for publication when the price moved by at least `threshold` (a fraction,
  /// e.g. 0.0001 = 0.01 %) since it was last published.
  mutating func notePriceChange(threshold: Double) {
    guard let price = state.price.map({ NSDecimalNumber(decimal: $0).doubleValue }) else { return }
    guard let published = publishedPrice, published > 0 else {
      dirty = true
      return
    }
    if abs(price / published - 1) >= threshold { dirty = true }
  }

  /// Takes the state for publication if it changed; resets the change tracking.
  mutating func takeIfDirty() -> CoinState? {
    guard dirty else { return nil }
    dirty = false
    publishedPrice = state.price.map { NSDecimalNumber(decimal: $0).doubleValue }
    return state
  }
}
