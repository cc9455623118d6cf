import Synchronization

/// What a stream handler writes next: an event, or a heartbeat after an idle interval.
enum HeartbeatDelivery<Element: Sendable>: Sendable {
  /// An event of the source stream.
  case element(Element)
  /// Nothing was delivered for the interval.
  case heartbeat
}

/// An event stream with heartbeats: the source's events in order, and a `.heartbeat` whenever
/// nothing was delivered for `interval`.
///
/// Waiting for the next event with a deadline would need cancelling the wait, and cancelling a
/// task that awaits an `AsyncStream` ends that stream; so one task forwards the source's events
/// and another delivers the heartbeats, both into the returned stream. The returned stream ends
/// when the source ends (e.g. the subscription is cancelled); when its reader goes away, both
/// tasks are cancelled, which also ends the source. At most `bufferLimit` undelivered items are
/// kept (the oldest are dropped first), so a stalled reader never grows memory without bound.
enum HeartbeatStream {
  /// The merged stream of `source` and heartbeats every `interval` of silence.
  static func merge<Element: Sendable>(
    _ source: AsyncStream<Element>, heartbeatAfter interval: Duration, bufferLimit: Int = 4096
  ) -> AsyncStream<HeartbeatDelivery<Element>> {
    let (output, continuation) = AsyncStream.makeStream(
      of: HeartbeatDelivery<Element>.self, bufferingPolicy: .bufferingNewest(bufferLimit))
    let clock = ContinuousClock()
    let lastDelivery = LastDelivery(clock.now)
    let forward = Task {
      for await element in source {
        lastDelivery.time.withLock { $0 = clock.now }
        continuation.yield(.element(element))
      }
      continuation.finish()
    }
    let beat = Task {
      var deadline = clock.now.advanced(by: interval)
      while !Task.isCancelled {
        try? await Task.sleep(until: deadline, clock: clock)
        guard !Task.isCancelled else { return }
        let now = clock.now
        let next: ContinuousClock.Instant? = lastDelivery.time.withLock { last in
          guard now >= last.advanced(by: interval) else { return last.advanced(by: interval) }
          last = now
          return nil
        }
        if let next {
          deadline = next
        } else {
          continuation.yield(.heartbeat)
          deadline = now.advanced(by: interval)
        }
      }
    }
    continuation.onTermination = { _ in
      forward.cancel()
      beat.cancel()
    }
    return output
  }
}

/// When the merged stream last delivered something (shared by its two tasks).
private final class LastDelivery: Sendable {
  let time: Mutex<ContinuousClock.Instant>

  init(_ time: ContinuousClock.Instant) { self.time = Mutex(time) }
}
