import AutoEngineDashboard
import AutoEngineRuntime
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The REST/JSON listener (Hummingbird, HTTP/1.1) as a lifecycle `Service`; HTTPS when the
/// configuration has a TLS identity.
final class RESTListener: Service {
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
    let engine = self.engine
    let configuration = self.configuration
    let logger = self.logger
    let port = self.port
    let server: HTTPServerBuilder
    do {
      if let tls = configuration.tls {
        server = try HTTPServerBuilder.tls(.http1(), tlsConfiguration: tls.restConfiguration)
      } else {
        server = .http1()
      }
    } catch {
      let failure = EngineError(.fixConfiguration, "the REST listener cannot use the TLS identity: \(error)")
      port.fail(failure)
      throw failure
    }
    let application = Application(
      router: RESTRouter.build(
        engine: engine, control: configuration.engineLocation.control(engine: engine), access: configuration.access,
        maxRequestBytes: configuration.maxRequestBytes,
        corsOrigins: configuration.corsOrigins),
      server: server,
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.httpPort),
        serverName: "autoengine/\(engine.version)"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? configuration.httpPort
        port.resolve(bound)
        logger.info(
          "REST listening on \(configuration.scheme)://\(configuration.host):\(bound)",
          metadata: ["scheme": "\(configuration.scheme)"])
        if DashboardAssets.directory() != nil {
          logger.info("dashboard at \(configuration.scheme)://\(configuration.host):\(bound)/")
        } else {
          logger.warning("the dashboard's files are missing (clients/web resource bundle): / answers 404")
        }
        await engine.updateComponent(
          ComponentHealth(name: "rest", state: .serving, detail: "listening on \(configuration.host):\(bound)"))
      },
      logger: logger)
    do {
      try await application.run()
    } catch {
      port.fail(error)
      throw error
    }
    port.fail(EngineError(.unavailable, "the REST listener has stopped"))
    await engine.removeComponent(named: "rest")
  }
}
