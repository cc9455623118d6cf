import AutoEngineCore
import Logging

extension AutoEngineSettings {
  /// Every setting key, grouped and ordered as in the example configuration file.
  ///
  /// The server-level keys come first, then the engine's (`EngineConfiguration.keys`, in their
  /// order), then the external sources and the cache. Names are unique, keys of one section are
  /// adjacent, and no name is a prefix of another.
  public static let keys: [SettingKey] =
    serverKeys + EngineConfiguration.keys.map(SettingKey.engine) + sourceKeys

  private static let serverKeys: [SettingKey] = [
    .text(
      "server.host", unit: "address",
      "Interface both listeners bind; 0.0.0.0 exposes them to the network.", \.server.host),
    .integer(
      "server.grpc_port", unit: "TCP port 0–65535", "Port of the gRPC listener; 0 picks a free port.",
      expected: "an integer 0–65535", \.server.grpcPort),
    .integer(
      "server.http_port", unit: "TCP port 0–65535",
      "Port of the REST/JSON listener; 0 picks a free port.", expected: "an integer 0–65535",
      \.server.httpPort),
    .integer(
      "server.max_request_bytes", unit: "bytes", "Largest request body either listener accepts.",
      expected: "a whole number of bytes", \.server.maxRequestBytes),
    .text(
      "server.tls_cert", unit: "path",
      "PEM certificate chain for TLS on both listeners; empty serves plaintext.",
      \.server.tlsCertificatePath),
    .text(
      "server.tls_key", unit: "path", "PEM private key of server.tls_cert; empty serves plaintext.",
      \.server.tlsKeyPath),
    .list(
      "server.cors_origins", unit: "origins",
      "Browser origins the REST listener allows (https://host[:port], or * for any); empty allows none.",
      \.server.corsOrigins),
    .boolean(
      "server.require_token_for_reads", "Whether read-only calls need the API token too.",
      \.server.requireTokenForReads),
    .secret(
      "server.api_token",
      "Bearer token that state-changing calls must present; empty refuses them. "
        + "AUTOENGINE_API_TOKEN overrides it.",
      environmentVariable: "AUTOENGINE_API_TOKEN", environmentOnly: false, \.server.apiToken),
    .choice("log.level", "Lowest level of log messages written to stderr and the log file.", \.logLevel),
    .text("data_dir", unit: "path", "Directory of the log file and the trading journal.", \.dataDirectory),
    .boolean(
      "autobuy",
      "Start autobuy when the server starts (after reconciling the journal); otherwise wait for "
        + "StartAutobuy.", \.startAutobuy),
    .choice(
      "market.source",
      "simulated (offline, seeded), replay (candle files) or live (the exchanges).",
      \.market.source),
    .integer(
      "market.seed", unit: "integer ≥ 0", "Seed of the simulated market; the same seed gives the same market.",
      expected: "a whole number ≥ 0", \.market.seed),
    .text(
      "market.replay_dir", unit: "path", "Folder of candle CSV files to replay; required for market.source replay.",
      \.market.replayDirectory),
    .number(
      "market.replay_speed", unit: "× real time", "Market seconds replayed per wall-clock second.",
      \.market.replaySpeed),
    .integer(
      "market.step_seconds", unit: "seconds, a divisor of 60",
      "Seconds between the simulated market's price moves.", expected: "a whole number of seconds",
      \.market.simulatedStepSeconds),
  ]

