import AutoEngineCore

/// Answers at a step `k` that `canAnswer(atStep:)` accepts, read from the coins' buffers.
extension SimulatedMarketPath {
  /// The recorded step `k` of `tape`.
  func recordedStep(of tape: SimulatedCoinTape, at k: Int) -> SimulatedCoinTape.Step {
    tape.steps[bufferOffset(of: tape, step: k)]
  }

  /// Last price, bid and ask of `tape` at step `k`, stamped with the step's time.
  func quote(of tape: SimulatedCoinTape, at k: Int) -> PriceQuote {
    let step = recordedStep(of: tape, at: k)
    let tick = tape.tick
    return PriceQuote(
      symbol: tape.coin.symbol, price: tick.decimal(units: step.priceUnits),
      bid: tick.decimal(units: Swift.max(1, step.priceUnits - step.halfSpreadUnits)),
      ask: tick.decimal(units: step.priceUnits + step.halfSpreadUnits), time: time(ofStep: k))
  }

  /// Up to `limit` (at most `historyMinutes`) one-minute candles of `tape` completed by step
  /// `k`, oldest first.
  func completedCandles(of tape: SimulatedCoinTape, at k: Int, limit: Int) -> [Candle] {
    let limit = Swift.min(limit, layout.historyMinutes)
    let lastCompleted = k / layout.stepsPerMinute - 1
    guard limit > 0, lastCompleted >= 0 else { return [] }
    let newestRetained = stepIndex / layout.stepsPerMinute - 1
    let oldestRetained = newestRetained - tape.candles.count + 1
    let first = Swift.max(lastCompleted - limit + 1, oldestRetained, 0)
    guard first <= lastCompleted else { return [] }
    return (first...lastCompleted).map { minute in
      tape.candles[tape.candles.count - 1 - (newestRetained - minute)]
    }
  }

  /// The candle of `tape`'s minute in progress at step `k`, from its open to step `k`; nil when
  /// `k` is the first step of a minute (nothing traded in it yet).
  func partialCandle(of tape: SimulatedCoinTape, at k: Int) -> Candle? {
    let minuteStart = k - k % layout.stepsPerMinute
    guard minuteStart < k else { return nil }
    return tape.candle(
      from: bufferOffset(of: tape, step: minuteStart), through: bufferOffset(of: tape, step: k),
      openTime: time(ofStep: minuteStart))
  }

  /// 24-hour statistics of `tape` at step `k`: over the 1,440 one-minute candles completed by
  /// step `k` plus the minute in progress; the change is against the open of the oldest of
  /// them (the price 24 hours before the last minute boundary).
  func dailyStats(of tape: SimulatedCoinTape, at k: Int) -> DailyMarketStats {
    var tally = DailyStatsTally()
    for candle in completedCandles(of: tape, at: k, limit: 1_440) { tally.add(candle) }
    if let partial = partialCandle(of: tape, at: k) { tally.add(partial) }
    let price = tape.tick.price(units: recordedStep(of: tape, at: k).priceUnits)
    return tally.stats(
      symbol: tape.coin.symbol, lastPrice: price, priceBefore: tally.firstOpen, tick: tape.tick,
      time: time(ofStep: k))
  }

  /// Position of step `k` in `tape`'s step buffer.
  private func bufferOffset(of tape: SimulatedCoinTape, step k: Int) -> Int {
    tape.steps.count - 1 - (stepIndex - k)
  }
}
