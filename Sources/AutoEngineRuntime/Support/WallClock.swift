public import AutoEngineCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of the current wall-clock time, injected wherever the runtime needs "now".
///
/// The live server uses `SystemWallClock`; tests and the backtester pass their own, so that
/// cooldowns, staleness and uptime follow simulated time.
public protocol WallClock: Sendable {
  /// The current time.
  func now() -> UnixTime
}

/// The operating system's real-time clock (`CLOCK_REALTIME`).
public struct SystemWallClock: WallClock {
  /// Creates the system clock.
  public init() {}

  public func now() -> UnixTime {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return UnixTime(seconds: Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000)
  }
}
