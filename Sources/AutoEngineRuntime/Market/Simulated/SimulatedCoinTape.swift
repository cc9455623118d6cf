import AutoEngineCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One simulated coin's recorded market: its recent steps and its one-minute candles.
///
/// The coin's price is its asset's USD price times `exp(basis)`, where the basis is zero for a
/// USD quote and a small mean-reverting spread for any other quote (USDT, USDC); its volume is
/// the asset's volume times the exchange's share and a log-normal noise; its half-spread grows
/// with volatility. Both buffers have fixed capacity, so memory stays constant however long the
/// market runs.
struct SimulatedCoinTape: Sendable {
  /// One recorded step: price and half-spread in ticks, volume traded during the step.
  struct Step: Sendable {
    var priceUnits: Int64
    var halfSpreadUnits: Int64
    var volume: Double
    var regime: MarketRegime
  }

  let coin: Coin
  /// Index of the coin's base asset in the market's assets.
  let assetIndex: Int
  let tick: PriceTick
  /// Share of the asset's Coinbase volume that trades on this coin's exchange.
  private let volumeShare: Double
  /// Half-spread at normal volatility, fraction of the price.
  private let baseHalfSpread: Double
  /// Whether the quote is priced with a basis against USD, and its per-step coefficients.
  private let hasBasis: Bool
  private let basisKeep: Double, basisShock: Double
  private let volumeNoise: Double
  private var random: SeededRandomStream
  private var basis = 0.0
  /// The most recent steps, the newest last.
  private(set) var steps: RingBuffer<Step>
  /// Completed one-minute candles, the newest last.
  private(set) var candles: RingBuffer<Candle>

  /// A tape for `coin`, whose asset has `reference` figures and sits at `assetIndex`.
  init(
    coin: Coin, assetIndex: Int, reference: AssetReference, seed: UInt64, stepSeconds: Double,
    model: SimulatedMarketModel, stepCapacity: Int, candleCapacity: Int
  ) {
    self.coin = coin
    self.assetIndex = assetIndex
    tick = PriceTick(referencePrice: reference.referencePrice)
    volumeShare = AssetReference.volumeShare(on: coin.exchange)
    let venueVolume = Swift.max(reference.dailyVolumeUSD * volumeShare, 1)
    baseHalfSpread = Swift.min(Swift.max(0.5e-4 * (1e9 / venueVolume).squareRoot(), 0.5e-4), 10e-4)
    hasBasis = coin.quote.uppercased() != "USD"
    basisKeep = 1 - stepSeconds / model.quoteBasisReversionTime
    basisShock = model.quoteBasisVolatility * (2 * stepSeconds / model.quoteBasisReversionTime).squareRoot()
    volumeNoise = model.volumeNoise
    random = SeededRandomStream(seed: seed, label: "coin:\(coin.symbol.uppercased())")
    steps = RingBuffer(
      capacity: stepCapacity, filler: Step(priceUnits: 1, halfSpreadUnits: 1, volume: 0, regime: .range))
    candles = RingBuffer(
      capacity: candleCapacity,
      filler: Candle(time: UnixTime(seconds: 0), open: 1, high: 1, low: 1, close: 1, volume: 0))
  }

  /// Records a step of `asset`, whose Coinbase volume during the step was `assetVolume` (0 for
  /// the origin step).
  mutating func record(_ asset: SimulatedAssetPath, assetVolume: Double) {
    if hasBasis { basis = basis * basisKeep + basisShock * random.normal() }
    let noise = random.normal()
    let price = asset.price * (1 + basis)
    let units = tick.units(price)
    let half = baseHalfSpread * Swift.min(Swift.max(asset.volatilityRatio, 0.5), 4)
    let volume =
      assetVolume > 0
      ? assetVolume * volumeShare * exp(volumeNoise * noise - volumeNoise * volumeNoise / 2) : 0
    steps.push(
      Step(
        priceUnits: units, halfSpreadUnits: Swift.max(1, tick.units(price * half)), volume: volume,
        regime: asset.regime))
  }

  /// Closes the minute whose last step was just recorded: its candle opens at the step before
  /// the minute, spans the minute's `stepsPerMinute` steps, and is stamped `openTime`.
  mutating func closeMinute(openTime: UnixTime, stepsPerMinute: Int) {
    let last = steps.count - 1
    candles.push(candle(from: last - stepsPerMinute, through: last, openTime: openTime))
  }

  /// The candle of the steps at buffer offsets `first` (its open) through `last`.
  func candle(from first: Int, through last: Int, openTime: UnixTime) -> Candle {
    let open = steps[first].priceUnits
    var high = open, low = open, volume = 0.0
    for offset in (first + 1)...last {
      let step = steps[offset]
      high = Swift.max(high, step.priceUnits)
      low = Swift.min(low, step.priceUnits)
      volume += step.volume
    }
    return Candle(
      time: openTime, open: tick.price(units: open), high: tick.price(units: high),
      low: tick.price(units: low), close: tick.price(units: steps[last].priceUnits), volume: volume)
  }
}
