import ArgumentParser
import AutoEngineCore
import Foundation

/// `aebench strategies`: the cost of one coin-tick — one new candle through every indicator and
/// all 70 strategies, aggregated — for 40 coins fed real candles.
struct StrategiesBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strategies",
    abstract: "Time one coin-tick (indicators + 70 strategies + aggregation) over real candles for 40 coins.",
    discussion: """
      Each of the 40 coins replays one of the shared candle files (from a different offset), warms \
      up on --warmup candles, then every further candle of every coin is timed on its own. Prints \
      the median, p90, p99 and mean time per coin-tick and the heap allocations per tick (counted \
      with a preloaded malloc interposer). Run it on a release build:

        swift run -c release aebench strategies --data ../shared/data/candles
      """)

  @Option(help: "Folder of candle CSV files (time,open,high,low,close,volume).")
  var data = "../shared/data/candles"

  @Option(help: "Number of coins.")
  var coins = 40

  @Option(help: "Candles per coin fed before timing starts (the slowest indicator needs 200).")
  var warmup = 300

  @Option(help: "Timed candles per coin.")
  var ticks = 2_000

  func validate() throws {
    guard coins > 0, warmup >= 0, ticks > 0 else {
      throw ValidationError("--coins and --ticks must be positive, --warmup ≥ 0")
    }
  }

  func run() throws {
    AllocationCounter.preloadInterposer()
    let series = try loadSeries(needed: warmup + ticks)
    var evaluators = (0..<coins).map { _ in CoinEvaluator() }
    let inputs = (0..<coins).map { coin in
      let candles = series[coin % series.count]
      let offset = (coin / series.count) * 97 % max(1, candles.count - warmup - ticks + 1)
      return Array(candles[offset..<(offset + warmup + ticks)])
    }
    // Cosmic readings change hourly; the engine computes them once and hands the same value on.
    let cosmic = CosmicReadings(CosmicInputs(at: inputs[0][warmup].time), at: inputs[0][warmup].time)
    for coin in 0..<coins {
      for candle in inputs[coin][..<warmup] { try evaluators[coin].update(candle, cosmic: cosmic) }
    }

    var samples = [Int64](repeating: 0, count: coins * ticks)
    var checksum = 0.0
    let clock = ContinuousClock()
    let wallStart = clock.now
    let allocations = try AllocationCounter.count {
      var index = 0
      for tick in warmup..<(warmup + ticks) {
        for coin in 0..<coins {
          let start = clock.now
          let aggregate = try evaluators[coin].update(inputs[coin][tick], cosmic: cosmic)
          let elapsed = clock.now - start
          checksum += aggregate.score
          samples[index] = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
          index += 1
        }
      }
    }
    let wall = clock.now - wallStart
    let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18

    let summary = LatencySummary(nanoseconds: samples)
    let mean = Double(samples.reduce(0, +)) / Double(samples.count) / 1000
    let allocationText = allocations.map { "\((Double($0) / Double(samples.count)).formatted(3))" } ?? "not measured"
    print(
      "aebench strategies — \(MachineDescription.current), \(MachineDescription.isOptimized ? "release" : "DEBUG (figures meaningless)") build"
    )
    print(
      "coins \(coins), warm-up \(warmup) candles, timed \(samples.count) coin-ticks, 70 strategies, checksum \(checksum.formatted(3))"
    )
    print(
      "per coin-tick   median \(summary.p50.formatted(2)) µs   p90 \(summary.p90.formatted(2)) µs   p99 \(summary.p99.formatted(2)) µs   mean \(mean.formatted(2)) µs   max \(summary.max.formatted(1)) µs"
    )
    print(
      "throughput      \((Double(samples.count) / wallSeconds).formatted(0)) coin-ticks/s on one core (including timer reads)"
    )
    print("allocations     \(allocationText) per coin-tick (\(allocations.map(String.init) ?? "—") in total)")
  }

  /// The candle files of `data` with at least `needed` rows, sorted by name.
  private func loadSeries(needed: Int) throws -> [[Candle]] {
    let names = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".csv") }.sorted()
    let series = try names.map { name -> [Candle] in
      let path = (data as NSString).appendingPathComponent(name)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      do { return try CandleCSV.parse(text) } catch { throw ValidationError("\(path): \(error)") }
    }.filter { $0.count >= needed }
    guard !series.isEmpty else {
      throw ValidationError("\(data): no candle CSV file with at least \(needed) rows (--warmup + --ticks)")
    }
    return series
  }
}
