import Foundation

/// A one-line progress bar on stderr — candles done, rate, ETA — redrawn in place; silent when
/// stderr is not a terminal.
final class ProgressBar {
  private let enabled: Bool
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var lastDraw: ContinuousClock.Instant?

  /// A bar that draws only when stderr is a terminal (and `enabled`).
  init(enabled: Bool = true) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
    started = clock.now
  }

  /// Redraws the bar for `done` of `total` candles (at most ten times a second, and at the end).
  func update(done: Int, total: Int) {
    guard enabled else { return }
    let now = clock.now
    if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
    lastDraw = now
    let elapsed = Self.seconds(now - started)
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let eta = rate > 0 ? Double(max(0, total - done)) / rate : 0
    let width = 30
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let line =
      "\r\(bar) \(Int(fraction * 100)) %  \(Self.count(done))/\(Self.count(total)) candles  "
      + "\(Self.count(Int(rate)))/s  ETA \(Int(eta.rounded())) s   "
    FileHandle.standardError.write(Data(line.utf8))
  }

  /// Ends the bar's line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\n".utf8))
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// `21.0M`, `350k`, `999`.
  private static func count(_ value: Int) -> String {
    switch value {
    case 1_000_000...: String(format: "%.1fM", Double(value) / 1e6)
    case 10_000...: "\(value / 1_000)k"
    default: "\(value)"
    }
  }
}
