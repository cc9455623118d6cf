/// Classic floor-trader pivot levels from the previous completed block of candles.
///
/// Candles are grouped into consecutive blocks of `period` candles counted from the first one
/// (candles 1…`period`, `period + 1`…`2 period`, …). While a block is forming, the levels come
/// from the block before it: with H, L, C that block's highest high, lowest low and last close,
/// `P = (H + L + C) / 3`, `R1 = 2P − L`, `S1 = 2P − H`, `R2 = P + (H − L)`, `S2 = P − (H − L)`.
/// The levels change on the first candle of each block, so they never include the candle being
/// judged. Prices in the quote asset. Warm-up: nil until candle `period + 1`. O(1) per update.
public struct PivotLevels: Sendable {
  /// Candles per block, ≥ 1.
  public let period: Int
  /// Candles of the forming block seen so far, 0…`period`.
  var candlesInBlock = 0
  /// Highest high, lowest low and last close of the forming block.
  var blockHigh = 0.0, blockLow = 0.0, blockClose = 0.0
  /// Pivot point P.
  public private(set) var pivot: Double?
  /// First resistance `2P − L`.
  public private(set) var resistance1: Double?
  /// First support `2P − H`.
  public private(set) var support1: Double?
  /// Second resistance `P + (H − L)`.
  public private(set) var resistance2: Double?
  /// Second support `P − (H − L)`.
  public private(set) var support2: Double?

  /// Creates pivot levels over blocks of `period` candles (default 60).
  public init(period: Int = 60) {
    precondition(period >= 1, "pivot period must be at least 1")
    self.period = period
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    if candlesInBlock == period {
      let p = (blockHigh + blockLow + blockClose) / 3
      let range = blockHigh - blockLow
      pivot = p
      resistance1 = 2 * p - blockLow
      support1 = 2 * p - blockHigh
      resistance2 = p + range
      support2 = p - range
      candlesInBlock = 0
    }
    if candlesInBlock == 0 {
      blockHigh = candle.high
      blockLow = candle.low
    } else {
      blockHigh = max(blockHigh, candle.high)
      blockLow = min(blockLow, candle.low)
    }
    blockClose = candle.close
    candlesInBlock += 1
  }
}
