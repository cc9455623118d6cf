import AutoEngineRuntime
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import NIOCore
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

  /// Write-buffer marks of an accepted connection, bytes: unwritable above `high`, writable
  /// again below `low`.
  ///
  /// NIO's defaults (64 KiB / 32 KiB) suit one stream per connection. A connection multiplexing
  /// a hundred `WatchCoinStates` streams queues about a megabyte per engine tick, so with the
  /// defaults it turned unwritable and writable again every few messages, and NIO HTTP/2
  /// propagates each change to every stream of the connection (each then flushes) — in a
  /// 10,000-subscriber profile that was a large share of the server's CPU. With these marks a
  /// connection only turns unwritable when its client really stops reading; the memory this can
  /// hold is bounded by `high` per connection.
  static let writeBufferMarks = ChannelOptions.Types.WriteBufferWaterMark(low: 1 << 20, high: 4 << 20)

  /// Applies `writeBufferMarks` to an accepted gRPC connection. grpc-swift exposes the accepted
  /// channel only through its "debugging" callbacks, which is the supported way to set a
  /// channel option on it.
  @Sendable private static func raiseWriteBufferMarks(_ channel: any Channel) -> EventLoopFuture<Void> {
    channel.setOption(ChannelOptions.writeBufferWaterMark, value: writeBufferMarks)
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
        $0.channelDebuggingCallbacks.onAcceptTCPConnection = Self.raiseWriteBufferMarks
        // Under a fan-out burst, writes reach the socket in quarter-megabyte `writev`s rather
        // than 64 KiB ones; a lone message still goes out within 100 µs.
        $0.connection.flushCoalescing = .init(maxFlushDelay: .microseconds(100), maxBytes: 256 * 1024)
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
