public import AutoEngineCore
import FoundationEssentials

extension AutoEngineSettings {
  /// Every problem with these settings, each naming its key and why; empty when valid.
  ///
  /// Runs every rule of `EngineConfiguration.validate()` and these server-level rules:
  /// * `server.host` and `data_dir` are not empty.
  /// * `server.grpc_port` and `server.http_port` lie in 0…65535 and differ unless 0;
  ///   `server.max_request_bytes` > 0.
  /// * `server.tls_cert` and `server.tls_key` are both set or both empty.
  /// * each `server.cors_origins` entry is `*` or an `http`/`https` origin without a path.
  /// * `server.require_token_for_reads` needs an API token.
  /// * `market.replay_dir` is set when `market.source` is `replay`; `market.replay_speed` > 0;
  ///   `market.step_seconds` divides 60.
  /// * `trading.mode` `live` needs `market.source` `live`.
  /// * `exchanges.*.base_url` and `cosmic.swpc.base_url` are `http`/`https` URLs with a host;
  ///   `cosmic.schumann_url` is empty or such a URL; `cache.redis_url` is a `redis`/`rediss` URL.
  /// * each exchange's two credentials are both set or both unset.
  ///
  /// Issues come in key-table order. `log.level`, `market.source` and `cache.backend` cannot hold
  /// invalid values: text that names none of their choices is refused when it is parsed.
  public func validate() -> [ConfigurationIssue] {
    var issues: [ConfigurationIssue] = []
    func issue(_ key: String, _ message: String) {
      issues.append(ConfigurationIssue(key: key, message: message))
    }

    if server.host.isEmpty {
      issue("server.host", "must not be empty (127.0.0.1 serves this machine only, 0.0.0.0 every interface)")
    }
    for (key, port) in [("server.grpc_port", server.grpcPort), ("server.http_port", server.httpPort)]
    where !(0...65535).contains(port) {
      issue(key, "\(port) is outside 0–65535")
    }
    if server.grpcPort == server.httpPort, server.grpcPort != 0 {
      issue("server.http_port", "\(server.httpPort) is also server.grpc_port; the listeners need different ports")
    }
    if server.maxRequestBytes <= 0 {
      issue("server.max_request_bytes", "must be > 0 bytes (got \(server.maxRequestBytes))")
    }
    switch (server.tlsCertificatePath.isEmpty, server.tlsKeyPath.isEmpty) {
    case (false, true): issue("server.tls_key", "is empty but server.tls_cert is set; set both for TLS or neither")
    case (true, false): issue("server.tls_cert", "is empty but server.tls_key is set; set both for TLS or neither")
    default: break
    }
    for origin in server.corsOrigins where origin != "*" && !Self.isOrigin(origin) {
      issue(
        "server.cors_origins", "'\(origin)' is not an origin; expected https://host[:port], http://host[:port] or *")
    }
    if server.requireTokenForReads, server.apiToken == nil {
      issue(
        "server.require_token_for_reads",
        "is true but no API token is set (server.api_token or AUTOENGINE_API_TOKEN), so every call would be refused")
    }
    if dataDirectory.isEmpty { issue("data_dir", "must not be empty") }

    if market.source == .replay, market.replayDirectory.isEmpty {
      issue("market.replay_dir", "is required when market.source is replay (a folder of candle CSV files)")
    }
    if !(market.replaySpeed.isFinite && market.replaySpeed > 0) {
      issue("market.replay_speed", "must be > 0 (got \(YAMLText.number(market.replaySpeed)))")
    }
    if !SimulatedMarket.validStepSeconds.contains(market.simulatedStepSeconds) {
      issue(
        "market.step_seconds",
        "must divide 60: one of \(SimulatedMarket.validStepSeconds.map(String.init).joined(separator: ", ")) (got \(market.simulatedStepSeconds))"
      )
    }
    if engine.trading.mode == .live, market.source != .live {
      issue(
        "trading.mode",
        "live sends real orders, but market.source is \(market.source.rawValue); live trading needs market.source live")
    }

    for (key, url) in [
      ("exchanges.coinbase.base_url", exchanges.coinbaseBaseURL),
      ("exchanges.binanceus.base_url", exchanges.binanceUSBaseURL),
      ("cosmic.swpc.base_url", cosmic.swpcBaseURL),
    ] where !Self.isURL(url, schemes: ["http", "https"]) {
      issue(key, "'\(url)' is not an http or https URL")
    }
    if !cosmic.schumannURL.isEmpty, !Self.isURL(cosmic.schumannURL, schemes: ["http", "https"]) {
      issue("cosmic.schumann_url", "'\(cosmic.schumannURL)' is not an http or https URL (empty means unavailable)")
    }
    if !Self.isURL(cache.redisURL, schemes: ["redis", "rediss"]) {
      issue("cache.redis_url", "'\(cache.redisURL)' is not a redis:// or rediss:// URL")
    }
    if cache.redisPrefix.isEmpty || cache.redisPrefix.contains(where: { $0.isWhitespace }) {
      issue("cache.redis_prefix", "must be non-empty text without spaces (got '\(cache.redisPrefix)')")
    }
    for (first, hasFirst, second, hasSecond) in [
      (
        "exchanges.coinbase.key_name", exchanges.coinbaseKeyName != nil,
        "exchanges.coinbase.private_key", exchanges.coinbasePrivateKey != nil
      ),
      (
        "exchanges.binanceus.api_key", exchanges.binanceUSAPIKey != nil,
        "exchanges.binanceus.api_secret", exchanges.binanceUSAPISecret != nil
      ),
    ] where hasFirst != hasSecond {
      let (present, missing) = hasFirst ? (first, second) : (second, first)
      let presentVariable = Self.key(named: present)?.environmentVariable ?? present
      let missingVariable = Self.key(named: missing)?.environmentVariable ?? missing
      issue(missing, "\(presentVariable) is set but \(missingVariable) is not; set both or neither")
    }
    return Self.inTableOrder(issues + engine.validate())
  }

