import ArgumentParser

/// `aectl`: the command-line client of the CRYPTO AUTOENGINE server.
@main
struct AECtl: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aectl",
    abstract: "Control and watch a CRYPTO AUTOENGINE server over gRPC.",
    discussion: """
      Exit codes: 0 success; the gRPC status code for an RPC error (e.g. 14 UNAVAILABLE when the \
      server cannot be reached, 16 UNAUTHENTICATED); 2 for usage errors.
      """,
    subcommands: [HealthCommand.self])

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
        CommandFailure.printError(fullMessage(for: error))
        Self.exit(withError: ExitCode(2))
      }
      Self.exit(withError: error)
    }
  }
}
