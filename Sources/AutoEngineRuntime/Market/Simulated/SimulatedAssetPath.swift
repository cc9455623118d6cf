#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One base asset's simulated USD price path and traded volume, advanced in fixed steps.
///
/// Per step of `Δ` seconds: the regime counts down and may switch; the log price moves by the
/// GARCH shock (correlated with the market factor), the regime's drift or range reversion, the
/// weak pull to the reference level, and now and then a gap; the variance is updated; the volume
/// follows the baseline scaled by volatility, shock size, spikes and the time of day.
struct SimulatedAssetPath: Sendable {
  // MARK: Constants per asset and step
  /// Seconds per step.
  private let stepSeconds: Double
  /// Long-run variance of a step's log return.
  let longRunVariance: Double
  /// GARCH(1,1) coefficients per step: `h' = ω + α ε² + β h`.
  private let omega: Double, alpha: Double, beta: Double
  /// Loading on the market factor and on the asset's own shock.
  private let factorLoading: Double, ownLoading: Double
  /// Asset volatility relative to 50 % a year, scaling trend drifts and gaps.
  private let volatilityScale: Double
  /// Log of the reference price, and the per-step pull toward it.
  private let referenceLogPrice: Double, referencePull: Double
  /// Per-step pull to a range's level.
  private let rangePull: Double
  /// Per-step probabilities of a gap and of a volume spike.
  private let gapProbability: Double, spikeProbability: Double
  /// Per-step decay of a spike's excess volume.
  private let spikeDecay: Double
  /// Coinbase volume of one step at baseline, USD.
  private let baselineStepVolumeUSD: Double
  private let model: SimulatedMarketModel

  // MARK: State
  private var random: SeededRandomStream
  /// Natural log of the USD price.
  private(set) var logPrice: Double
  /// Conditional variance of the next step's shock.
  private(set) var variance: Double
  private(set) var regime: MarketRegime = .range
  private var stepsLeftInRegime = 0
  private var driftPerStep = 0.0
  private var rangeLevel: Double
  /// Current volume multiplier from spikes (≥ 1).
  private var spikeLevel = 1.0

  /// The path of an asset with `reference` figures, seeded from `seed` and `base`.
  init(base: String, reference: AssetReference, seed: UInt64, stepSeconds: Double, model: SimulatedMarketModel) {
    self.stepSeconds = stepSeconds
    self.model = model
    let yearSeconds = 365.0 * 86_400
    longRunVariance = reference.annualVolatility * reference.annualVolatility * stepSeconds / yearSeconds
    let persistence = pow(0.5, stepSeconds / model.volatilityHalfLife)
    alpha = model.volatilityReaction * ((1 - persistence * persistence) / 2).squareRoot()
    beta = persistence - alpha
    omega = longRunVariance * (1 - persistence)
    let correlation = base.uppercased() == "BTC" ? Swift.max(model.marketCorrelation, 0.9) : model.marketCorrelation
    factorLoading = correlation
    ownLoading = (1 - correlation * correlation).squareRoot()
    volatilityScale = reference.annualVolatility / 0.5
    referenceLogPrice = log(reference.referencePrice)
    referencePull = stepSeconds / model.referenceReversionTime
    rangePull = stepSeconds / model.rangeReversionTime
    gapProbability = stepSeconds / model.gapMeanInterval
    spikeProbability = stepSeconds / model.volumeSpikeMeanInterval
    spikeDecay = pow(0.5, stepSeconds / model.volumeSpikeHalfLife)
    baselineStepVolumeUSD = reference.dailyVolumeUSD * stepSeconds / 86_400
    random = SeededRandomStream(seed: seed, label: "asset:\(base.uppercased())")
    logPrice = referenceLogPrice
    rangeLevel = referenceLogPrice
    variance = longRunVariance
    enter(random.chance(0.6) ? .range : (random.chance(0.5) ? .uptrend : .downtrend))
  }

  /// The USD price now.
  var price: Double { exp(logPrice) }

  /// Volatility now relative to its long-run level (1 = normal).
  var volatilityRatio: Double { (variance / longRunVariance).squareRoot() }

  /// Advances one step with the market factor's shock `marketShock` (standard normal) and the
  /// intraday volume factor `timeOfDay`; returns the asset's Coinbase volume of the step, base units.
  mutating func advance(marketShock: Double, timeOfDay: Double) -> Double {
    stepsLeftInRegime -= 1
    if stepsLeftInRegime <= 0 { enter(nextRegime()) }
    let z = factorLoading * marketShock + ownLoading * random.normal()
    let shock = variance.squareRoot() * z
    var logReturn = shock + driftPerStep - referencePull * (logPrice - referenceLogPrice)
    if regime == .range { logReturn -= rangePull * (logPrice - rangeLevel) }
    var boost = 1.0
    if random.chance(gapProbability) {
      let size = random.uniform(in: model.gapSize) * volatilityScale
      logReturn += random.chance(0.5) ? size : -size
      boost = model.gapVarianceBoost
      spikeLevel = Swift.max(spikeLevel, model.volumeSpikeSize.upperBound)
    }
    if random.chance(spikeProbability) {
      spikeLevel = Swift.max(spikeLevel, random.uniform(in: model.volumeSpikeSize))
    }
    logPrice += logReturn
    let updated = (omega + alpha * shock * shock + beta * variance) * boost
    variance = Swift.min(Swift.max(updated, longRunVariance * 0.04), longRunVariance * 100)
    let activity = volatilityRatio * (0.6 + 0.5 * z.magnitude)
    let volume = baselineStepVolumeUSD / price * activity * spikeLevel * timeOfDay
    spikeLevel = 1 + (spikeLevel - 1) * spikeDecay
    return volume
  }

  /// The regime after the current one.
  private mutating func nextRegime() -> MarketRegime {
    switch regime {
    case .range: random.chance(0.5) ? .uptrend : .downtrend
    case .uptrend: random.chance(model.trendReversalProbability) ? .downtrend : .range
    case .downtrend: random.chance(model.trendReversalProbability) ? .uptrend : .range
    }
  }

  /// Starts `next` with a random duration (and, for a trend, a random drift).
  private mutating func enter(_ next: MarketRegime) {
    regime = next
    let mean = next == .range ? model.rangeMeanDuration : model.trendMeanDuration
    stepsLeftInRegime = Swift.max(1, Int((random.exponential(mean: mean) / stepSeconds).rounded(.up)))
    switch next {
    case .range:
      rangeLevel = logPrice
      driftPerStep = 0
    case .uptrend, .downtrend:
      let daily = random.uniform(in: model.trendDailyDrift) * volatilityScale
      driftPerStep = (next == .uptrend ? daily : -daily) * stepSeconds / 86_400
    }
  }
}
