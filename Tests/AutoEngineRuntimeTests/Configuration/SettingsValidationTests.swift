import AutoEngineCore
import Testing

@testable import AutoEngineRuntime

@Suite struct SettingsValidationTests {
  /// The issues of the defaults changed by `change`, as `key: message` lines.
  private func issues(_ change: (inout AutoEngineSettings) -> Void) -> [String] {
    var settings = AutoEngineSettings()
    change(&settings)
    return settings.validate().map(\.description)
  }

  @Test func serverRules() {
    #expect(issues { $0.server.host = "" }.first?.hasPrefix("server.host: must not be empty") == true)
    #expect(issues { $0.server.grpcPort = 70000 } == ["server.grpc_port: 70000 is outside 0–65535"])
    #expect(issues { $0.server.httpPort = -1 } == ["server.http_port: -1 is outside 0–65535"])
    #expect(
      issues { $0.server.httpPort = 50051 }
        == ["server.http_port: 50051 is also server.grpc_port; the listeners need different ports"])
    #expect(
      issues {
        $0.server.grpcPort = 0; $0.server.httpPort = 0
      }.isEmpty)
    #expect(issues { $0.server.maxRequestBytes = 0 } == ["server.max_request_bytes: must be > 0 bytes (got 0)"])
  }

  @Test func tlsNeedsBothCertificateAndKey() {
    #expect(
      issues { $0.server.tlsCertificatePath = "cert.pem" }
        == ["server.tls_key: is empty but server.tls_cert is set; set both for TLS or neither"])
    #expect(
      issues { $0.server.tlsKeyPath = "key.pem" }
        == ["server.tls_cert: is empty but server.tls_key is set; set both for TLS or neither"])
    #expect(
      issues {
        $0.server.tlsCertificatePath = "cert.pem"; $0.server.tlsKeyPath = "key.pem"
      }.isEmpty)
  }

  @Test func corsOriginsAreOriginsOrAStar() {
    #expect(issues { $0.server.corsOrigins = ["*", "https://app.example", "http://localhost:3000"] }.isEmpty)
    #expect(
      issues { $0.server.corsOrigins = ["app.example", "https://app.example/path", "ftp://x.example"] }
        == [
          "server.cors_origins: 'app.example' is not an origin; expected https://host[:port], http://host[:port] or *",
          "server.cors_origins: 'https://app.example/path' is not an origin; expected https://host[:port], "
            + "http://host[:port] or *",
          "server.cors_origins: 'ftp://x.example' is not an origin; expected https://host[:port], http://host[:port] or *",
        ])
  }

  @Test func requiringTheTokenForReadsNeedsAToken() {
    #expect(
      issues { $0.server.requireTokenForReads = true }
        == [
          "server.require_token_for_reads: is true but no API token is set (server.api_token or "
            + "AUTOENGINE_API_TOKEN), so every call would be refused"
        ])
    #expect(
      issues {
        $0.server.requireTokenForReads = true; $0.server.apiToken = SecretText("t0ken-t0ken-t0ken")
      }.isEmpty)
  }

  @Test func dataDirectoryAndMarketRules() {
    #expect(issues { $0.dataDirectory = "" } == ["data_dir: must not be empty"])
    #expect(
      issues { $0.market.source = .replay }
        == ["market.replay_dir: is required when market.source is replay (a folder of candle CSV files)"])
    #expect(
      issues {
        $0.market.source = .replay; $0.market.replayDirectory = "candles"
      }.isEmpty)
    #expect(issues { $0.market.replaySpeed = 0 } == ["market.replay_speed: must be > 0 (got 0)"])
    #expect(issues { $0.market.replaySpeed = -2.5 } == ["market.replay_speed: must be > 0 (got -2.5)"])
    #expect(
      issues { $0.market.simulatedStepSeconds = 7 } == [
        "market.step_seconds: must divide 60: one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60 (got 7)"
      ])
    #expect(issues { $0.market.simulatedStepSeconds = 1 } == [])
    #expect(issues { $0.market.replaySpeed = .infinity }.count == 1)
  }

  @Test func liveTradingNeedsTheLiveMarket() {
    #expect(
      issues { $0.engine.trading.mode = .live }
        == [
          "trading.mode: live sends real orders, but market.source is simulated; live trading needs market.source live"
        ])
    #expect(
      issues {
        $0.engine.trading.mode = .live; $0.market.source = .live
      }.isEmpty)
  }

  @Test func urlsNeedTheirSchemesAndAHost() {
    #expect(
      issues { $0.exchanges.coinbaseBaseURL = "ftp://api.coinbase.com" }
        == ["exchanges.coinbase.base_url: 'ftp://api.coinbase.com' is not an http or https URL"])
    #expect(
      issues { $0.exchanges.binanceUSBaseURL = "api.binance.us" }
        == ["exchanges.binanceus.base_url: 'api.binance.us' is not an http or https URL"])
    #expect(
      issues { $0.cosmic.swpcBaseURL = "https://" } == ["cosmic.swpc.base_url: 'https://' is not an http or https URL"])
    #expect(
      issues { $0.cosmic.schumannURL = "schumann" }
        == ["cosmic.schumann_url: 'schumann' is not an http or https URL (empty means unavailable)"])
    #expect(issues { $0.cosmic.schumannURL = "http://127.0.0.1:9999/schumann" }.isEmpty)
    #expect(
      issues { $0.cache.redisURL = "http://127.0.0.1:6379" }
        == ["cache.redis_url: 'http://127.0.0.1:6379' is not a redis:// or rediss:// URL"])
    #expect(issues { $0.cache.redisURL = "rediss://user:pw@cache.example:6380/2" }.isEmpty)
  }

  @Test func credentialsComeInPairs() {
    #expect(
      issues { $0.exchanges.binanceUSAPIKey = SecretText("key-key-key-key") }
        == [
          "exchanges.binanceus.api_secret: AUTOENGINE_BINANCEUS_API_KEY is set but AUTOENGINE_BINANCEUS_API_SECRET "
            + "is not; set both or neither"
        ])
    #expect(
      issues { $0.exchanges.coinbasePrivateKey = SecretText("pem") }
        == [
          "exchanges.coinbase.key_name: AUTOENGINE_COINBASE_PRIVATE_KEY is set but AUTOENGINE_COINBASE_KEY_NAME "
            + "is not; set both or neither"
        ])
  }

  @Test func engineRulesRunToo() {
    #expect(issues { $0.engine.strategy.minConfidence = 1.2 } == ["strategy.min_confidence: 1.2 is outside 0…1"])
    #expect(
      issues { $0.engine.fetch.priceFetchInterval = 0 } == ["fetch.price_fetch_interval: must be > 0 seconds (got 0)"])
  }

  @Test func issuesComeInKeyTableOrder() {
    let keys = issues {
      $0.cache.redisURL = "x"
      $0.engine.risk.maxOpenPositions = 0
      $0.server.grpcPort = -5
      $0.market.replaySpeed = 0
    }.map { String($0.prefix { $0 != ":" }) }
    #expect(keys == ["server.grpc_port", "market.replay_speed", "risk.max_open_positions", "cache.redis_url"])
  }

  @Test func validatedThrowsEveryIssue() throws {
    var settings = AutoEngineSettings()
    #expect(try settings.validated() == settings)
    settings.server.grpcPort = 70000
    settings.dataDirectory = ""
    #expect(throws: ConfigurationError.self) { try settings.validated() }
    do {
      _ = try settings.validated()
    } catch {
      #expect(error.issues.map(\.key) == ["server.grpc_port", "data_dir"])
    }
  }

  @Test func advisoriesForLiveTradingWithoutKeysAndAnExposedPlaintextAPI() {
    var settings = AutoEngineSettings()
    #expect(settings.advisories().isEmpty)
    settings.engine.trading.mode = .live
    settings.market.source = .live
    settings.exchanges.binanceUSAPIKey = SecretText("binance-key-1234")
    settings.exchanges.binanceUSAPISecret = SecretText("binance-secret-5678")
    #expect(
      settings.advisories()
        == [
          "trading.mode is live but AUTOENGINE_COINBASE_KEY_NAME and AUTOENGINE_COINBASE_PRIVATE_KEY are not set: "
            + "no orders will be sent to Coinbase"
        ])
    settings.engine.trading.mode = .paper
    settings.server.host = "0.0.0.0"
    #expect(settings.advisories().count == 1)
    #expect(
      settings.advisories().first?.hasPrefix("server.host 0.0.0.0 exposes the API beyond this machine without TLS")
        == true)
    settings.server.tlsCertificatePath = "c.pem"
    settings.server.tlsKeyPath = "k.pem"
    #expect(settings.advisories().isEmpty)
  }
}
