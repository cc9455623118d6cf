/// The MACD line at the lowest low and at the highest high of the `period` candles before the
/// latest, with how many candles ago each extreme was: the inputs of a MACD divergence.
///
/// Each candle from the first with a MACD line on contributes its low and high, tagged with its
/// MACD line value, to two ``TaggedRollingExtreme`` windows; before the latest candle is added,
/// the windows are read, so the values describe the `period` candles *before* the latest (the
/// same span as ``DonchianChannel``). `lowAge` / `highAge` count candles from the extreme to the
/// latest candle: 1 means the candle just before it. Ties go to the most recent candle.
/// Warm-up: nil until `period` candles with a MACD line precede the latest (for MACD 12/26 and
/// period 20: from candle 46). Units: MACD in the quote asset, ages in candles. O(1) amortised.
public struct PriorExtremeMACD: Sendable {
  /// Candle lows tagged with the MACD line.
  var lows: TaggedRollingExtreme
  /// Candle highs tagged with the MACD line.
  var highs: TaggedRollingExtreme
  /// MACD line at the lowest low of the `period` candles before the latest; nil during warm-up.
  public private(set) var macdAtLow: Double?
  /// Candles from that lowest low to the latest candle, 1…`period`; nil during warm-up.
  public private(set) var lowAge: Int?
  /// MACD line at the highest high of the `period` candles before the latest; nil during warm-up.
  public private(set) var macdAtHigh: Double?
  /// Candles from that highest high to the latest candle, 1…`period`; nil during warm-up.
  public private(set) var highAge: Int?

  /// Creates empty windows over `period` candles (≥ 1, default 20).
  public init(period: Int = 20) {
    lows = TaggedRollingExtreme(period: period, kind: .minimum)
    highs = TaggedRollingExtreme(period: period, kind: .maximum)
  }

  /// Number of earlier candles the windows span.
  public var period: Int { lows.period }

  /// Adds the newest candle with its MACD line (nil while the line is warming up: the candle is
  /// then not added).
  public mutating func update(_ candle: Candle, macdLine: Double?) {
    macdAtLow = lows.tag
    lowAge = lows.age
    macdAtHigh = highs.tag
    highAge = highs.age
    guard let macdLine else { return }
    lows.push(candle.low, tag: macdLine)
    highs.push(candle.high, tag: macdLine)
  }
}
