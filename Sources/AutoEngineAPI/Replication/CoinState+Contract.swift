import AutoEngineCore
import AutoEngineRedis
import AutoEngineRuntime
import Foundation
import NIOCore
import SwiftProtobuf

extension CoinState {
  /// The domain state of a contract `CoinState`, the inverse of `Autoengine_V1_CoinState(_:)`:
  /// how an API replica turns what the engine published on Redis back into the value its hub and
  /// cache hold, so that its API maps it out again to the same message.
  ///
  /// The coin comes from `catalogue` (the replica runs the engine's configuration); nil when the
  /// symbol is not configured there. Not carried by the contract, so left at their defaults:
  /// the aggregate's agreement, activity and coverage, and indicators the contract omits.
  init?(contract message: Autoengine_V1_CoinState, catalogue: CoinCatalogue) {
    var lunar = LunarStates()
    self.init(contract: message, catalogue: catalogue, lunar: &lunar)
  }

  /// As `init(contract:catalogue:)`, taking the Moon's state from `lunar` (the coins of one tick
  /// share their cosmic time: the ephemeris is computed once per tick instead of once per coin).
  init?(contract message: Autoengine_V1_CoinState, catalogue: CoinCatalogue, lunar: inout LunarStates) {
    guard let coin = catalogue.coin(forSymbol: message.symbol) else { return nil }
    self.init(coin: coin)
    price = Self.decimal(message.price)
    bid = Self.decimal(message.bid)
    ask = Self.decimal(message.ask)
    change24hPercent = message.hasChange24HPct ? message.change24HPct : nil
    volume24h = Self.decimal(message.volume24H)
    quoteVolume24h = Self.decimal(message.quoteVolume24H)
    volumeChangePercent = message.hasVolumeChangePct ? message.volumeChangePct : nil
    let summary = message.priceSummary
    high1h = summary.hasHigh1H ? summary.high1H : nil
    low1h = summary.hasLow1H ? summary.low1H : nil
    open1h = summary.hasOpen1H ? summary.open1H : nil
    priceSamples = Int(summary.samples)
    sparkline = summary.sparkline
    sparklineSeconds = Int(summary.sparklineSeconds)
    indicators = IndicatorSnapshot(contract: message.indicators, momentum: message.momentum)
    if message.hasSignal {
      let (aggregate, reasons) = AggregatedSignal.replica(of: message.signal)
      self.aggregate = aggregate
      topReasons = reasons
    }
    let freshness = message.freshness
    priceUpdatedAt = freshness.hasPriceUpdatedAt ? UnixTime(freshness.priceUpdatedAt) : nil
    volumeUpdatedAt = freshness.hasVolumeUpdatedAt ? UnixTime(freshness.volumeUpdatedAt) : nil
    indicatorsUpdatedAt = freshness.hasIndicatorsUpdatedAt ? UnixTime(freshness.indicatorsUpdatedAt) : nil
    cosmicUpdatedAt = freshness.hasCosmicUpdatedAt ? UnixTime(freshness.cosmicUpdatedAt) : nil
    isStale = freshness.stale
    staleReason = freshness.staleReason
    if message.hasCosmic, let time = cosmicUpdatedAt {
      cosmic = CosmicInputs(contract: message.cosmic, lunar: lunar.state(at: time))
    }
  }

  /// The contract's decimal notation (made once: a replica maps every coin of every tick).
  private static let posix = Locale(identifier: "en_US_POSIX")

  private static func decimal(_ text: String) -> Decimal? {
    text.isEmpty ? nil : Decimal(string: text, locale: posix)
  }
}

/// The Moon's state per instant, each computed once (`LunarEphemeris` costs microseconds per
/// call, and every coin of a tick asks for the same instant).
struct LunarStates {
  private var known: [UnixTime: LunarState] = [:]

  /// The Moon's state at `time`.
  mutating func state(at time: UnixTime) -> LunarState {
    if let state = known[time] { return state }
    let state = LunarEphemeris.state(at: time)
    known[time] = state
    return state
  }
}

extension UnixTime {
  /// Seconds since the epoch of a contract timestamp.
  init(_ timestamp: Google_Protobuf_Timestamp) {
    self.init(seconds: timestamp.timeIntervalSince1970)
  }
}

extension IndicatorSnapshot {
  /// The indicator values the contract carries; the rest stay nil.
  init(contract message: Autoengine_V1_Indicators, momentum: Autoengine_V1_Momentum) {
    // Field by field rather than through a table of key paths: a replica maps every coin of
    // every tick, and key-path access costs several times a direct one.
    self.init()
    sma20 = message.hasSma20 ? message.sma20 : nil
    ema12 = message.hasEma12 ? message.ema12 : nil
    ema26 = message.hasEma26 ? message.ema26 : nil
    rsi14 = message.hasRsi14 ? message.rsi14 : nil
    macd = message.hasMacd ? message.macd : nil
    macdSignal = message.hasMacdSignal ? message.macdSignal : nil
    macdHist = message.hasMacdHist ? message.macdHist : nil
    bbUpper = message.hasBbUpper ? message.bbUpper : nil
    bbMiddle = message.hasBbMiddle ? message.bbMiddle : nil
    bbLower = message.hasBbLower ? message.bbLower : nil
    atr14 = message.hasAtr14 ? message.atr14 : nil
    stddev20 = message.hasStddev20 ? message.stddev20 : nil
    volatility20Pct = message.hasVolatilityPct ? message.volatilityPct : nil
    roc10 = message.hasRoc10 ? message.roc10 : nil
    obv = message.hasObv ? message.obv : nil
    vwap = message.hasVwap ? message.vwap : nil
    volumeSMA20 = message.hasVolumeSma20 ? message.volumeSma20 : nil
    volumeZScore = message.hasVolumeZscore ? message.volumeZscore : nil
    stochK = message.hasStochK ? message.stochK : nil
    stochD = message.hasStochD ? message.stochD : nil
    adx14 = message.hasAdx14 ? message.adx14 : nil
    cci20 = message.hasCci20 ? message.cci20 : nil
    willR14 = message.hasWillr14 ? message.willr14 : nil
    mfi14 = message.hasMfi14 ? message.mfi14 : nil
    donchianUpper20 = message.hasDonchianUpper ? message.donchianUpper : nil
    donchianLower20 = message.hasDonchianLower ? message.donchianLower : nil
    pivot = message.hasPivot ? message.pivot : nil
    support1 = message.hasSupport1 ? message.support1 : nil
    resistance1 = message.hasResistance1 ? message.resistance1 : nil
    momentum1mPct = momentum.hasM1Pct ? momentum.m1Pct : nil
    momentum5mPct = momentum.hasM5Pct ? momentum.m5Pct : nil
    momentum15mPct = momentum.hasM15Pct ? momentum.m15Pct : nil
    momentum1hPct = momentum.hasH1Pct ? momentum.h1Pct : nil
  }
}

