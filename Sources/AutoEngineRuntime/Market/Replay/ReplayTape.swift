import AutoEngineCore

/// One coin's replay: a candle file scaled to the coin's price level, laid end to end in laps.
///
/// Positions are *offsets*: seconds of file time after the file's first candle opened. Candle
/// `g` of the endless sequence (its "global" index) is candle `g mod n` of lap `g / n`, opening
/// at offset `lap × loopLength + (time − first time)`. Prices are the file's times
/// `priceScale` rounded to the coin's tick; volumes are the file's times `volumeScale`; candle
/// times are rebased by `timeShift` (plus one loop length per lap).
struct ReplayTape: Sendable {
  let coin: Coin
  let file: ReplayCandleFile
  let tick: PriceTick
  /// Factor from file prices to the coin's quote asset: reference price ÷ first close.
  let priceScale: Double
  /// Factor from file volumes to the coin's base volume.
  let volumeScale: Double
  /// Added to a file time to give the rebased replay time of lap 0, s.
  let timeShift: Double

  /// A tape for `coin` playing `file`, with candle times rebased by `timeShift`.
  ///
  /// The price scale makes the first close equal the coin's reference price; the volume scale
  /// makes the file's average 24-hour quote volume (at scaled prices) equal the coin's
  /// reference daily volume on its exchange.
  init(coin: Coin, file: ReplayCandleFile, timeShift: Double) {
    let reference = AssetReference.of(base: coin.base)
    self.coin = coin
    self.file = file
    self.timeShift = timeShift
    tick = PriceTick(referencePrice: reference.referencePrice)
    priceScale = reference.referencePrice / file.candles[0].close
    let quoteVolume = file.candles.reduce(0) { $0 + $1.volume * $1.close } * priceScale
    let dailyQuoteVolume = quoteVolume * 86_400 / file.loopLength
    let target = reference.dailyVolumeUSD * AssetReference.volumeShare(on: coin.exchange)
    volumeScale = dailyQuoteVolume > 0 ? target / dailyQuoteVolume : 1
  }

  private var count: Int { file.candles.count }

  /// Offset at which global candle `g` opens.
  func start(ofGlobal g: Int) -> Double {
    Double(g / count) * file.loopLength + file.candles[g % count].time.seconds - file.firstTime
  }

  /// Global index of the candle in progress (the last one opened) at `offset` ≥ 0.
  func global(atOffset offset: Double) -> Int {
    let lap = Swift.max(0, Int((offset / file.loopLength).rounded(.down)))
    return lap * count + file.index(atOffset: offset - Double(lap) * file.loopLength)
  }

  /// Global index of the last candle that has closed by `offset`, or -1 when none has.
  func lastCompleted(atOffset offset: Double) -> Int {
    let current = global(atOffset: offset)
    return start(ofGlobal: current) + file.interval <= offset ? current : current - 1
  }

  /// Whether a replay that stops at the end has played the whole file by `offset`.
  func hasEnded(atOffset offset: Double) -> Bool { offset >= file.loopLength }

  /// Global candle `g`, scaled, rounded to the tick and rebased.
  func candle(global g: Int) -> Candle {
    let raw = file.candles[g % count]
    return Candle(
      time: UnixTime(seconds: raw.time.seconds + timeShift + Double(g / count) * file.loopLength),
      open: scaled(raw.open), high: scaled(raw.high), low: scaled(raw.low), close: scaled(raw.close),
      volume: raw.volume * volumeScale)
  }

  /// The reported price at `offset`: before the first candle its open, else by `pricing` from
  /// the candle in progress (a candle that has already closed, at a hole in the file, reports
  /// its close).
  func price(atOffset offset: Double, pricing: ReplayPricing) -> Double {
    guard offset >= 0 else { return scaled(file.candles[0].open) }
    let current = global(atOffset: offset)
    let candle = candle(global: current)
    switch pricing {
    case .candleClose:
      return candle.close
    case .interpolated:
      let fraction = Swift.min(Swift.max((offset - start(ofGlobal: current)) / file.interval, 0), 1)
      return tick.rounded(candle.open + (candle.close - candle.open) * fraction)
    }
  }

  /// The 24-hour statistics at `offset`: the candles that opened in the last 86,400 s of file
  /// time, the one in progress included (in `.interpolated` pricing only its part up to now:
  /// volume pro rata, high and low from its open and the current price).
  func dailyStats(atOffset offset: Double, pricing: ReplayPricing, time: UnixTime) -> DailyMarketStats {
    let windowStart = offset - 86_400
    let current = global(atOffset: offset)
    var first = current
    while first > 0, start(ofGlobal: first - 1) > windowStart { first -= 1 }
    var tally = DailyStatsTally()
    let lastPrice = price(atOffset: offset, pricing: pricing)
    let priceBefore = price(atOffset: windowStart, pricing: pricing)
    for g in first...current {
      var candle = candle(global: g)
      let elapsed = (offset - start(ofGlobal: g)) / file.interval
      if g == current, pricing == .interpolated, elapsed < 1 {
        candle.volume *= Swift.max(elapsed, 0)
        candle.high = Swift.max(candle.open, lastPrice)
        candle.low = Swift.min(candle.open, lastPrice)
        candle.close = lastPrice
      }
      tally.add(candle)
    }
    return tally.stats(
      symbol: coin.symbol, lastPrice: lastPrice, priceBefore: priceBefore, tick: tick, time: time)
  }

  /// `price` from the file in the coin's quote asset, rounded to the tick.
  private func scaled(_ price: Double) -> Double { tick.rounded(price * priceScale) }
}
