import AutoEngineCore
import FoundationEssentials
import Logging
import Testing

@testable import AutoEngineRuntime

@Suite struct SettingsFileTests {
  @Test func nestedYAMLOverridesDefaults() throws {
    let effective = try loadSettings(
      """
      server:
        host: 0.0.0.0
        grpc_port: 50052
        cors_origins:
          - https://app.example
          - http://localhost:3000
        require_token_for_reads: true
        api_token: a-long-enough-token-1234
        tls_cert: /etc/ae/cert.pem
        tls_key: /etc/ae/key.pem
      log:
        level: debug
      data_dir: /var/lib/autoengine
      market: {source: replay, replay_dir: ../shared/data/candles, replay_speed: 60, seed: 7}
      fetch:
        price_fetch_interval: 5
      strategy:
        min_confidence: 0.75
        category_weights:
          cosmic: 0.5
      trading:
        mode: paper
        max_trade_amount: 2500.50
      cache:
        backend: redis
        redis_url: rediss://cache.example:6380
      exchanges:
        coinbase:
          base_url: http://127.0.0.1:9000
      cosmic:
        schumann_url: https://schumann.example/feed
      """)
    let settings = effective.settings
    #expect(settings.server.host == "0.0.0.0")
    #expect(settings.server.grpcPort == 50052)
    #expect(settings.server.corsOrigins == ["https://app.example", "http://localhost:3000"])
    #expect(settings.server.requireTokenForReads)
    #expect(settings.server.apiToken?.revealed == "a-long-enough-token-1234")
    #expect(settings.server.usesTLS)
    #expect(settings.logLevel == .debug)
    #expect(settings.dataDirectory == "/var/lib/autoengine")
    #expect(
      settings.market
        == MarketSettings(source: .replay, seed: 7, replayDirectory: "../shared/data/candles", replaySpeed: 60))
    #expect(settings.engine.fetch.priceFetchInterval == 5)
    #expect(settings.engine.strategy.minConfidence == 0.75)
    #expect(settings.engine.strategy.categoryWeights.cosmic == 0.5)
    #expect(settings.engine.trading.maxTradeAmount == Decimal(string: "2500.50"))
    #expect(settings.cache == CacheSettings(backend: .redis, redisURL: "rediss://cache.example:6380"))
    #expect(settings.exchanges.coinbaseBaseURL == "http://127.0.0.1:9000")
    #expect(settings.cosmic.schumannURL == "https://schumann.example/feed")
    #expect(effective.origin(ofKey: "server.host") == .file(path: "autoengine.yaml"))
    #expect(effective.origin(ofKey: "server.http_port") == .defaultValue)
    #expect(effective.file == "autoengine.yaml")
  }

  @Test func jsonIsReadByTheSameParser() throws {
    let settings = try loadSettings(
      """
      {
      \t"server": {"grpc_port": 50060, "http_port": 8080, "cors_origins": ["*"], "require_token_for_reads": false},
      \t"strategy": {"min_confidence": 0.8, "category_weights": {"price": 2}},
      \t"trading": {"mode": "paper", "paper_starting_balance": "2500"},
      \t"market": {"seed": 9},
      \t"server.tls_cert": null
      }
      """
    ).settings
    #expect(settings.server.grpcPort == 50060)
    #expect(settings.server.httpPort == 8080)
    #expect(settings.server.corsOrigins == ["*"])
    #expect(settings.engine.strategy.minConfidence == 0.8)
    #expect(settings.engine.strategy.categoryWeights.price == 2)
    #expect(settings.engine.trading.paperStartingBalance == 2500)
    #expect(settings.market.seed == 9)
  }

  @Test func dottedAndNestedKeysMix() throws {
    let settings = try loadSettings(
      """
      fetch.price_fetch_interval: 20
      strategy:
        category_weights.volume: 3
      exchanges.binanceus:
        base_url: https://binance.mock.test
      """
    ).settings
    #expect(settings.engine.fetch.priceFetchInterval == 20)
    #expect(settings.engine.strategy.categoryWeights.volume == 3)
    #expect(settings.exchanges.binanceUSBaseURL == "https://binance.mock.test")
  }

  @Test func emptyFilesAndEmptySectionsKeepDefaults() throws {
    #expect(try loadSettings("").settings == AutoEngineSettings())
    #expect(try loadSettings("# only a comment\n").settings == AutoEngineSettings())
    #expect(try loadSettings("{}").settings == AutoEngineSettings())
    #expect(try loadSettings("server:\n  # host: 0.0.0.0\nfetch: {}\n").settings == AutoEngineSettings())
  }

  @Test func nullTextIsEmptyButANullNumberIsAnError() throws {
    let settings = try loadSettings("server:\n  tls_cert:\n  tls_key: ~\n").settings
    #expect(settings.server.tlsCertificatePath.isEmpty)
    #expect(
      settingsProblems("server:\n  grpc_port:\n")
        == ["autoengine.yaml: server.grpc_port: has no value; remove the key to keep its default"])
  }

  @Test func unknownKeysAreErrorsWithASuggestion() {
    #expect(
      settingsProblems("fetch:\n  price_interval: 5\n")
        == ["autoengine.yaml: unknown key 'fetch.price_interval' (did you mean fetch.price_fetch_interval?)"])
    #expect(
      settingsProblems("sever:\n  host: 0.0.0.0\n")
        == ["autoengine.yaml: unknown key 'sever.host' (did you mean server.host?)"])
    #expect(settingsProblems("colour: blue\n") == ["autoengine.yaml: unknown key 'colour'"])
    #expect(settingsProblems("plugins: {}\n") == ["autoengine.yaml: unknown key 'plugins'"])
    #expect(
      settingsProblems("log_level: debug\n") == ["autoengine.yaml: unknown key 'log_level' (did you mean log.level?)"])
  }

  @Test func typeErrorsNameTheKeyAndTheExpectation() {
    let problems = settingsProblems(
      """
      server:
        grpc_port: abc
        require_token_for_reads: yes
        host: [a, b]
      fetch:
        price_fetch_interval: often
      log:
        level: loud
      market:
        seed: -1
        source: paper
      data_dir: {a: 1}
      """)
    #expect(
      problems == [
        "autoengine.yaml: server.grpc_port: expected an integer 0–65535, got 'abc'",
        "autoengine.yaml: server.require_token_for_reads: expected true or false, got 'yes'",
        "autoengine.yaml: server.host: expected a single value, got a list",
        "autoengine.yaml: fetch.price_fetch_interval: 'often' is not a number",
        "autoengine.yaml: log.level: expected one of trace, debug, info, notice, warning, error, critical, got 'loud'",
        "autoengine.yaml: market.seed: expected a whole number ≥ 0, got '-1'",
        "autoengine.yaml: market.source: expected one of live, simulated, replay, got 'paper'",
        "autoengine.yaml: data_dir: expected a single value, got a mapping",
      ])
  }

  @Test func sectionsMustBeMappings() {
    #expect(
      settingsProblems("fetch: 10\n")
        == ["autoengine.yaml: fetch: expected a mapping of keys such as fetch.price_fetch_interval, got a single value"]
    )
    #expect(
      settingsProblems("server: [a]\n")
        == ["autoengine.yaml: server: expected a mapping of keys such as server.host, got a list"])
    #expect(
      settingsProblems("- a\n- b\n")
        == ["autoengine.yaml: the top level must be a mapping of keys (YAML) or an object (JSON)"])
  }

  @Test func aKeySetTwiceIsAnError() {
    #expect(
      settingsProblems("fetch.price_fetch_interval: 5\nfetch:\n  price_fetch_interval: 6\n")
        == ["autoengine.yaml: fetch.price_fetch_interval: is set more than once in the file"])
    let duplicate = settingsProblems("server:\n  host: a\n  host: b\n")
    #expect(duplicate.count == 1)
    #expect(duplicate.first?.hasPrefix("autoengine.yaml: 'host' appears more than once") == true)
  }

  @Test func syntaxErrorsGiveTheLineAndNeverQuoteTheText() {
    let problems = settingsProblems("server:\n  host: [unclosed\n  api_token: hunter2-secret-value\n")
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("autoengine.yaml: not valid YAML or JSON: ") == true)
    #expect(problems.first?.contains("line ") == true)
    #expect(problems.first?.contains("hunter2") == false)
  }

  @Test func filesAreReadFromDiskAndMissingFilesReported() throws {
    let directory = FileManager.default.temporaryDirectory.appending(
      path: "ae-settings-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appending(path: "autoengine.yaml")
    try Data("server:\n  http_port: 8081\n".utf8).write(to: file)
    let effective = try AutoEngineSettings.load(file: file.path, environment: [:])
    #expect(effective.settings.server.httpPort == 8081)
    #expect(effective.origin(ofKey: "server.http_port") == .file(path: file.path))

    let missing = directory.appending(path: "missing.yaml").path
    #expect(
      throws: SettingsError(problems: [SettingsProblem(origin: .file(path: missing), key: "", message: "no such file")])
    ) {
      try AutoEngineSettings.load(file: missing, environment: [:])
    }
    #expect(throws: SettingsError.self) { try AutoEngineSettings.load(file: directory.path, environment: [:]) }
  }
}
