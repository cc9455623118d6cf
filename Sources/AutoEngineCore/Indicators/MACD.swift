/// Moving average convergence/divergence (TA-Lib `MACD`), with TA-Lib's alignment.
///
/// Line = fast EMA − slow EMA of the close; signal = EMA of the line over `signalPeriod`
/// (seeded with the SMA of its first `signalPeriod` values); histogram = line − signal.
/// Units: quote asset. TA-Lib aligns both EMAs to the slow period: the slow EMA is seeded with
/// the SMA of closes 1…`slowPeriod`, and the fast EMA with the SMA of the `fastPeriod` closes
/// that end at the same candle (so it is *not* the standalone EMA(`fastPeriod`)). Hence, for
/// 12/26/9, the line exists from candle 26 and the signal and histogram from candle 34 (TA-Lib's
/// first output index 33). TA-Lib hides the line before the signal exists; we publish it.
/// The two histogram values before the latest are kept too (from candles 35 and 36 for 12/26/9),
/// so a turn `h[−2] > h[−1] < h[0]` can be read from one value. O(1) per update.
public struct MACD: Sendable {
  /// Fast EMA period (default 12).
  public let fastPeriod: Int
  /// Slow EMA period (default 26), greater than `fastPeriod`.
  public let slowPeriod: Int
  /// Signal EMA period (default 9).
  public let signalPeriod: Int
  /// Closes seen so far.
  public private(set) var count = 0
  /// The fast EMA, fed only from close number `slowPeriod − fastPeriod + 1` on.
  var fast: ExponentialMovingAverage
  /// The slow EMA, fed every close.
  var slow: ExponentialMovingAverage
  /// The signal EMA, fed every line value.
  var signalAverage: ExponentialMovingAverage
  /// Fast EMA − slow EMA; nil before `slowPeriod` closes.
  public private(set) var line: Double?
  /// EMA of the line; nil before `slowPeriod + signalPeriod − 1` closes.
  public private(set) var signal: Double?
  /// Line − signal; nil while the signal is.
  public private(set) var histogram: Double?
  /// The histogram one update before the latest; nil until two histograms exist.
  public private(set) var histogramOneBack: Double?
  /// The histogram two updates before the latest; nil until three histograms exist.
  public private(set) var histogramTwoBack: Double?

  /// Creates a MACD with the given periods (TA-Lib defaults 12, 26, 9).
  public init(fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9) {
    precondition(
      fastPeriod >= 1 && slowPeriod > fastPeriod && signalPeriod >= 1,
      "MACD periods must satisfy 1 ≤ fast < slow, signal ≥ 1")
    self.fastPeriod = fastPeriod
    self.slowPeriod = slowPeriod
    self.signalPeriod = signalPeriod
    fast = ExponentialMovingAverage(period: fastPeriod)
    slow = ExponentialMovingAverage(period: slowPeriod)
    signalAverage = ExponentialMovingAverage(period: signalPeriod)
  }

  /// Adds the newest close.
  public mutating func update(_ close: Double) {
    count += 1
    histogramTwoBack = histogramOneBack
    histogramOneBack = histogram
    slow.update(close)
    if count > slowPeriod - fastPeriod { fast.update(close) }
    guard let fastValue = fast.value, let slowValue = slow.value else { return }
    let newLine = fastValue - slowValue
    line = newLine
    signalAverage.update(newLine)
    if let newSignal = signalAverage.value {
      signal = newSignal
      histogram = newLine - newSignal
    }
  }
}
