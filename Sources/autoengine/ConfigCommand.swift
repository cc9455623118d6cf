import ArgumentParser
import AutoEngineRuntime
import Foundation

/// `autoengine config`: checks a configuration file, or prints the example with every key.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Check a configuration file, or print an example with every key and its default.",
    discussion: """
      Settings layer as defaults < configuration file (YAML or JSON) < environment < flags. Each key \
      has an environment variable: AUTOENGINE_ and the key in upper case with dots as underscores \
      (server.grpc_port → AUTOENGINE_SERVER_GRPC_PORT). The API token is AUTOENGINE_API_TOKEN; exchange \
      credentials come from the environment only (AUTOENGINE_BINANCEUS_API_KEY, \
      AUTOENGINE_BINANCEUS_API_SECRET, AUTOENGINE_COINBASE_KEY_NAME, AUTOENGINE_COINBASE_PRIVATE_KEY).
      """,
    subcommands: [Check.self, Example.self])

  /// `autoengine config check FILE`: validates and prints the effective configuration.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate a configuration file and print the effective configuration, secrets masked.",
      discussion: """
        The printed configuration is YAML: every key with its value and where it came from \
        (default, file, env, flag). Warnings go to stderr. Exits with status 0 when the \
        configuration is valid, or 1 with every problem on stderr, one per line.

        Examples:
          autoengine config check autoengine.yaml
          AUTOENGINE_FETCH_PRICE_FETCH_INTERVAL=5 autoengine config check autoengine.yaml
          autoengine config check autoengine.json --set server.grpc_port=50052
        """)

    @Argument(help: "Configuration file, YAML or JSON.")
    var file: String

    @Option(
      name: .customLong("set"),
      help: ArgumentHelp(
        "Override one key as a flag would, e.g. server.grpc_port=50052 (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    func validate() throws {
      for assignment in overrides where Self.split(assignment) == nil {
        throw ValidationError("--set '\(assignment)' is not key=value, e.g. --set server.grpc_port=50052")
      }
    }

    func run() throws {
      var flags: [String: String] = [:]
      for (key, value) in overrides.compactMap(Self.split) { flags[key] = value }
      do {
        let effective = try AutoEngineSettings.load(
          file: file, environment: ProcessInfo.processInfo.environment, flags: flags)
        for warning in effective.warnings { Self.printError("warning: \(warning)") }
        print(effective.effectiveDescription(masked: true), terminator: "")
      } catch {
        for problem in error.problems { Self.printError(problem.description) }
        throw ExitCode.failure
      }
    }

    /// `key=value` as its two parts (the value may be empty or contain `=`), or `nil`.
    private static func split(_ assignment: String) -> (String, String)? {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else { return nil }
      return (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
    }

    private static func printError(_ line: String) {
      FileHandle.standardError.write(Data((line + "\n").utf8))
    }
  }

  /// `autoengine config example`: prints the example configuration.
  struct Example: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "example",
      abstract: "Print an example configuration file with every key, its default and a description.",
      discussion: """
        The repository keeps the same text in Sources/autoengine/autoengine.example.yaml.

        Example:
          autoengine config example > autoengine.yaml
        """)

    func run() {
      print(AutoEngineSettings.exampleYAML, terminator: "")
    }
  }
}