  /// These settings if they are valid.
  ///
  /// - Throws: `ConfigurationError` listing every issue `validate()` finds.
  public func validated() throws(ConfigurationError) -> AutoEngineSettings {
    let issues = validate()
    guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
    return self
  }

  /// Things that are allowed but probably not meant, one sentence each: live trading without an
  /// exchange's credentials, an API exposed beyond this machine without TLS.
  public func advisories() -> [String] {
    var notes: [String] = []
    if engine.trading.mode == .live {
      if exchanges.coinbaseKeyName == nil, exchanges.coinbasePrivateKey == nil {
        notes.append(
          "trading.mode is live but AUTOENGINE_COINBASE_KEY_NAME and AUTOENGINE_COINBASE_PRIVATE_KEY are not set: "
            + "no orders will be sent to Coinbase")
      }
      if exchanges.binanceUSAPIKey == nil, exchanges.binanceUSAPISecret == nil {
        notes.append(
          "trading.mode is live but AUTOENGINE_BINANCEUS_API_KEY and AUTOENGINE_BINANCEUS_API_SECRET are not set: "
            + "no orders will be sent to Binance.US")
      }
    }
    let loopback = server.host == "localhost" || server.host == "::1" || server.host.hasPrefix("127.")
    if !loopback, !server.usesTLS {
      notes.append(
        "server.host \(server.host) exposes the API beyond this machine without TLS: the API token and all data "
          + "travel in plain text (set server.tls_cert and server.tls_key)")
    }
    return notes
  }

  /// Whether `text` is a URL with one of `schemes` and a non-empty host.
  static func isURL(_ text: String, schemes: Set<String>) -> Bool {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      schemes.contains(scheme), let host = components.host, !host.isEmpty
    else { return false }
    return true
  }

  /// Whether `text` is a browser origin: an http/https URL with a host and no path or query.
  private static func isOrigin(_ text: String) -> Bool {
    guard isURL(text, schemes: ["http", "https"]), let components = URLComponents(string: text) else { return false }
    return (components.path.isEmpty || components.path == "/") && components.query == nil
      && components.fragment == nil
  }

  /// `issues` sorted by the position of their key in `keys` (a section by its first key), stably.
  private static func inTableOrder(_ issues: [ConfigurationIssue]) -> [ConfigurationIssue] {
    func rank(_ key: String) -> Int {
      keys.firstIndex { $0.name == key || $0.name.hasPrefix(key + ".") } ?? keys.count
    }
    return issues.enumerated().sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
      .map(\.element)
  }
}
