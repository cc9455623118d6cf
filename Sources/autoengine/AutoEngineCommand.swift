import ArgumentParser
import AutoEngineRuntime

/// `autoengine`: the CRYPTO AUTOENGINE server and its offline tools.
@main
struct AutoEngineCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "autoengine",
    abstract: "CRYPTO AUTOENGINE: a trading-automation server for 40 coins on Coinbase and Binance.US.",
    version: AutoEngineVersion.current,
    subcommands: [
      ServeCommand.self, ConfigCommand.self, StrategiesCommand.self, SignalsCommand.self, IndicatorsCommand.self,
      CosmicCommand.self, BacktestCommand.self,
    ],
    defaultSubcommand: nil)
}
