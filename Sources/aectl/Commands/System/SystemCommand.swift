import ArgumentParser
import AutoEngineAPI

/// `aectl system …`: the SystemService.
struct SystemCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "system",
    abstract: "The engine as a whole: status, health, pause and resume.",
    discussion: """
      start and stop need the server's API token (--token or AECTL_TOKEN).

      Example:
        aectl system status
      """,
    subcommands: [SystemStatusCommand.self, SystemStartCommand.self, SystemStopCommand.self, SystemHealthCommand.self])
}

/// `aectl system status`: components, exchanges, cache and streams (SystemService.GetStatus).
struct SystemStatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the engine, every component and exchange, the cache and the streams.",
    discussion: """
      Example:
        aectl system status
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_SystemService.Client(wrapping: client).getStatus(
        Autoengine_V1_GetStatusRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl system start`: resumes fetchers and strategies (SystemService.StartSystem).
struct SystemStartCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Resume the fetchers and strategies (needs the token).",
    discussion: """
      Example:
        AECTL_TOKEN=secret aectl system start
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_SystemService.Client(wrapping: client).startSystem(
        Autoengine_V1_StartSystemRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl system stop`: pauses fetchers and strategies (SystemService.StopSystem).
struct SystemStopCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop",
    abstract: "Pause the fetchers and strategies; the server keeps serving (needs the token).",
    discussion: """
      Example:
        AECTL_TOKEN=secret aectl system stop
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_SystemService.Client(wrapping: client).stopSystem(
        Autoengine_V1_StopSystemRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
  }
}

/// `aectl system health`: overall and per-component health (SystemService.GetHealth).
struct SystemHealthCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "health",
    abstract: "Show the engine's health and each component's; exit 0 when SERVING or DEGRADED.",
    discussion: """
      Exits 1 when NOT_SERVING (e.g. after `aectl system stop`).

      Example:
        aectl system health
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let response = try await connection.call { client in
      try await Autoengine_V1_SystemService.Client(wrapping: client).getHealth(
        Autoengine_V1_GetHealthRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    try output.emit(response) { $0.text($1) }
    guard response.status == .serving || response.status == .degraded else { throw ExitCode.failure }
  }
}
