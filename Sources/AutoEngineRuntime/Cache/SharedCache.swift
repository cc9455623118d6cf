public import AutoEngineCore

/// The per-coin cache every component reads: prices, volumes, indicator state, signals.
///
/// Fetchers write into it; the strategy evaluation runs inside it as candles close; the API and
/// autobuy read from it. It decides what subscribers must see (the change threshold) and counts
/// cache hits and misses: a read of a coin's price is a hit when the price is present and fresh,
/// a miss otherwise (the seed's "> 95 % hit rate" is this ratio).
public actor SharedCache {
  /// Settings the cache applies.
  public struct Settings: Sendable {
    /// Seconds after which a price is stale (3 × the price interval by default: 30 s).
    public var staleAfter: Double
    /// Relative price move that makes a coin worth re-publishing on its own (0.0001 = 0.01 %).
    public var changeThreshold: Double
    /// Candle length for the indicators, seconds.
    public var candlePeriod: Double
    /// Price samples kept per coin (1 h of 10 s ticks plus slack).
    public var historyCapacity: Int
    /// How strategy signals are weighed into one decision.
    public var aggregation: AggregationSettings

    /// Creates settings; defaults follow the seed's 10 s price interval.
    public init(
      staleAfter: Double = 30, changeThreshold: Double = 0.0001, candlePeriod: Double = 60, historyCapacity: Int = 400,
      aggregation: AggregationSettings = AggregationSettings()
    ) {
      self.staleAfter = staleAfter
      self.changeThreshold = changeThreshold
      self.candlePeriod = candlePeriod
      self.historyCapacity = historyCapacity
      self.aggregation = aggregation
    }

    /// The settings of a configuration: stale after 3 × the price interval, candles of
    /// min(60 s, `fetch.indicator_calc_interval`), history covering an hour of price ticks, and
    /// the configured category weights and confidence cap.
    public init(_ configuration: EngineConfiguration) {
      let fetch = configuration.fetch
      self.init(
        staleAfter: fetch.staleThreshold, candlePeriod: min(60, fetch.indicatorCalcInterval),
        historyCapacity: Int((3600 / max(1, fetch.priceFetchInterval)).rounded(.up)) + 40,
        aggregation: configuration.strategy.aggregation)
    }
  }

  private var entries: [String: CoinCache] = [:] {
    didSet { generation &+= 1 }
  }
  /// Changes on every change of any coin's entry: equal generations mean equal states, so
  /// encodings of the states can be kept while it stays the same.
  public private(set) var generation: UInt64 = 0
  private var order: [String] = []
  /// Configured symbol by the symbol used on the exchange.
  private var configuredByActive: [String: String] = [:]
  private var cosmic: CosmicInputs?
  private let settings: Settings
  /// Candles evaluated since last taken, per configured symbol, while a persistent store
  /// collects them (`collectCandles(upTo:)`); nil otherwise, so the memory backend pays nothing.
  private var evaluatedCandles: [String: [Candle]]?
  /// On an API replica: each coin's per-strategy signals and reasons as the engine sent them.
  private var relayedSignals: [String: [(signal: Signal, reason: String)]] = [:]
  private var evaluatedCandleLimit = 0
  /// Durations of one coin's evaluation on a closed candle (indicators, strategies, aggregate).
  public nonisolated let evaluationLatency = LatencyRecorder()
  /// Reads served from fresh data.
  public private(set) var hits: UInt64 = 0
  /// Reads that found no or stale data.
  public private(set) var misses: UInt64 = 0

  /// Creates a cache for `coins` (keyed by configured symbol), each using `activeSymbols[symbol]`
  /// on its exchange when given (a configured successor).
  public init(coins: [Coin], activeSymbols: [String: String] = [:], settings: Settings = Settings()) {
    self.settings = settings
    for coin in coins {
      entries[coin.symbol] = CoinCache(
        coin: coin, activeSymbol: activeSymbols[coin.symbol] ?? coin.symbol,
        historyCapacity: settings.historyCapacity, candlePeriod: settings.candlePeriod,
        aggregation: settings.aggregation)
      order.append(coin.symbol)
      configuredByActive[activeSymbols[coin.symbol] ?? coin.symbol] = coin.symbol
    }
  }

  /// Switches coins to the symbols their exchange actually lists (configured successors).
  public func use(activeSymbols: [String: String]) {
    for (symbol, active) in activeSymbols {
      guard let previous = entries[symbol]?.state.activeSymbol else { continue }
      configuredByActive[previous] = nil
      entries[symbol]?.state.activeSymbol = active
      configuredByActive[active] = symbol
    }
  }

  /// Configured symbols, in configuration order.
  public var symbols: [String] { order }

  /// Records fetched prices (keyed by the symbol used on the exchange); evaluates each coin
  /// whose candle closed.
  public func record(prices: [PriceQuote], at now: UnixTime) {
    let cosmic = self.cosmic
    let threshold = settings.changeThreshold
    for quote in prices {
      guard let symbol = configuredByActive[quote.symbol] else { continue }
      let closed = withEntry(symbol) { entry -> Candle? in
        guard let closed = entry.record(quote, at: now) else {
          entry.notePriceChange(threshold: threshold)
          return nil
        }
        let start = ContinuousClock.now
        entry.evaluate(closed, cosmic: cosmic, now: now)
        let elapsed = ContinuousClock.now - start
        evaluationLatency.record(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        entry.notePriceChange(threshold: threshold)
        return closed
      }
      if let closed = closed ?? nil { noteEvaluated([closed], symbol: symbol) }
    }
  }

  /// Records fetched 24-hour statistics (keyed by the symbol used on the exchange).
  public func record(stats: [DailyMarketStats], at now: UnixTime) {
    for item in stats {
      guard let symbol = configuredByActive[item.symbol] else { continue }
      entries[symbol]?.record(item, at: now)
    }
  }

  /// Records the cosmic inputs used by the next evaluations.
  public func record(cosmic inputs: CosmicInputs, at now: UnixTime) {
    cosmic = inputs
    for symbol in order { entries[symbol]?.state.cosmicUpdatedAt = now }
  }

  /// Warms a coin's indicators up with history candles (oldest first), before live ticks.
  public func warmUp(symbol: String, candles: [Candle], now: UnixTime) {
    guard entries.index(forKey: symbol) != nil else { return }
    noteEvaluated(candles, symbol: symbol)
    let cosmic = self.cosmic
    withEntry(symbol) { entry in
      for candle in candles { entry.evaluate(candle, cosmic: cosmic, now: candle.time) }
      entry.state.indicatorsUpdatedAt = now
    }
  }

  /// Replaces coins' states with ones computed elsewhere: an API replica holds the engine's
  /// states as received through Redis (it fetches and evaluates nothing itself). Unknown coins
  /// are ignored.
  public func replace(with states: [CoinState]) {
    for state in states { withEntry(state.coin.symbol) { $0.state = state } }
  }

  /// Replaces one coin's per-strategy signals with ones evaluated elsewhere: an API replica
  /// answers GetSignals with the engine's, received through Redis. Unknown coins are ignored.
  public func replaceSignals(of symbol: String, with signals: [(signal: Signal, reason: String)]) {
    guard entries[symbol] != nil else { return }
    relayedSignals[symbol] = signals
  }

  /// Starts keeping the candles the indicators evaluate (warm-up and closed ones), at most
  /// `limit` per coin until taken, for a persistent store (the Redis backend) to save.
  public func collectCandles(upTo limit: Int) {
    evaluatedCandleLimit = max(1, limit)
    if evaluatedCandles == nil { evaluatedCandles = [:] }
  }

  /// The candles evaluated since the previous call, by configured symbol, oldest first.
  public func takeEvaluatedCandles() -> [String: [Candle]] {
    guard let taken = evaluatedCandles, !taken.isEmpty else { return [:] }
    evaluatedCandles = [:]
    return taken
  }

  /// Restores a coin's price history (oldest first) saved by a previous run, without
  /// evaluating anything: the summaries and sparkline cover it from the next refresh.
  public func restoreHistory(symbol: String, samples: [(time: UnixTime, price: Double)]) {
    for sample in samples { entries[symbol]?.history.append(price: sample.price, at: sample.time) }
  }

  /// Runs `body` on a coin's entry in place; nil when the coin is unknown.
  ///
  /// An entry copied out of the dictionary (`var entry = entries[symbol]`) shares its buffers
  /// — price history, candle builder, the indicators' windows — with the one left behind, so its
  /// first write copies every one of them (and the whole struct moves twice), per coin per
  /// tick — the `CoinCache` copies, memmoves and retains a profile of a replica's feed showed.
  /// Mutating through the dictionary's storage writes where the entry lies.
  @discardableResult
  private func withEntry<Result>(_ symbol: String, _ body: (inout CoinCache) -> Result) -> Result? {
    guard let index = entries.index(forKey: symbol) else { return nil }
    return body(&entries.values[index])
  }

  private func noteEvaluated(_ candles: [Candle], symbol: String) {
    guard evaluatedCandles != nil else { return }
    var list = evaluatedCandles?[symbol] ?? []
    list.append(contentsOf: candles)
    if list.count > evaluatedCandleLimit { list.removeFirst(list.count - evaluatedCandleLimit) }
    evaluatedCandles?[symbol] = list
  }

  /// Refreshes summaries and staleness at `now` and returns the states that changed since they
  /// were last taken (in configuration order): what one engine tick publishes.
  public func takeChanges(at now: UnixTime) -> [CoinState] {
    var changed: [CoinState] = []
    let staleAfter = settings.staleAfter
    for symbol in order {
      let state = withEntry(symbol) { entry in
        entry.refresh(now: now, staleAfter: staleAfter)
        return entry.takeIfDirty()
      }
      if let state = state ?? nil { changed.append(state) }
    }
    return changed
  }

  /// The current state of a coin (counted as a hit when its price is fresh), or nil if unknown.
  public func state(of symbol: String) -> CoinState? {
    guard let state = entries[symbol]?.state else { return nil }
    countRead(state)
    return state
  }

  /// The current states of every coin, in configuration order (each read counted).
  public func states() -> [CoinState] {
    order.compactMap { entries[$0]?.state }.map { state in
      countRead(state)
      return state
    }
  }

  /// The current states of every coin, in configuration order (each read counted), with the
  /// generation they belong to.
  public func versionedStates() -> (states: [CoinState], generation: UInt64) {
    (states(), generation)
  }

  /// The current state of a coin (counted as a hit when its price is fresh) with the generation
  /// it belongs to, or nil if unknown.
  public func versionedState(of symbol: String) -> (state: CoinState, generation: UInt64)? {
    state(of: symbol).map { ($0, generation) }
  }

  /// Latest signals of one coin's strategies with their reasons, formatted now (on an API
  /// replica: as the engine last sent them, see `replaceSignals(of:with:)`).
  public func signals(of symbol: String) -> CoinSignals? {
    guard let entry = entries[symbol] else { return nil }
    let evaluator = entry.evaluator
    return CoinSignals(
      coin: entry.state.coin,
      aggregate: entry.state.aggregate,
      signals: relayedSignals[symbol] ?? evaluator.strategies.signals.map { ($0, evaluator.reason($0.strategy) ?? "") },
      reasons: entry.state.topReasons,
      evaluatedAt: entry.state.indicatorsUpdatedAt)
  }

  /// Every coin's state without counting the reads (for status reports).
  public func statesUncounted() -> [CoinState] {
    order.compactMap { entries[$0]?.state }
  }

  /// hits / (hits + misses), 0–1; 1 before any read.
  public var hitRate: Double {
    let total = hits + misses
    return total == 0 ? 1 : Double(hits) / Double(total)
  }

  private func countRead(_ state: CoinState) {
    if state.price != nil && !state.isStale { hits += 1 } else { misses += 1 }
  }
}