extension AggregatedSignal {
  /// The aggregate and its top contributors' reasons from the contract (agreement, activity and
  /// coverage are not in the contract: 0).
  static func replica(of message: Autoengine_V1_AggregatedSignal) -> (AggregatedSignal, [StrategyID: String]) {
    var contributors = TopContributors()
    var reasons: [StrategyID: String] = [:]
    for contributor in message.topContributors {
      guard let id = StrategyID(contributor.strategyID) else { continue }
      contributors.offer(
        StrategyContribution(
          strategy: id, action: TradeAction(message: contributor.action), contribution: contributor.contribution))
      if !contributor.reason.isEmpty { reasons[id] = contributor.reason }
    }
    let aggregate = AggregatedSignal(
      action: TradeAction(message: message.action), strength: message.strength, confidence: message.confidence,
      score: message.score, agreement: 0, activity: 0, coverage: 0, buyCount: Int(message.buyCount),
      sellCount: Int(message.sellCount), holdCount: Int(message.holdCount),
      missingCount: Int(message.missingInputCount),
      topContributors: contributors)
    return (aggregate, reasons)
  }
}

extension TradeAction {
  /// The domain action of a contract action (UNSPECIFIED reads as hold).
  init(message: Autoengine_V1_Action) {
    switch message {
    case .buy: self = .buy
    case .sell: self = .sell
    default: self = .hold
    }
  }
}

extension CosmicInputs {
  /// The cosmic inputs of a contract snapshot with `lunar`, the Moon's state at the snapshot's
  /// time (recomputed: it is a function of time); solar and Schumann readings are copied.
  init(contract message: Autoengine_V1_CosmicSnapshot, lunar: LunarState) {
    var solar: SolarActivity?
    if message.hasSolar {
      let proto = message.solar
      solar = SolarActivity(
        observedAt: UnixTime(proto.updatedAt), latestFlareClass: FlareClass(proto.latestFlareClass),
        flarePeakTime: proto.hasLatestFlareTime ? UnixTime(proto.latestFlareTime) : nil,
        xrayFlux: proto.hasXrayFlux ? proto.xrayFlux : nil, kpIndex: proto.hasKpIndex ? proto.kpIndex : nil)
    }
    var schumann: SchumannReading?
    if message.hasSchumann {
      let proto = message.schumann
      schumann = SchumannReading(
        observedAt: UnixTime(proto.updatedAt), frequencyHz: proto.frequencyHz, amplitude: proto.amplitude,
        isSimulated: proto.simulated)
    }
    self.init(lunar: lunar, solar: solar, schumann: schumann)
  }
}

extension Signal {
  /// Each strategy's signal and reason from the contract's signals of one coin, in the order
  /// sent (unknown strategy ids are skipped). A missing input reads as `.missing`; which input
  /// was missing is in the reason only.
  static func replica(of message: Autoengine_V1_CoinSignals) -> [(signal: Signal, reason: String)] {
    message.signals.compactMap { item in
      guard let id = StrategyID(item.strategyID) else { return nil }
      let signal = Signal(
        strategy: id, action: TradeAction(message: item.action), strength: item.strength,
        confidence: item.confidence, code: item.missingInput ? .missing("an input on the engine") : .rule())
      return (signal, item.reason)
    }
  }
}

extension CoinState {
  /// The states in the `coin_states` hash (`ReplicationKeys.coinStates`: symbol → contract
  /// `CoinState`), in catalogue order: how a replica's snapshot and a warm restart both read it.
  /// Fields that are not a configured coin's contract state are skipped.
  static func states(ofHash fields: [String: ByteBuffer], catalogue: CoinCatalogue) -> [CoinState] {
    catalogue.coins.compactMap { coin in
      guard let bytes = fields[coin.symbol],
        let message = try? Autoengine_V1_CoinState(serializedBytes: Array(buffer: bytes))
      else { return nil }
      return CoinState(contract: message, catalogue: catalogue)
    }
  }
}

extension RESPValue {
  /// The fields and values of an HGETALL reply (empty for anything else, e.g. a missing key).
  var hashFields: [String: ByteBuffer] {
    var fields: [String: ByteBuffer] = [:]
    for pair in pairs ?? [] {
      guard let field = pair.key.string, let value = pair.value.bytes else { continue }
      fields[field] = value
    }
    return fields
  }
}
