import AutoEngineCore
import FoundationEssentials

/// Candles for a market without explicit ones: a small deterministic wiggle around its price
/// (a hash of the open time), so any window of any length can be served without storing it.
enum SyntheticCandles {
  /// The candles of `market` with open times in `from...through`, aligned to `interval` seconds,
  /// oldest first; open times after `now` are never served.
  static func candles(for market: MockMarket, interval: Int, from: Double, through: Double, now: Double) -> [Candle] {
    let step = Double(interval)
    let last = (min(through, now) / step).rounded(.down) * step
    var time = (from / step).rounded(.up) * step
    let price = double(market.price)
    let volume = double(market.volume24h) / max(1, 86_400 / step)
    var candles: [Candle] = []
    while time <= last {
      let open = price * (1 + wiggle(time))
      let close = price * (1 + wiggle(time + step))
      candles.append(
        Candle(
          time: UnixTime(seconds: time), open: open, high: max(open, close) * 1.0005, low: min(open, close) * 0.9995,
          close: close, volume: volume * (0.5 + unit(time, salt: 7))))
      time += step
    }
    return candles
  }

  /// `Decimal` → `Double` through its exact text.
  static func double(_ value: Decimal) -> Double { Double(value.description) ?? 0 }

  /// A relative price offset in ±0.2 %, fixed for `time`.
  private static func wiggle(_ time: Double) -> Double { (unit(time, salt: 1) - 0.5) * 0.004 }

  /// A number in [0, 1) fixed for `time` and `salt` (SplitMix64 finaliser).
  private static func unit(_ time: Double, salt: UInt64) -> Double {
    var z = UInt64(bitPattern: Int64(time)) &+ salt &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Double(z >> 11) / Double(UInt64(1) << 53)
  }
}
