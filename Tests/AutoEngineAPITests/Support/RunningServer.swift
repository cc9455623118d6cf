import AutoEngineAPI
import AutoEngineCore
import AutoEngineRuntime
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// Runs the real server (both listeners on 127.0.0.1, any free port unless `grpcPort` names one)
/// around a test body, then shuts it down gracefully and waits until it has stopped.
func withRunningServer<Result: Sendable>(
  engine: Engine = Engine(),
  services extra: [any Service] = [],
  access: APIAccessPolicy = APIAccessPolicy(),
  grpcPort: Int = 0,
  configure: (inout ServerConfiguration) -> Void = { _ in },
  _ body: @Sendable (_ engine: Engine, _ grpcPort: Int, _ httpPort: Int) async throws -> Result
) async throws -> Result {
  var logger = Logger(label: "test-server")
  logger.logLevel = .warning
  var configuration = ServerConfiguration(host: "127.0.0.1", grpcPort: grpcPort, httpPort: 0, access: access)
  configure(&configuration)
  let server = AutoEngineServer(engine: engine, configuration: configuration, logger: logger)
  let group = ServiceGroup(services: extra + server.services, logger: logger)
  return try await withThrowingTaskGroup(of: Void.self) { tasks in
    tasks.addTask { try await group.run() }
    do {
      let result = try await body(engine, try await server.grpcPort(), try await server.httpPort())
      await group.triggerGracefulShutdown()
      try await tasks.waitForAll()
      return result
    } catch {
      await group.triggerGracefulShutdown()
      try? await tasks.waitForAll()
      throw error
    }
  }
}

/// Runs `body` with a gRPC client connected over real HTTP/2 to 127.0.0.1:`port`.
func withLoopbackClient<Result: Sendable>(
  port: Int, _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
) async throws -> Result {
  let transport = try HTTP2ClientTransport.Posix(
    target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
  return try await withGRPCClient(transport: transport) { client in try await body(client) }
}

/// An engine on the seeded simulated market with a fetch scheduler ticking every 50 ms, so that
/// tests see live-updating states within a fraction of a second; the market's prices move every
/// `stepSeconds`.
func simulatedEngine(seed: UInt64 = 7, stepSeconds: Int = 5) -> (Engine, FetchScheduler) {
  var configuration = EngineConfiguration.defaults
  configuration.fetch.priceFetchInterval = 0.05
  configuration.fetch.volumeFetchInterval = 0.2
  configuration.fetch.staleThresholdMultiplier = 100
  let clock = SystemWallClock()
  let engine = Engine(clock: clock, configuration: configuration, marketSource: .simulated)
  var logger = Logger(label: "test-scheduler")
  logger.logLevel = .warning
  let scheduler = FetchScheduler(
    engine: engine,
    source: SimulatedMarket(
      coins: engine.catalogue.enabledCoins, seed: seed, start: clock.now(), stepSeconds: stepSeconds),
    clock: clock, warmUpCandles: 60, logger: logger)
  return (engine, scheduler)
}
