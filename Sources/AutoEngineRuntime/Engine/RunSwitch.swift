import Synchronization

/// Whether the fetchers and strategies run: StartSystem and StopSystem flip it, the scheduler
/// reads it before every run. Thread-safe.
public final class RunSwitch: Sendable {
  private let running: Mutex<Bool>

  /// Creates a switch, running by default.
  public init(running: Bool = true) { self.running = Mutex(running) }

  /// Whether the system runs.
  public var isRunning: Bool { running.withLock { $0 } }

  /// Sets the state; returns whether it changed.
  @discardableResult
  public func set(_ value: Bool) -> Bool {
    running.withLock { state in
      defer { state = value }
      return state != value
    }
  }
}
