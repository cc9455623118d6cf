import ArgumentParser
import AutoEngineCore
import AutoEngineRuntime
import Foundation

/// `autoengine backtest`: candle files or the simulated market through the engine's strategies,
/// trading rules and paper fills, with a report.
struct BacktestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Replay candles through the strategies, autobuy and exit rules and the paper broker; report the result.",
    discussion: """
      Each candle file is played by one coin (FILE=SYMBOL, or the coin whose base asset starts the \
      file name, else the next free coin), its prices scaled to the coin's level as the replay \
      market does. The decisions are the live desk's (TradingRules: autobuy, exits, sizing, \
      portfolio limits, daily loss limit), fills the paper broker's (fee, slippage), on the \
      candles' clock: the engine acts at each candle's close. Settings come from defaults, \
      --config, AUTOENGINE_* variables and --set, as for `serve`.

      Examples:
        autoengine backtest --data ../shared/data/candles
        autoengine backtest --data ../shared/data/candles/ETH-BTC_5m.csv=ETH-USD --strategies P1,P37 \\
          --set strategy.min_confidence=0.3 --report report.json --html report.html
        autoengine backtest --synthetic --coins 40 --days 365 --seed 7
      """)

  @Option(
    parsing: .upToNextOption,
    help: "Candle CSV files or directories (time,open,high,low,close,volume), FILE or FILE=SYMBOL.")
  var data: [String] = []

  @Flag(help: "Generate one-minute candles with the simulated market instead of reading files.")
  var synthetic = false

  @Option(help: "Synthetic: number of coins (the first enabled coins of the catalogue).")
  var coins = 40

  @Option(help: "Synthetic: days of one-minute candles.")
  var days = 30

  @Option(help: "Synthetic: seed of the simulated market.")
  var seed: UInt64 = 42

  @Option(
    help:
      "Trade from this time on (RFC 3339, yyyy-mm-dd or Unix seconds); earlier candles only warm up. Synthetic: the start (default 2025-01-01)."
  )
  var from: String?

  @Option(help: "Ignore candles closing after this time (RFC 3339, yyyy-mm-dd or Unix seconds).")
  var to: String?

  @OptionGroup var selection: StrategySelection

  @Option(help: "Configuration file (YAML or JSON).")
  var config: String?

  @Option(
    name: .customLong("set"),
    help: "Any configuration key, as key=value (repeatable), e.g. --set strategy.min_confidence=0.4.")
  var overrides: [String] = []

  @Option(help: "Write the report as JSON to this file (deterministic: same input, same bytes).")
  var report: String?

  @Option(help: "Write a self-contained HTML page with the equity curve and drawdown to this file.")
  var html: String?

  @Flag(name: .customLong("single-threaded"), help: "Evaluate the coins on one thread (the report is identical).")
  var singleThreaded = false

  @Flag(
    name: .customLong("no-journal"), help: "Do not write orders, fills and decisions to the in-memory trade journal.")
  var noJournal = false

  func validate() throws {
    guard synthetic != !data.isEmpty else { throw ValidationError("give either --data FILE… or --synthetic") }
    _ = try selection.selectedStrategies()
    for text in [from, to].compactMap({ $0 }) where Self.time(text) == nil {
      throw ValidationError("'\(text)' is not a time (RFC 3339, yyyy-mm-dd or Unix seconds)")
    }
  }

  func run() throws {
    var flags: [String: String] = [:]
    try SettingOverrides.apply(overrides, to: &flags)
    let settings: AutoEngineSettings
    do {
      settings = try AutoEngineSettings.load(
        file: config, environment: ProcessInfo.processInfo.environment, flags: flags
      ).settings
    } catch {
      throw CommandError("the configuration is not valid:\n\(error)")
    }
    let catalogue = try settings.engine.trading.seedCatalogue()
    let fromTime = from.flatMap(Self.time)
    let toTime = to.flatMap(Self.time)
    let input: BacktestData
    do {
      input =
        synthetic
        ? try BacktestData.synthetic(
          catalogue: catalogue, coins: coins, days: days, seed: seed,
          start: fromTime ?? UTCDateTime(year: 2025, month: 1, day: 1).unixTime)
        : try BacktestData.files(data, catalogue: catalogue, to: toTime)
    } catch {
      throw CommandError(error.message)
    }
    let options = BacktestOptions(
      configuration: settings.engine, strategies: try selection.selectedStrategies(),
      from: synthetic ? nil : fromTime, parallel: !singleThreaded, journal: !noJournal)
    let bar = ProgressBar()
    let result: BacktestReport
    do {
      result = try Backtest.run(input, options: options) { bar.update(done: $0.candlesDone, total: $0.candlesTotal) }
    } catch {
      bar.finish()
      throw CommandError(error.message)
    }
    bar.finish()
    for coin in input.coins where coin.source != "synthetic" {
      FileHandle.standardError.write(Data("\(coin.source) → \(coin.coin.symbol)\n".utf8))
    }
    print(result.table, terminator: "")
    print(
      "ran in \(NumberText.fixed(result.elapsedSeconds, decimals: 2)) s, "
        + "\(Int(result.candlesPerSecond.rounded())) candles/s, peak RSS \(Self.peakMemory())")
    if let report { try write(result.json, to: report) }
    if let html { try write(result.html, to: html) }
  }

  private func write(_ text: String, to path: String) throws {
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
      throw CommandError("\(path): cannot be written (\(error.localizedDescription))")
    }
  }

  /// RFC 3339, `yyyy-mm-dd` (00:00 UTC) or Unix seconds.
  static func time(_ text: String) -> UnixTime? {
    if let seconds = Double(text) { return UnixTime(seconds: seconds) }
    if let time = UTCDateTime.parseRFC3339(text) { return time }
    return UTCDateTime.parseRFC3339(text + "T00:00:00Z")
  }

  /// Peak resident memory of this process (`VmHWM` of /proc/self/status), or `unknown`.
  static func peakMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return "unknown" }
    let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    return "\(NumberText.fixed(kilobytes / 1_048_576, decimals: 2)) GiB"
  }
}
