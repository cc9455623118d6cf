import AutoEngineCore
import Logging
import Testing

@testable import AutoEngineRuntime

@Suite struct SettingsDefaultsTests {
  @Test func defaultsAreTheDocumentedValues() {
    let settings = AutoEngineSettings()
    #expect(settings.engine == EngineConfiguration.defaults)
    #expect(settings.server == ServerSettings())
    #expect(settings.server.host == "127.0.0.1")
    #expect(settings.server.grpcPort == 50051)
    #expect(settings.server.httpPort == 8000)
    #expect(settings.server.maxRequestBytes == 1_048_576)
    #expect(settings.server.tlsCertificatePath.isEmpty && settings.server.tlsKeyPath.isEmpty)
    #expect(!settings.server.usesTLS)
    #expect(settings.server.corsOrigins.isEmpty)
    #expect(settings.server.requireTokenForReads == false)
    #expect(settings.server.apiToken == nil)
    #expect(settings.logLevel == .info)
    #expect(settings.dataDirectory == "./data")
    #expect(settings.market == MarketSettings(source: .simulated, seed: 42, replayDirectory: "", replaySpeed: 1))
    #expect(settings.exchanges.coinbaseBaseURL == "https://api.coinbase.com")
    #expect(settings.exchanges.binanceUSBaseURL == "https://api.binance.us")
    #expect(!settings.exchanges.hasCoinbaseCredentials && !settings.exchanges.hasBinanceUSCredentials)
    #expect(settings.cosmic.swpcBaseURL == "https://services.swpc.noaa.gov")
    #expect(settings.cosmic.schumannURL.isEmpty)
    #expect(settings.cache == CacheSettings(backend: .memory, redisURL: "redis://127.0.0.1:6379"))
  }

  @Test func defaultsAreValidAndLoadingNothingGivesThem() throws {
    #expect(AutoEngineSettings().validate().isEmpty)
    let effective = try AutoEngineSettings.load(file: nil, environment: [:])
    #expect(effective.settings == AutoEngineSettings())
    #expect(effective.origins.isEmpty)
    #expect(effective.warnings.isEmpty)
    #expect(effective.file == nil)
    #expect(effective.origin(ofKey: "server.host") == .defaultValue)
  }

  @Test func keyTableHasEveryEngineKeyAndUniqueNamesAndVariables() {
    let names = AutoEngineSettings.keys.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(Set(EngineConfiguration.keys.map(\.name)).isSubset(of: Set(names)))
    let variables = AutoEngineSettings.keys.map(\.environmentVariable)
    #expect(Set(variables).count == variables.count)
    for key in AutoEngineSettings.keys {
      #expect(AutoEngineSettings.key(named: key.name)?.name == key.name)
      #expect(AutoEngineSettings.key(forEnvironmentVariable: key.environmentVariable)?.name == key.name)
      #expect(!key.summary.isEmpty && !key.unit.isEmpty, "\(key.name)")
    }
  }

  @Test func keysOfOneSectionAreAdjacentAndNoNameIsAPrefixOfAnother() {
    let names = AutoEngineSettings.keys.map(\.name)
    for name in names {
      #expect(!names.contains { $0.hasPrefix(name + ".") }, "\(name) is also a section")
    }
    var closed: Set<String> = []
    var open: [String] = []
    for key in AutoEngineSettings.keys {
      let sections = key.path.dropLast().indices.map { key.path[...$0].joined(separator: ".") }
      for section in open where !sections.contains(section) { closed.insert(section) }
      for section in sections { #expect(!closed.contains(section), "\(section) reopens at \(key.name)") }
      open = sections
    }
  }

  @Test func environmentVariablesFollowTheRuleExceptForSecrets() {
    #expect(
      SettingKey.environmentVariable(forKey: "fetch.price_fetch_interval") == "AUTOENGINE_FETCH_PRICE_FETCH_INTERVAL")
    #expect(AutoEngineSettings.key(named: "server.grpc_port")?.environmentVariable == "AUTOENGINE_SERVER_GRPC_PORT")
    #expect(AutoEngineSettings.key(named: "data_dir")?.environmentVariable == "AUTOENGINE_DATA_DIR")
    #expect(AutoEngineSettings.key(named: "server.api_token")?.environmentVariable == "AUTOENGINE_API_TOKEN")
    let credentials = AutoEngineSettings.keys.filter(\.isEnvironmentOnly).map(\.environmentVariable)
    #expect(
      credentials.sorted() == [
        "AUTOENGINE_BINANCEUS_API_KEY", "AUTOENGINE_BINANCEUS_API_SECRET", "AUTOENGINE_COINBASE_KEY_NAME",
        "AUTOENGINE_COINBASE_PRIVATE_KEY",
      ])
    for key in AutoEngineSettings.keys where !key.isSecret {
      #expect(key.environmentVariable == SettingKey.environmentVariable(forKey: key.name))
    }
  }

  @Test func valuesReadAndSetByKey() throws {
    var settings = AutoEngineSettings()
    #expect(settings.value(forKey: "server.grpc_port") == "50051")
    #expect(settings.value(forKey: "strategy.min_confidence") == "0.7")
    #expect(settings.value(forKey: "server.api_token") == "(not set)")
    #expect(settings.value(forKey: "nope") == nil)
    try settings.setValue("50052", forKey: "server.grpc_port")
    try settings.setValue("replay", forKey: "market.source")
    try settings.setValue("https://a.example, https://b.example", forKey: "server.cors_origins")
    try settings.setValue("0.8", forKey: "strategy.min_confidence")
    #expect(settings.server.grpcPort == 50052)
    #expect(settings.market.source == .replay)
    #expect(settings.server.corsOrigins == ["https://a.example", "https://b.example"])
    #expect(settings.engine.strategy.minConfidence == 0.8)
    #expect(throws: ConfigurationIssue.self) { try settings.setValue("1", forKey: "fetch.price_interval") }
    do {
      try settings.setValue("1", forKey: "fetch.price_interval")
    } catch {
      #expect(error.message == "unknown key 'fetch.price_interval' (did you mean fetch.price_fetch_interval?)")
    }
  }

  @Test func defaultValuesAsText() {
    let defaults = Dictionary(uniqueKeysWithValues: AutoEngineSettings.keys.map { ($0.name, $0.defaultValue) })
    #expect(defaults["server.max_request_bytes"] == "1048576")
    #expect(defaults["server.cors_origins"] == "")
    #expect(defaults["server.require_token_for_reads"] == "false")
    #expect(defaults["log.level"] == "info")
    #expect(defaults["market.replay_speed"] == "1")
    #expect(defaults["exchanges.binanceus.api_key"] == "(not set)")
    #expect(defaults["fetch.price_fetch_interval"] == "10")
    #expect(
      AutoEngineSettings.key(named: "server.grpc_port")?.description.hasPrefix("server.grpc_port = 50051  # ") == true)
  }
}
