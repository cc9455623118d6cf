import ArgumentParser
import AutoEngineCore
import AutoEngineRuntime
import Foundation

/// `aebench backtest`: the synthetic backtest at scale — by default 40 coins × 365 days of
/// one-minute candles (21 million) through all 70 strategies and the trading rules.
struct BacktestBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Time a synthetic backtest (default 40 coins × 365 days of 1-minute candles, all 70 strategies).",
    discussion: """
      Generates the candles with the simulated market's model, evaluates every strategy per coin \
      on all cores and takes the trading decisions in time order, as `autoengine backtest \
      --synthetic` does. Prints the wall time, candles per second and the peak resident memory \
      (VmHWM). Target: ≤ 60 s (≥ 350,000 candles/s) and < 2 GiB on a 2-core machine. Run it on a \
      release build:

        swift build -c release --product aebench && .build/release/aebench backtest
      """)

  @Option(help: "Number of coins.")
  var coins = 40

  @Option(help: "Days of one-minute candles.")
  var days = 365

  @Option(help: "Seed of the simulated market.")
  var seed: UInt64 = 42

  @Flag(name: .customLong("single-threaded"), help: "Evaluate on one thread.")
  var singleThreaded = false

  @Flag(name: .customLong("no-journal"), help: "Do not write the in-memory trade journal.")
  var noJournal = false

  func run() throws {
    let configuration = EngineConfiguration()
    let catalogue = try configuration.trading.seedCatalogue()
    let data = try BacktestData.synthetic(
      catalogue: catalogue, coins: coins, days: days, seed: seed,
      start: UTCDateTime(year: 2025, month: 1, day: 1).unixTime)
    let options = BacktestOptions(configuration: configuration, parallel: !singleThreaded, journal: !noJournal)
    let report = try Backtest.run(data, options: options)
    print(
      "aebench backtest — \(MachineDescription.current), \(MachineDescription.isOptimized ? "release" : "DEBUG (figures meaningless)") build"
    )
    print(
      "\(coins) coins × \(days) days of 1-minute candles = \(report.candles) candles, \(report.strategyCount) strategies, "
        + "\(singleThreaded ? "1 thread" : "\(ProcessInfo.processInfo.activeProcessorCount) cores")")
    print(
      "wall \(report.elapsedSeconds.formatted(2)) s   \(report.candlesPerSecond.formatted(0)) candles/s   "
        + "peak RSS \(Self.peakResidentMiB().formatted(0)) MiB   (target ≤ 60 s, ≥ 350,000 candles/s, < 2,048 MiB)")
    print(
      "trades \(report.totals.trades), buys \(report.totals.buys), refusals \(report.totals.refusals.values.reduce(0, +)), "
        + "return \(report.totals.returnPercent.formatted(3)) %")
  }

  /// `VmHWM` of /proc/self/status, MiB (0 when unavailable).
  static func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    return Double(ProcStatus.kilobytes("VmHWM", in: status)) / 1_024
  }
}
