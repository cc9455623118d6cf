import AutoEngineCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The whole simulated market as a function of the step index: every asset's path and every
/// coin's tape, advanced together from the origin.
///
/// Step `k` happens at `origin + k × stepSeconds`. Minute `j` (opening at `origin + 60 j`) is
/// made of steps `j·S + 1 … (j+1)·S` with `S = 60 / stepSeconds`, opens at the price of step
/// `j·S` and is complete once step `(j+1)·S` is recorded. The state after `k` steps never
/// depends on how the market got there, so a path rebuilt from the origin answers exactly as one
/// advanced step by step.
struct SimulatedMarketPath: Sendable {
  /// What defines the path: everything but the state.
  struct Layout: Sendable {
    var coins: [Coin]
    var seed: UInt64
    var model: SimulatedMarketModel
    /// Time of step 0, a whole minute, Unix seconds.
    var origin: Double
    /// Seconds per step, a divisor of 60.
    var stepSeconds: Int
    /// Most one-minute candles a query may return (≥ 1,440, the 24-hour window).
    var historyMinutes: Int
    /// How far before the newest step a query may go without a rebuild, steps.
    var retentionSteps: Int

    var stepsPerMinute: Int { 60 / stepSeconds }
  }

  let layout: Layout
  /// Steps taken since the origin.
  private(set) var stepIndex = 0
  private var marketRandom: SeededRandomStream
  private var assets: [SimulatedAssetPath]
  private var assetVolumes: [Double]
  private(set) var tapes: [SimulatedCoinTape]

  /// The market at its origin (step 0 recorded, no candle yet).
  init(layout: Layout) {
    self.layout = layout
    let step = Double(layout.stepSeconds)
    var bases: [String] = []
    for coin in layout.coins where !bases.contains(coin.base.uppercased()) {
      bases.append(coin.base.uppercased())
    }
    assets = bases.map {
      SimulatedAssetPath(
        base: $0, reference: .of(base: $0), seed: layout.seed, stepSeconds: step, model: layout.model)
    }
    assetVolumes = Array(repeating: 0, count: bases.count)
    marketRandom = SeededRandomStream(seed: layout.seed, label: "market")
    let stepCapacity = layout.retentionSteps + layout.stepsPerMinute + 1
    let candleCapacity = layout.historyMinutes + layout.retentionSteps / layout.stepsPerMinute + 2
    tapes = layout.coins.map { coin in
      let assetIndex = bases.firstIndex(of: coin.base.uppercased()) ?? 0
      return SimulatedCoinTape(
        coin: coin, assetIndex: assetIndex, reference: .of(base: coin.base), seed: layout.seed,
        stepSeconds: step, model: layout.model, stepCapacity: stepCapacity, candleCapacity: candleCapacity)
    }
    for index in tapes.indices {
      tapes[index].record(assets[tapes[index].assetIndex], assetVolume: 0)
    }
  }

  /// The time of step `k`.
  func time(ofStep k: Int) -> UnixTime {
    UnixTime(seconds: layout.origin + Double(k) * Double(layout.stepSeconds))
  }

  /// The last step at or before `time` (0 before the origin).
  func step(at time: UnixTime) -> Int {
    let steps = ((time.seconds - layout.origin) / Double(layout.stepSeconds)).rounded(.down)
    guard steps.isFinite, steps > 0 else { return 0 }
    return Int(Swift.min(steps, 1e12))
  }

  /// Whether the buffers still hold everything a query at step `k` reads: its step, the steps of
  /// its minute so far, and the `historyMinutes` candles before it.
  func canAnswer(atStep k: Int) -> Bool {
    guard k >= 0, k <= stepIndex else { return false }
    guard let tape = tapes.first else { return true }
    let minuteStart = k - k % layout.stepsPerMinute
    guard stepIndex - minuteStart < tape.steps.count else { return false }
    let lastMinute = stepIndex / layout.stepsPerMinute - 1
    let firstRetained = lastMinute - tape.candles.count + 1
    let firstNeeded = Swift.max(0, k / layout.stepsPerMinute - layout.historyMinutes)
    return firstRetained <= firstNeeded
  }

  /// Advances to step `target` (no-op when already there or beyond).
  mutating func advance(to target: Int) {
    while stepIndex < target { advanceOneStep() }
  }

  private mutating func advanceOneStep() {
    stepIndex += 1
    let now = time(ofStep: stepIndex).seconds
    let secondOfDay = now - (now / 86_400).rounded(.down) * 86_400
    let timeOfDay =
      1 + layout.model.intradayVolumeAmplitude * cos(2 * Double.pi * (secondOfDay - 54_000) / 86_400)
    let marketShock = marketRandom.normal()
    for index in assets.indices {
      assetVolumes[index] = assets[index].advance(marketShock: marketShock, timeOfDay: timeOfDay)
    }
    for index in tapes.indices {
      let asset = tapes[index].assetIndex
      tapes[index].record(assets[asset], assetVolume: assetVolumes[asset])
    }
    if stepIndex % layout.stepsPerMinute == 0 {
      let openTime = UnixTime(seconds: now - 60)
      for index in tapes.indices {
        tapes[index].closeMinute(openTime: openTime, stepsPerMinute: layout.stepsPerMinute)
      }
    }
  }
}
