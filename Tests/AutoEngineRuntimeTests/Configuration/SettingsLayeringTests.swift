import AutoEngineCore
import Logging
import Testing

@testable import AutoEngineRuntime

@Suite struct SettingsLayeringTests {
  @Test func environmentOverridesDefaults() throws {
    let effective = try AutoEngineSettings.load(
      file: nil,
      environment: [
        "AUTOENGINE_FETCH_PRICE_FETCH_INTERVAL": "5",
        "AUTOENGINE_SERVER_GRPC_PORT": "50099",
        "AUTOENGINE_SERVER_CORS_ORIGINS": "https://a.example, https://b.example",
        "AUTOENGINE_LOG_LEVEL": "DEBUG",
        "AUTOENGINE_DATA_DIR": "/tmp/ae",
        "AUTOENGINE_STRATEGY_CATEGORY_WEIGHTS_COSMIC": "0",
        "AUTOENGINE_CACHE_BACKEND": "redis",
        "PATH": "/usr/bin",
      ])
    let settings = effective.settings
    #expect(settings.engine.fetch.priceFetchInterval == 5)
    #expect(settings.server.grpcPort == 50099)
    #expect(settings.server.corsOrigins == ["https://a.example", "https://b.example"])
    #expect(settings.logLevel == .debug)
    #expect(settings.dataDirectory == "/tmp/ae")
    #expect(settings.engine.strategy.categoryWeights.cosmic == 0)
    #expect(settings.cache.backend == .redis)
    #expect(effective.origin(ofKey: "server.grpc_port") == .environment(variable: "AUTOENGINE_SERVER_GRPC_PORT"))
    #expect(effective.warnings.isEmpty)
  }

  @Test func emptyVariablesCountAsUnset() throws {
    let effective = try AutoEngineSettings.load(
      file: nil, environment: ["AUTOENGINE_SERVER_HOST": "", "AUTOENGINE_API_TOKEN": "  "])
    #expect(effective.settings == AutoEngineSettings())
    #expect(effective.origins.isEmpty)
  }

  @Test func unknownAutoengineVariablesAreWarningsWithASuggestion() throws {
    let effective = try AutoEngineSettings.load(
      file: nil, environment: ["AUTOENGINE_FETCH_PRICE_INTERVAL": "5", "AUTOENGINE_SOMETHING_ELSE": "x"])
    #expect(
      effective.warnings == [
        "AUTOENGINE_FETCH_PRICE_INTERVAL is not a setting and is ignored "
          + "(did you mean AUTOENGINE_FETCH_PRICE_FETCH_INTERVAL?)",
        "AUTOENGINE_SOMETHING_ELSE is not a setting and is ignored",
      ])
    #expect(effective.settings == AutoEngineSettings())
  }

  @Test func environmentTypeErrorsNameTheVariable() {
    #expect(
      settingsProblems("", environment: ["AUTOENGINE_SERVER_GRPC_PORT": "abc"])
        == ["env AUTOENGINE_SERVER_GRPC_PORT: server.grpc_port: expected an integer 0–65535, got 'abc'"])
  }

  @Test func flagsOverrideEverything() throws {
    let effective = try loadSettings(
      "server:\n  grpc_port: 50052\n  http_port: 8001\n  host: 10.0.0.1\n",
      environment: ["AUTOENGINE_SERVER_GRPC_PORT": "50053", "AUTOENGINE_SERVER_HOST": "0.0.0.0"],
      flags: ["server.grpc_port": "50054", "market.source": "replay", "market.replay_dir": "candles"])
    let settings = effective.settings
    #expect(settings.server.grpcPort == 50054)
    #expect(settings.server.httpPort == 8001)
    #expect(settings.server.host == "0.0.0.0")
    #expect(settings.market.source == .replay)
    #expect(effective.origin(ofKey: "server.grpc_port") == .flag)
    #expect(effective.origin(ofKey: "server.http_port") == .file(path: "autoengine.yaml"))
    #expect(effective.origin(ofKey: "server.host") == .environment(variable: "AUTOENGINE_SERVER_HOST"))
    #expect(effective.origin(ofKey: "server.max_request_bytes") == .defaultValue)
  }

  @Test func environmentOverridesTheFile() throws {
    let effective = try loadSettings(
      "strategy:\n  min_confidence: 0.8\n  cooldown_period: 60\n",
      environment: ["AUTOENGINE_STRATEGY_MIN_CONFIDENCE": "0.9"])
    #expect(effective.settings.engine.strategy.minConfidence == 0.9)
    #expect(effective.settings.engine.strategy.cooldownPeriod == 60)
  }

  @Test func flagErrorsAndUnknownFlagKeys() {
    #expect(
      settingsProblems("", flags: ["server.grpc_port": "x", "fetch.price_interval": "5"])
        == [
          "flags: server.grpc_port: expected an integer 0–65535, got 'x'",
          "flags: unknown key 'fetch.price_interval' (did you mean fetch.price_fetch_interval?)",
        ])
  }

  @Test func everyProblemOfEveryLayerIsReported() {
    let problems = settingsProblems(
      "fetch:\n  price_interval: 5\nstrategy:\n  min_confidence: 1.2\n",
      environment: ["AUTOENGINE_SERVER_HTTP_PORT": "http"],
      flags: ["market.replay_speed": "fast"])
    #expect(
      problems == [
        "autoengine.yaml: unknown key 'fetch.price_interval' (did you mean fetch.price_fetch_interval?)",
        "env AUTOENGINE_SERVER_HTTP_PORT: server.http_port: expected an integer 0–65535, got 'http'",
        "flags: market.replay_speed: expected a number, got 'fast'",
        "autoengine.yaml: strategy.min_confidence: 1.2 is outside 0…1",
      ])
  }

  @Test func validationProblemsNameTheLayerOfTheValue() {
    #expect(
      settingsProblems("", environment: ["AUTOENGINE_SERVER_GRPC_PORT": "70000"])
        == ["env AUTOENGINE_SERVER_GRPC_PORT: server.grpc_port: 70000 is outside 0–65535"])
    #expect(
      settingsProblems("", flags: ["strategy.min_confidence": "-0.1"])
        == ["flags: strategy.min_confidence: -0.1 is outside 0…1"])
    let weights = ["price", "volume", "technical", "momentum", "volatility", "cosmic"]
    let yaml = "strategy:\n  category_weights:\n" + weights.map { "    \($0): 0\n" }.joined()
    #expect(
      settingsProblems(yaml)
        == ["autoengine.yaml: strategy.category_weights: all weights are 0; at least one must be > 0"])
  }
}
