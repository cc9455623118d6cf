public import AutoEngineCore
import Dispatch
import Foundation

/// Replays candles through the engine's decision path: strategies → trading rules → paper fills
/// → positions and journal, on the candles' own clock.
///
/// ## Two phases, one result
/// Coins are independent until portfolio limits bind, so the work is split:
/// 1. **Signals** (the expensive part, pure): each coin's `CoinEvaluator` — the live engine's
///    indicators, strategies and aggregation — turns its candles into one `SignalRecord` per
///    candle. Coins run in parallel across cores.
/// 2. **Decisions** (cheap, sequential): `BacktestDesk` takes the records of all coins merged in
///    time order (ties in coin order) and applies the live desk's rules, so portfolio rules —
///    max open positions, max exposure, the daily loss limit, the shared cash — are exact.
/// The candles are cut into windows (a day by default); while the coins evaluate window k, the
/// desk decides window k − 1 and the source produces window k + 1, all as tasks of one parallel
/// loop per window. Every task works on its own data, and phase 2 sees the records in the same
/// order however the tasks ran, so a parallel run and a single-threaded one give the same report.
public enum Backtest {
  /// How far a run has got.
  public struct Progress: Sendable {
    /// Candles evaluated so far, and in all.
    public var candlesDone: Int, candlesTotal: Int
  }

  /// Runs a backtest of `data` with `options`; `progress` is called after each window.
  ///
  /// - Throws: `EngineError` `.invalidArgument` when no candle is left to trade (e.g. `from`
  ///   after the data), `.internal` when the trade journal cannot be opened.
  public static func run(
    _ data: BacktestData, options: BacktestOptions, progress: (Progress) -> Void = { _ in }
  ) throws(EngineError) -> BacktestReport {
    let coins = data.coins
    let clock = ContinuousClock()
    let started = clock.now
    let journal: TradeJournal?
    do { journal = options.journal ? try TradeJournal.inMemory() : nil } catch {
      throw EngineError(.internal, "the backtest's trade journal could not be opened: \(error)")
    }
    let trading = options.configuration.trading
    let desk = DeskBox(
      BacktestDesk(
        coins: coins, rules: TradingRules(configuration: options.configuration),
        fillModel: PaperFillModel(trading), startingBalance: trading.paperStartingBalance, journal: journal,
        equitySampleSeconds: options.equitySampleSeconds))
    let lanes = coins.map { coin in
      CoinLane(
        coin: coin, evaluator: CoinEvaluator(strategies: options.strategies),
        tradeFrom: options.from?.seconds ?? -.infinity)
    }
    let source = SourceBox(data.source)
    let windows = [CandleWindow(coins.count), CandleWindow(coins.count)]
    let width = options.windowSeconds
    let origin = (data.span.start / width).rounded(.down) * width
    let windowCount = Swift.max(1, Int(((data.span.end - origin) / width).rounded(.up)))
    source.source.fill(&windows[0].candles, until: origin + width)
    var done = 0
    for step in 0...windowCount {
      let current = step % 2
      let tasks = 2 + lanes.count
      let work: @Sendable (Int) -> Void = { task in
        switch task {
        case 0:
          guard step + 1 < windowCount else { return }
          let next = windows[(step + 1) % 2]
          source.source.fill(&next.candles, until: origin + Double(step + 2) * width)
        case 1:
          guard step >= 1 else { return }
          desk.decide(lanes: lanes, slot: (step - 1) % 2)
        default:
          guard step < windowCount else { return }
          let lane = lanes[task - 2]
          lane.evaluate(windows[current].candles[task - 2], into: lane.outputs[current])
        }
      }
      if options.parallel {
        DispatchQueue.concurrentPerform(iterations: tasks, execute: work)
      } else {
        for task in 0..<tasks { work(task) }
      }
      if step < windowCount {
        done += windows[current].candles.reduce(0) { $0 + $1.count }
        for index in windows[current].candles.indices {
          windows[current].candles[index].removeAll(keepingCapacity: true)
        }
        progress(Progress(candlesDone: done, candlesTotal: data.candleCount))
      }
    }
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return try BacktestReport(
      desk: desk.desk, lanes: lanes, options: options, journal: journal, candles: done, elapsedSeconds: seconds)
  }
}

/// The desk of phase 2, merging the lanes' records of a window in time order.
///
/// Reached by one task per window (the parallel loop gives task 1 to one thread), hence
/// `@unchecked Sendable`.
final class DeskBox: @unchecked Sendable {
  var desk: BacktestDesk
  private var cursors: [Int] = []

  init(_ desk: BacktestDesk) { self.desk = desk }

  /// Decides every record of buffer `slot` of every lane, earliest close first, ties in lane order.
  func decide(lanes: [CoinLane], slot: Int) {
    let buffers = lanes.map { $0.outputs[slot] }
    cursors = Array(repeating: 0, count: lanes.count)
    while true {
      var earliest = Double.infinity
      for index in buffers.indices where cursors[index] < buffers[index].records.count {
        earliest = Swift.min(earliest, buffers[index].records[cursors[index]].time)
      }
      guard earliest.isFinite else { return }
      for index in buffers.indices where cursors[index] < buffers[index].records.count {
        let record = buffers[index].records[cursors[index]]
        guard record.time == earliest else { continue }
        desk.process(record, coin: index)
        cursors[index] += 1
      }
    }
  }
}

/// The candle source, advanced by one task per window.
final class SourceBox: @unchecked Sendable {
  var source: any BacktestCandleSource
  init(_ source: any BacktestCandleSource) { self.source = source }
}

/// One window's candles per coin; written by the source task, then read by the coin tasks of
/// the next step (never both in one step).
final class CandleWindow: @unchecked Sendable {
  var candles: [[Candle]]
  init(_ coins: Int) { candles = Array(repeating: [], count: coins) }
}

/// One window's records of one coin.
final class RecordBuffer: @unchecked Sendable {
  var records: [SignalRecord] = []
}
