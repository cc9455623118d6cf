import ArgumentParser

/// `aebench`: benchmarks and load generators for CRYPTO AUTOENGINE. Run them on a release build
/// (`swift run -c release aebench …`); figures from debug builds are meaningless.
@main
struct AEBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aebench",
    abstract: "Benchmarks and load generators (use a release build).",
    subcommands: [
      StrategiesBenchCommand.self, MarketBenchCommand.self, HealthLoadCommand.self, FanoutCommand.self,
      BacktestBenchCommand.self, RedisHopBenchCommand.self, RedisFloorBenchCommand.self,
    ])
}