  private static let sourceKeys: [SettingKey] = [
    .text(
      "exchanges.coinbase.base_url", unit: "http/https URL",
      "Coinbase Advanced Trade API; a sandbox or local mock works too.", \.exchanges.coinbaseBaseURL),
    .secret(
      "exchanges.coinbase.key_name", "Coinbase API key name (organizations/{org}/apiKeys/{key}).",
      environmentVariable: "AUTOENGINE_COINBASE_KEY_NAME", environmentOnly: true, \.exchanges.coinbaseKeyName),
    .secret(
      "exchanges.coinbase.private_key", "Coinbase EC private key (PEM) that signs each request.",
      environmentVariable: "AUTOENGINE_COINBASE_PRIVATE_KEY", environmentOnly: true,
      \.exchanges.coinbasePrivateKey),
    .text(
      "exchanges.binanceus.base_url", unit: "http/https URL", "Binance.US API; a local mock works too.",
      \.exchanges.binanceUSBaseURL),
    .secret(
      "exchanges.binanceus.api_key", "Binance.US API key.",
      environmentVariable: "AUTOENGINE_BINANCEUS_API_KEY", environmentOnly: true, \.exchanges.binanceUSAPIKey),
    .secret(
      "exchanges.binanceus.api_secret", "Binance.US API secret that signs each order (HMAC-SHA256).",
      environmentVariable: "AUTOENGINE_BINANCEUS_API_SECRET", environmentOnly: true,
      \.exchanges.binanceUSAPISecret),
    .text(
      "cosmic.swpc.base_url", unit: "http/https URL",
      "NOAA Space Weather Prediction Center, for X-ray flares and the planetary Kp index.",
      \.cosmic.swpcBaseURL),
    .text(
      "cosmic.schumann_url", unit: "http/https URL or empty",
      "Source of Schumann resonance data; empty means unavailable.", \.cosmic.schumannURL),
    .choice(
      "cache.backend", "memory keeps the shared cache in process; redis persists it and feeds API replicas.",
      \.cache.backend),
    .text(
      "cache.redis_url", unit: "redis:// or rediss:// URL", "Redis server used by cache.backend redis.",
      \.cache.redisURL),
    .text(
      "cache.redis_prefix", unit: "text",
      "Prefix of every Redis key and channel (several deployments can share one Redis).", \.cache.redisPrefix),
  ]

  /// One line introducing each section in the example file, by dotted section name.
  static let sectionSummaries: [String: String] = [
    "server": "The gRPC and REST/JSON listeners.",
    "log": "Logging.",
    "market": "Where market data come from.",
    "fetch": "Fetch cadences and staleness.",
    "strategy": "Thresholds that turn aggregated signals into trades, and the aggregation weights.",
    "trading": "Trading mode and per-trade limits.",
    "risk": "Exit rules and portfolio limits.",
    "exchanges": "Exchange APIs. Their credentials come from the environment only.",
    "cosmic": "Sources of the cosmic inputs (the lunar state is computed locally).",
    "cache": "The shared cache.",
  ]

  /// The key named `name` (exact, case-sensitive), or `nil`.
  public static func key(named name: String) -> SettingKey? { keysByName[name] }

  /// The key whose environment variable is `variable`, or `nil`.
  public static func key(forEnvironmentVariable variable: String) -> SettingKey? {
    keysByEnvironmentVariable[variable]
  }

  private static let keysByName: [String: SettingKey] = Dictionary(
    keys.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  private static let keysByEnvironmentVariable: [String: SettingKey] = Dictionary(
    keys.map { ($0.environmentVariable, $0) }, uniquingKeysWith: { first, _ in first })

  /// Every dotted section name that has keys under it, e.g. `strategy.category_weights`.
  static let sectionNames: Set<String> = Set(
    keys.flatMap { key in
      let path = key.path
      return (1..<path.count).map { path[..<$0].joined(separator: ".") }
    })

  /// `unknown key 'fetch.price_interval' (did you mean fetch.price_fetch_interval?)`.
  ///
  /// A name close to an environment-only key, or that reads like a credential (`secret`,
  /// `password`, `api_key`, …), is told instead that credentials come from the environment only.
  static func unknownKeyMessage(_ name: String) -> String {
    let suggestion = KeySuggestion.closest(to: name, among: keys.map(\.name)).flatMap(key(named:))
    if let suggestion, suggestion.isEnvironmentOnly {
      return "unknown key '\(name)'; credentials such as \(suggestion.name) are read from the "
        + "environment only (\(suggestion.environmentVariable))"
    }
    if let suggestion { return "unknown key '\(name)' (did you mean \(suggestion.name)?)" }
    let last = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
    let credentialWords = ["secret", "password", "passphrase", "private_key", "privatekey", "api_key", "apikey"]
    if credentialWords.contains(where: { last.contains($0) }) {
      let variables = keys.filter(\.isEnvironmentOnly).map(\.environmentVariable)
      return "unknown key '\(name)'; credentials are read from the environment only "
        + "(\(variables.joined(separator: ", ")))"
    }
    return "unknown key '\(name)'"
  }
}
