/// Wilder's directional movement system (TA-Lib `PLUS_DI`, `MINUS_DI`, `ADX`), 0–100.
///
/// Per candle after the first: up move = high − previous high, down move = previous low − low;
/// +DM = up move when it is positive and larger than the down move, −DM likewise, else 0; TR is
/// the true range. TA-Lib's alignment, reproduced step for step: the first `period − 1` DMs and
/// TRs are summed (candles 2…`period`), then each candle applies Wilder's recursion
/// `sum = sum − sum / period + today`; ±DI = 100 × ±DM sum / TR sum (from candle `period + 1`);
/// DX = 100 × |+DI − −DI| / (+DI + −DI); the first ADX is the mean of the DX of candles
/// `period + 1`…`2 period`, then `adx = (adx × (period − 1) + dx) / period`.
/// Warm-up for 14: ±DI from candle 15, ADX from candle 28 (TA-Lib lookbacks 14 and 27).
/// Differences from TA-Lib (both only on degenerate data): TA-Lib treats sums below 1e-8 price
/// units as zero and prints 0 there; here ±DI are nil only when the TR sum is exactly zero, and an
/// undefined DX (no movement at all) is skipped — the first ADX averages the defined DX values
/// of its window (ADX stays nil if none is defined, until one is), and later ones leave ADX
/// unchanged, as TA-Lib does. ±DI and ADX are clamped to 0–100 against rounding.
public struct DirectionalMovement: Sendable {
  /// Smoothing period (default 14).
  public let period: Int
  /// Candles seen so far.
  public private(set) var count = 0
  /// Previous candle's high, low and close.
  var previousHigh = 0.0, previousLow = 0.0, previousClose = 0.0
  /// Wilder sums of +DM, −DM and TR.
  var plusDMSum = 0.0, minusDMSum = 0.0, trueRangeSum = 0.0
  /// Sum and number of the defined DX values while the first ADX is being formed.
  var seedDXSum = 0.0, seedDXCount = 0
  /// +DI, 0–100; nil during warm-up or when the TR sum is zero.
  public private(set) var plusDI: Double?
  /// −DI, 0–100; nil during warm-up or when the TR sum is zero.
  public private(set) var minusDI: Double?
  /// ADX, 0–100; nil during warm-up.
  public private(set) var adx: Double?

  /// Creates the system with the given period (default 14).
  public init(period: Int = 14) {
    precondition(period >= 2, "ADX period must be at least 2")
    self.period = period
  }

  /// Adds the newest candle.
  public mutating func update(_ candle: Candle) {
    count += 1
    defer {
      previousHigh = candle.high
      previousLow = candle.low
      previousClose = candle.close
    }
    guard count > 1 else { return }
    let upMove = candle.high - previousHigh
    let downMove = previousLow - candle.low
    var plusDM = 0.0
    var minusDM = 0.0
    if downMove > 0 && upMove < downMove {
      minusDM = downMove
    } else if upMove > 0 && upMove > downMove {
      plusDM = upMove
    }
    let trueRange = AverageTrueRange.trueRange(of: candle, previousClose: previousClose)
    let n = Double(period)
    if count <= period {
      minusDMSum += minusDM
      plusDMSum += plusDM
      trueRangeSum += trueRange
      return
    }
    minusDMSum -= minusDMSum / n
    plusDMSum -= plusDMSum / n
    minusDMSum += minusDM
    plusDMSum += plusDM
    trueRangeSum = trueRangeSum - trueRangeSum / n + trueRange
    var dx: Double?
    if trueRangeSum > 0 {
      let minus = min(100, max(0, 100 * (minusDMSum / trueRangeSum)))
      let plus = min(100, max(0, 100 * (plusDMSum / trueRangeSum)))
      minusDI = minus
      plusDI = plus
      let total = minus + plus
      if total > 0 { dx = 100 * ((minus - plus).magnitude / total) }
    } else {
      minusDI = nil
      plusDI = nil
    }
    if count <= 2 * period {
      if let dx {
        seedDXSum += dx
        seedDXCount += 1
      }
      if count == 2 * period, seedDXCount > 0 { adx = seedDXSum / Double(seedDXCount) }
    } else if let dx {
      if let previous = adx {
        adx = min(100, (previous * (n - 1) + dx) / n)
      } else {
        adx = dx
      }
    }
  }
}
