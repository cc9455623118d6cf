public import AutoEngineCore
import Synchronization

/// The status of one running component (a fetcher, a listener, the journal…).
public struct ComponentStatus: Hashable, Sendable {
  /// Component name, e.g. "price-fetcher".
  public var name: String
  /// Whether it runs, is paused, degraded or failed.
  public var state: State
  /// When it last ran and last ran without error.
  public var lastRun: UnixTime?, lastSuccess: UnixTime?
  /// Runs and failed runs since start.
  public var runs: UInt64 = 0, errors: UInt64 = 0
  /// The last error message; empty when none.
  public var lastError = ""
  /// Seconds between runs for periodic components; 0 otherwise.
  public var interval: Double = 0
  /// Human-readable detail.
  public var detail = ""

  /// State of a component.
  public enum State: String, Hashable, Sendable {
    case starting, running, degraded, stopped, failed
  }

  /// Creates a status.
  public init(name: String, state: State = .starting, interval: Double = 0, detail: String = "") {
    self.name = name
    self.state = state
    self.interval = interval
    self.detail = detail
  }
}

/// Where components report their runs; read by `Engine.status()` and health.
///
/// A periodic component whose latest run failed is degraded; one that succeeds again is running.
public final class ComponentMonitor: Sendable {
  private let statuses = Mutex([String: ComponentStatus]())

  /// Creates an empty monitor.
  public init() {}

  /// Registers (or resets) a component.
  public func register(_ status: ComponentStatus) {
    statuses.withLock { $0[status.name] = status }
  }

  /// Records a successful run of `name` at `time`.
  public func succeeded(_ name: String, at time: UnixTime, detail: String? = nil) {
    statuses.withLock { all in
      var status = all[name] ?? ComponentStatus(name: name)
      status.runs += 1
      status.lastRun = time
      status.lastSuccess = time
      status.state = .running
      if let detail { status.detail = detail }
      all[name] = status
    }
  }

  /// Records a failed run of `name` at `time` with its error.
  public func failed(_ name: String, at time: UnixTime, error: String) {
    statuses.withLock { all in
      var status = all[name] ?? ComponentStatus(name: name)
      status.runs += 1
      status.errors += 1
      status.lastRun = time
      status.lastError = error
      status.state = .degraded
      all[name] = status
    }
  }

  /// Sets the state of every registered component (e.g. `.stopped` while the system is paused).
  public func setState(_ state: ComponentStatus.State, forNames names: [String]) {
    statuses.withLock { all in
      for name in names { all[name]?.state = state }
    }
  }

  /// Every component, sorted by name.
  public var all: [ComponentStatus] { statuses.withLock { $0.values.sorted { $0.name < $1.name } } }
}
