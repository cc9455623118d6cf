public import AutoEngineRuntime
public import Logging
public import ServiceLifecycle

/// The server: the gRPC and REST listeners over one `Engine`, run as services of one group.
///
/// `autoengine serve` and the tests assemble it the same way: create it, put `services` into a
/// `ServiceGroup` (after any engine services they depend on), run the group.
public struct AutoEngineServer: Sendable {
  /// The engine both listeners serve.
  public let engine: Engine
  /// Where the listeners bind.
  public let configuration: ServerConfiguration
  private let grpc: GRPCListener
  private let rest: RESTListener

  /// Assembles the listeners (nothing binds until the services run).
  public init(engine: Engine, configuration: ServerConfiguration, logger: Logger) {
    self.engine = engine
    self.configuration = configuration
    self.grpc = GRPCListener(engine: engine, configuration: configuration, logger: logger)
    self.rest = RESTListener(engine: engine, configuration: configuration, logger: logger)
  }

  /// The listeners as lifecycle services, for a `ServiceGroup`.
  public var services: [any Service] { [grpc, rest] }

  /// The gRPC listener's port, once it has bound (the real one when configured with port 0).
  public func grpcPort() async throws -> Int { try await grpc.port.value }

  /// The REST listener's port, once it has bound (the real one when configured with port 0).
  public func httpPort() async throws -> Int { try await rest.port.value }
}
