import AutoEngineCore

/// The request limiter of one exchange (or feed): admits requests within its documented rate,
/// honours `Retry-After`, bans and backoff, and counts what happened for status and metrics.
///
/// Every request goes `acquire(weight:)` → send → `record(status:headers:)` (or
/// `recordFailure(_:)` when no answer came, `recordMalformed()` when the answer could not be read).
///
/// * The window: at most `policy.limit` weight in any `policy.windowSeconds` (sliding), and, when
///   the server reports its own count (`X-MBX-USED-WEIGHT-1M`), at most the limit in the server's
///   current fixed window too. When the window is full, `acquire` waits for room if that takes at
///   most `policy.maxWaitSeconds`, otherwise it fails at once with `ExchangeError.budgetDenied`.
/// * HTTP 429 and 418 with `Retry-After` (seconds) block every request until exactly that much
///   time has passed; 418 without it bans for `policy.minimumBanSeconds` (2 minutes); 429 without
///   it backs off like a server error.
/// * 5xx answers, timeouts and transport failures back off exponentially with jitter (see
///   `RequestBudgetPolicy`); a 2xx answer resets the backoff.
/// * While blocked, `acquire` fails at once: the caller never waits out a ban.
public actor RequestBudget {
  /// What went wrong with a request that got no HTTP answer.
  public enum Failure: Sendable {
    /// No complete answer within the request timeout.
    case timeout
    /// The connection could not be made or broke.
    case transport
  }

  /// The service guarded, e.g. `Coinbase`.
  public nonisolated let service: String
  /// The time source (injected so tests control time).
  public nonisolated let clock: any BudgetClock
  /// The limits in force (the weight limit may be updated from the exchange).
  public private(set) var policy: RequestBudgetPolicy

  private var random: any RandomNumberGenerator & Sendable
  private var window = TimedWeights()
  private var minuteCalls = TimedWeights()
  /// The server's last reported count, its window, and the weight we spent since the report.
  private var reportedWeight: (value: Int, serverWindow: Int, spentSince: Int)?
  private var block: BudgetState = .ok
  private var totalCalls = 0
  private var totalErrors = 0
  private var malformedAnswers = 0
  private var consecutiveFailures = 0
  private var lastSuccess: UnixTime?

  /// Creates a budget for `service` with `policy`, reading time from `clock` and drawing backoff
  /// jitter from `random` (seed it in tests).
  public init(
    service: String, policy: RequestBudgetPolicy, clock: any BudgetClock = SystemBudgetClock(),
    random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
  ) {
    self.service = service
    self.policy = policy
    self.clock = clock
    self.random = random
  }

  /// Reserves `weight` (≥ 1) for one request, waiting briefly for room in the window.
  ///
  /// - Throws: `ExchangeError.budgetDenied` at once while throttled, banned or backing off, or
  ///   when room would take longer than `policy.maxWaitSeconds`; `CancellationError` when the
  ///   task is cancelled while waiting.
  public func acquire(weight: Int = 1) async throws {
    let weight = max(1, weight)
    let start = clock.now().seconds
    while true {
      let now = clock.now().seconds
      if let denial = denial(at: now) { throw denial }
      pruneWindows(now)
      let used = usedWeight(at: now)
      if used + weight <= policy.limit || used == 0 {
        window.append(weight, at: now)
        minuteCalls.append(1, at: now)
        if let reported = reportedWeight, reported.serverWindow == serverWindow(at: now) {
          reportedWeight?.spentSince = reported.spentSince + weight
        }
        totalCalls += 1
        return
      }
      let freeAt = roomTime(for: weight, now: now)
      guard freeAt - start <= policy.maxWaitSeconds else {
        throw ExchangeError.budgetDenied(service: service, until: UnixTime(seconds: freeAt), reason: .windowFull)
      }
      try await clock.sleep(until: UnixTime(seconds: max(freeAt, now + 0.001)))
    }
  }

  /// Records an HTTP answer: its status and headers (names in any case). Returns the state that
  /// follows, so the caller can say until when a 429 or 418 blocks.
  @discardableResult
  public func record(status: Int, headers: [String: String]) -> BudgetState {
    let now = clock.now()
    var lowered: [String: String] = [:]
    for (name, value) in headers { lowered[name.lowercased()] = value }
    if let name = policy.usedWeightHeader, let text = lowered[name],
      let value = Int(text.trimmingWhitespaceForHeader())
    {
      reportedWeight = (max(0, value), serverWindow(at: now.seconds), 0)
    }
    let retryAfter = lowered["retry-after"].flatMap(Self.retryAfterSeconds)
    switch status {
    case 200..<300:
      consecutiveFailures = 0
      lastSuccess = now
      if case .backingOff = block { block = .ok }
    case 429:
      totalErrors += 1
      let delay = retryAfter ?? nextBackoffDelay()
      impose(.throttled(until: now.adding(delay)), now: now)
    case 418:
      totalErrors += 1
      impose(.banned(until: now.adding(retryAfter ?? policy.minimumBanSeconds)), now: now)
    case 500...:
      totalErrors += 1
      impose(.backingOff(until: now.adding(nextBackoffDelay())), now: now)
    default:
      // Any other answer (a 4xx refusal) proves the service alive: it ends a failure streak.
      totalErrors += 1
      consecutiveFailures = 0
    }
    return state(at: now.seconds)
  }

  /// Records a request that got no answer: it counts as an error and starts (or extends) a backoff.
  @discardableResult
  public func recordFailure(_ failure: Failure) -> BudgetState {
    let now = clock.now()
    totalErrors += 1
    impose(.backingOff(until: now.adding(nextBackoffDelay())), now: now)
    return state(at: now.seconds)
  }

  /// Records a 2xx answer whose body did not match the documented format.
  public func recordMalformed() {
    malformedAnswers += 1
  }

  /// Replaces the weight limit, e.g. with `REQUEST_WEIGHT` from Binance.US `exchangeInfo.rateLimits`.
  public func updateLimit(_ limit: Int, windowSeconds: Double) {
    policy.limit = max(1, limit)
    policy.windowSeconds = max(0.001, windowSeconds)
  }

  /// The counters and state now.
  public func status() -> BudgetStatus {
    let now = clock.now().seconds
    pruneWindows(now)
    return BudgetStatus(
      service: service, state: state(at: now), callsLastMinute: minuteCalls.count, totalCalls: totalCalls,
      totalErrors: totalErrors, malformedAnswers: malformedAnswers, consecutiveFailures: consecutiveFailures,
      lastSuccess: lastSuccess, usedWeight: usedWeight(at: now), weightLimit: policy.limit,
      windowSeconds: policy.windowSeconds)
  }

  /// Parses a `Retry-After` value in seconds (`"30"`, `"1.5"`); nil for anything else.
  static func retryAfterSeconds(_ text: String) -> Double? {
    guard let seconds = Double(text.trimmingWhitespaceForHeader()), seconds.isFinite, seconds >= 0 else {
      return nil
    }
    return seconds
  }

  // MARK: - Internals

  private func state(at now: Double) -> BudgetState {
    guard let until = block.until, now < until.seconds else { return .ok }
    return block
  }

  private func denial(at now: Double) -> ExchangeError? {
    let reason: BudgetDenialReason
    switch state(at: now) {
    case .ok: return nil
    case .throttled: reason = .rateLimited
    case .banned: reason = .banned
    case .backingOff: reason = .backingOff
    }
    return .budgetDenied(service: service, until: block.until ?? UnixTime(seconds: now), reason: reason)
  }

  /// Blocks until `newBlock.until`, unless a block in force already ends later.
  private func impose(_ newBlock: BudgetState, now: UnixTime) {
    if let current = state(at: now.seconds).until, let proposed = newBlock.until, current > proposed { return }
    block = newBlock
  }

  private func nextBackoffDelay() -> Double {
    consecutiveFailures += 1
    let doublings = min(consecutiveFailures - 1, 40)
    let raw = min(
      policy.maxBackoffSeconds, policy.baseBackoffSeconds * Double(sign: .plus, exponent: doublings, significand: 1))
    return raw * Double.random(in: 0.5..<1, using: &random)
  }

  private func pruneWindows(_ now: Double) {
    window.prune(through: now - policy.windowSeconds)
    minuteCalls.prune(through: now - 60)
  }

  private func serverWindow(at time: Double) -> Int {
    Int((time / policy.usedWeightWindowSeconds).rounded(.down))
  }

  /// The server's count for its current window plus what we spent since it reported; nil when
  /// it has not reported in this window.
  private func reportedWeight(at now: Double) -> Int? {
    guard let reportedWeight, reportedWeight.serverWindow == serverWindow(at: now) else { return nil }
    return reportedWeight.value + reportedWeight.spentSince
  }

  private func usedWeight(at now: Double) -> Int {
    max(window.total, reportedWeight(at: now) ?? 0)
  }

  /// The earliest time at which `weight` more fits both the sliding and the server's window.
  private func roomTime(for weight: Int, now: Double) -> Double {
    var freeAt = window.timeWhenTotal(atMost: policy.limit - weight, window: policy.windowSeconds) ?? now
    if let reported = reportedWeight(at: now), reported > 0, reported + weight > policy.limit {
      freeAt = max(freeAt, Double(serverWindow(at: now) + 1) * policy.usedWeightWindowSeconds)
    }
    return freeAt
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs (header values).
  fileprivate func trimmingWhitespaceForHeader() -> Substring {
    var text = self[...]
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }
}
