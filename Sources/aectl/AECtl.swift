import ArgumentParser
import Foundation

/// `aectl`: the command-line client of the CRYPTO AUTOENGINE server.
@main
struct AECtl: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aectl",
    abstract: "Control and watch a CRYPTO AUTOENGINE server over gRPC.",
    discussion: """
      Every command takes --server host:port (env AECTL_SERVER, default 127.0.0.1:50051), \
      --token (env AECTL_TOKEN) for calls that change state, --tls and --ca FILE, --timeout \
      SECONDS, and --output table|json|ndjson.

      Exit codes: 0 success; the gRPC status code for an RPC error (5 NOT_FOUND, 14 UNAVAILABLE \
      when the server cannot be reached, 16 UNAUTHENTICATED); 2 for usage errors.

      Shell completions: aectl --generate-completion-script bash|zsh|fish

      Example:
        aectl state BTC-USD
      """,
    groupedSubcommands: [
      CommandGroup(name: "Coin states", subcommands: [CoinsCommand.self, StateCommand.self, WatchCommand.self]),
      CommandGroup(
        name: "Strategies", subcommands: [StrategiesCommand.self, SignalsCommand.self, WatchSignalsCommand.self]),
      CommandGroup(name: "Trading and system", subcommands: [TradingCommand.self, SystemCommand.self]),
      CommandGroup(name: "Health", subcommands: [HealthCommand.self]),
    ])

  /// Runs the command; usage errors exit with 2 (not swift-argument-parser's 64), as documented.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        CommandFailure.printError(usageLine(for: error))
        Self.exit(withError: ExitCode(2))
      }
      Self.exit(withError: error)
    }
  }

  /// A usage error in one line: the problem and where help is ("see 'aectl health --help'").
  static func usageLine(for error: any Error) -> String {
    var line = String(message(for: error).split(separator: "\n").first ?? "invalid usage")
    if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
    let hint = fullMessage(for: error).split(separator: "\n").first { $0.contains("See '") }
    guard let hint, let start = hint.range(of: "See '") else { return line }
    return line + " (see " + hint[start.upperBound...].replacingOccurrences(of: "' for more information.", with: "")
      + ")"
  }
}
