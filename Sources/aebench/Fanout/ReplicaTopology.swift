import AutoEngineRedis
import AutoEngineTestSupport
import Foundation

/// The servers of a replicated fan-out run: a private `redis-server` on a free loopback port, one
/// `autoengine serve --role engine` publishing to it, and `--role api` replicas fed from it
/// (trading calls forwarded to the engine's gRPC port).
final class ReplicaTopology {
  /// The private Redis.
  let redis: RedisTestServer
  /// A client for `INFO` readings.
  let client: RedisClient
  /// The engine and the replicas, in start order.
  let engine: ServerProcess
  let replicas: [ServerProcess]

  /// Starts Redis, then the engine (it writes the coin-state hash on its first tick), then
  /// `replicaCount` replicas; every server gets `settings` (`key=value`).
  init(replicas replicaCount: Int, executable: URL, settings: [String]) async throws {
    redis = try await RedisTestServer()
    client = RedisClient(configuration: try RedisConfiguration(url: redis.url))
    var started: [ServerProcess] = []
    do {
      let engine = try await ServerProcess(
        executable: executable, settings: settings, arguments: ["--role", "engine", "--redis-url", redis.url])
      started.append(engine)
      for _ in 0..<replicaCount {
        started.append(
          try await ServerProcess(
            executable: executable, settings: settings,
            arguments: [
              "--role", "api", "--redis-url", redis.url, "--engine-address", "127.0.0.1:\(engine.grpcPort)",
            ]))
      }
    } catch {
      for server in started { await server.stop() }
      client.close()
      redis.stop()
      throw error
    }
    engine = started[0]
    replicas = Array(started.dropFirst())
  }

  /// Every server: the engine first, then the replicas.
  var servers: [ServerProcess] { [engine] + replicas }

  /// Redis's `INFO` sections for the traffic figures, and its process id (`process_id`).
  func info() async throws -> RedisInfo {
    let reply = try await client.send("INFO", "server", "stats", "commandstats")
    return RedisInfo(parsing: reply.string ?? "")
  }

  /// Stops every server and Redis.
  func stop() async {
    for server in servers.reversed() { await server.stop() }
    client.close()
    redis.stop()
  }
}
