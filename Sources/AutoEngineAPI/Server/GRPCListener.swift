import AutoEngineRuntime
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// The gRPC listener as a lifecycle `Service`: HTTP/2 with the four contract services, health and
/// server reflection; TLS when the configuration has an identity, and request messages limited to
/// `maxRequestBytes`.
final class GRPCListener: Service {
  private let engine: Engine
  private let configuration: ServerConfiguration
  private let logger: Logger
  /// The port the listener bound, once it is up.
  let port = BoundPort()

  init(engine: Engine, configuration: ServerConfiguration, logger: Logger) {
    self.engine = engine
    self.configuration = configuration
    self.logger = logger
  }

  func run() async throws {
    let reflection: ReflectionGRPCService
    do {
      reflection = try ReflectionGRPCService()
    } catch {
      port.fail(error)
      throw error
    }
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: configuration.host, port: configuration.grpcPort),
      transportSecurity: configuration.tls?.grpcSecurity ?? .plaintext,
      config: .defaults {
        $0.http2.maxConcurrentStreams = configuration.maxConcurrentStreams
        // Beyond this the stream is reset unread; below it `RequestSizeInterceptor` answers
        // RESOURCE_EXHAUSTED for anything over `maxRequestBytes`.
        $0.rpc.maxRequestPayloadSize = RequestSizeInterceptor.transportLimit(for: configuration.maxRequestBytes)
      })
    // On an API replica, trading and start/stop act on the engine (`ForwardedEngineControl`).
    let control = configuration.engineLocation.control(engine: engine)
    let server = GRPCServer(
      transport: transport,
      services: [
        CoinStateGRPCService(engine: engine),
        StrategyGRPCService(engine: engine),
        TradingGRPCService(control: control),
        SystemGRPCService(engine: engine, control: control),
        HealthGRPCService(engine: engine),
        // Last: it lists the services registered before it.
        reflection,
      ],
      interceptors: [
        BearerTokenInterceptor(policy: configuration.access),
        RequestSizeInterceptor(maxBytes: configuration.maxRequestBytes),
      ])
    let engine = self.engine
    try await withGracefulShutdownHandler {
      try await withThrowingDiscardingTaskGroup { group in
        group.addTask { try await server.serve() }
        do {
          let address = try await transport.listeningAddress
          let port = address.ipv4?.port ?? address.ipv6?.port ?? configuration.grpcPort
          self.port.resolve(port)
          // The message ends with the port (scripts read it); the scheme goes in the metadata.
          logger.info(
            "gRPC listening on \(configuration.host):\(port)", metadata: ["scheme": "\(configuration.scheme)"])
          await engine.updateComponent(
            ComponentHealth(name: "grpc", state: .serving, detail: "listening on \(configuration.host):\(port)"))
        } catch {
          self.port.fail(error)
          throw error
        }
      }
    } onGracefulShutdown: {
      engine.endStreams()
      server.beginGracefulShutdown()
    }
    port.fail(EngineError(.unavailable, "the gRPC listener has stopped"))
    await engine.removeComponent(named: "grpc")
  }
}
