public import AutoEngineRedis
public import AutoEngineRuntime
public import Logging
public import ServiceLifecycle

/// Reports the Redis connection as the `redis` component of health and status: its address,
/// server version and round-trip latency, or why it is down (the component is then degraded;
/// the engine's streams keep their subscribers and resume when Redis is back).
public final class RedisHealthReporter: Service {
  private let engine: Engine
  private let client: RedisClient
  private let interval: Double
  private let logger: Logger

  /// Creates a reporter that checks every `interval` seconds.
  public init(engine: Engine, client: RedisClient, interval: Double = 5, logger: Logger) {
    self.engine = engine
    self.client = client
    self.interval = interval
    self.logger = logger
  }

  public func run() async throws {
    var version: String?
    var wasUp: Bool?
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      let address = client.configuration.redactedURL
      let health: ComponentHealth
      do throws(RedisError) {
        let latency = try await client.ping()
        if version == nil { version = try await client.serverVersion() }
        health = ComponentHealth(
          name: "redis", state: .serving,
          detail: "\(address) · Redis \(version ?? "?") · ping \(Self.milliseconds(latency)) ms")
        if wasUp == false { logger.notice("redis is reachable again", metadata: ["redis": "\(address)"]) }
        wasUp = true
      } catch {
        health = ComponentHealth(name: "redis", state: .degraded, detail: "\(address) · down: \(error)")
        if wasUp != false {
          logger.warning("redis is unreachable", metadata: ["redis": "\(address)", "error": "\(error)"])
        }
        wasUp = false
      }
      await engine.updateComponent(health)
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int64(self.interval * 1000))) }
      } catch {
        break
      }
    }
    await engine.removeComponent(named: "redis")
  }

  private static func milliseconds(_ seconds: Double) -> String {
    let value = (seconds * 10_000).rounded() / 10
    return String(value)
  }
}
