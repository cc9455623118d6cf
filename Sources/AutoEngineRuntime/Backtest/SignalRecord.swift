import AutoEngineCore

/// What phase 1 (strategy evaluation) hands to phase 2 (the trading decisions) for one candle
/// of one coin: the moment, the price and the aggregated signal. 40 bytes, no references.
struct SignalRecord: Sendable {
  /// When the engine acts on the candle: its close (open time + interval), Unix seconds.
  var time: Double
  /// The candle's close, quote units (already on the coin's price tick).
  var close: Double
  /// Aggregated strength, 0…1.
  var strength: Double
  /// Aggregated confidence, 0…1.
  var confidence: Double
  /// Up to five top contributors' strategy numbers, one byte each from the lowest byte up (0 = none).
  var top: UInt64
  /// The aggregated action.
  var action: TradeAction

  /// The record of `aggregate` for a candle closing at `time` at price `close`.
  init(time: Double, close: Double, aggregate: AggregatedSignal) {
    self.time = time
    self.close = close
    self.strength = aggregate.strength
    self.confidence = aggregate.confidence
    self.action = aggregate.action
    var packed: UInt64 = 0
    for (position, contribution) in aggregate.topContributors.enumerated() {
      packed |= UInt64(UInt8(truncatingIfNeeded: contribution.strategy.number)) << (8 * UInt64(position))
    }
    self.top = packed
  }

  /// The risk rules' view of the signal.
  var signal: SignalSnapshot { SignalSnapshot(action: action, strength: strength, confidence: confidence) }

  /// The top contributors' strategy numbers, largest contribution first.
  var topNumbers: [Int] { Self.numbers(top) }

  /// The strategy numbers packed in `packed`.
  static func numbers(_ packed: UInt64) -> [Int] {
    var result: [Int] = []
    var rest = packed
    while rest != 0 {
      let number = Int(rest & 0xFF)
      if number != 0 { result.append(number) }
      rest >>= 8
    }
    return result
  }
}

/// Phase 1 for one coin: its evaluator fed the candles of a window, writing one `SignalRecord`
/// per candle.
///
/// A lane is touched by one thread at a time: the window's tasks give each lane to exactly one
/// task, so the class is `@unchecked Sendable` for handing it to `concurrentPerform` (the
/// standard library offers no way to share disjoint mutable state across a parallel loop).
final class CoinLane: @unchecked Sendable {
  let coin: BacktestCoin
  private var evaluator: CoinEvaluator
  /// Candles before this close time feed the indicators only (warm-up before `--from`).
  private let tradeFrom: Double
  /// Cosmic readings of the current UTC hour (the engine computes them hourly too).
  private var cosmicHour = -Double.infinity
  private var cosmic = CosmicReadings.none
  /// Output records, double-buffered by window parity.
  let outputs = [RecordBuffer(), RecordBuffer()]
  /// Candles the indicators refused (malformed or out of order); skipped.
  private(set) var rejected = 0

  init(coin: BacktestCoin, evaluator: CoinEvaluator, tradeFrom: Double) {
    self.coin = coin
    self.evaluator = evaluator
    self.tradeFrom = tradeFrom
  }

  /// Evaluates `candles` (in time order) into `output`, replacing what it held.
  func evaluate(_ candles: [Candle], into output: RecordBuffer) {
    output.records.removeAll(keepingCapacity: true)
    for candle in candles {
      let hour = (candle.time.seconds / 3_600).rounded(.down)
      if hour != cosmicHour {
        cosmicHour = hour
        let at = UnixTime(seconds: hour * 3_600)
        cosmic = CosmicReadings(CosmicInputs(at: at), at: at)
      }
      let close = candle.time.seconds + coin.interval
      do {
        let aggregate = try evaluator.update(candle, cosmic: cosmic, now: UnixTime(seconds: close))
        if close >= tradeFrom {
          output.records.append(SignalRecord(time: close, close: candle.close, aggregate: aggregate))
        }
      } catch {
        rejected += 1
      }
    }
  }
}
