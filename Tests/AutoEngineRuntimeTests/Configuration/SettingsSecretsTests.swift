import AutoEngineCore
import Testing

@testable import AutoEngineRuntime

@Suite struct SettingsSecretsTests {
  private let credentials = [
    "AUTOENGINE_BINANCEUS_API_KEY": "binance-api-key-AAAA",
    "AUTOENGINE_BINANCEUS_API_SECRET": "binance-api-secret-BBBB",
    "AUTOENGINE_COINBASE_KEY_NAME": "organizations/o/apiKeys/CCCC",
    "AUTOENGINE_COINBASE_PRIVATE_KEY": "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n",
    "AUTOENGINE_API_TOKEN": "api-token-from-env-DDDD",
  ]

  @Test func credentialsComeFromTheEnvironment() throws {
    let effective = try AutoEngineSettings.load(file: nil, environment: credentials)
    let exchanges = effective.settings.exchanges
    #expect(exchanges.binanceUSAPIKey?.revealed == "binance-api-key-AAAA")
    #expect(exchanges.binanceUSAPISecret?.revealed == "binance-api-secret-BBBB")
    #expect(exchanges.coinbaseKeyName?.revealed == "organizations/o/apiKeys/CCCC")
    #expect(exchanges.coinbasePrivateKey?.revealed.hasSuffix("-----END EC PRIVATE KEY-----") == true)
    #expect(exchanges.hasBinanceUSCredentials && exchanges.hasCoinbaseCredentials)
    #expect(effective.settings.server.apiToken?.revealed == "api-token-from-env-DDDD")
  }

  @Test func credentialsInTheFileAreRejectedWithoutEchoingThem() {
    let problems = settingsProblems(
      """
      exchanges:
        binanceus:
          api_key: file-key-ZZZZ
          api_secret: file-secret-YYYY
        coinbase.private_key: pem-VVVV
      exchanges.coinbase.key_name: name-WWWW
      """)
    #expect(
      problems == [
        "autoengine.yaml: exchanges.binanceus.api_key: credentials are read from the environment only: "
          + "remove this key from the file and set AUTOENGINE_BINANCEUS_API_KEY",
        "autoengine.yaml: exchanges.binanceus.api_secret: credentials are read from the environment only: "
          + "remove this key from the file and set AUTOENGINE_BINANCEUS_API_SECRET",
        "autoengine.yaml: exchanges.coinbase.private_key: credentials are read from the environment only: "
          + "remove this key from the file and set AUTOENGINE_COINBASE_PRIVATE_KEY",
        "autoengine.yaml: exchanges.coinbase.key_name: credentials are read from the environment only: "
          + "remove this key from the file and set AUTOENGINE_COINBASE_KEY_NAME",
      ])
    for secret in ["ZZZZ", "YYYY", "VVVV", "WWWW"] { #expect(!problems.joined().contains(secret)) }
  }

  @Test func credentialLookingKeysPointToTheEnvironment() {
    #expect(
      settingsProblems("exchanges:\n  binanceus:\n    apikey: k\n")
        == [
          "autoengine.yaml: unknown key 'exchanges.binanceus.apikey'; credentials such as exchanges.binanceus.api_key "
            + "are read from the environment only (AUTOENGINE_BINANCEUS_API_KEY)"
        ])
    let problems = settingsProblems("kraken_api_secret: s\n")
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasPrefix(
        "autoengine.yaml: unknown key 'kraken_api_secret'; credentials are read from the environment only (") == true)
  }

  @Test func theAPITokenMayBeInTheFileButTheEnvironmentWins() throws {
    let fromFile = try loadSettings("server:\n  api_token: file-token-1234567\n")
    #expect(fromFile.settings.server.apiToken?.revealed == "file-token-1234567")
    let overridden = try loadSettings(
      "server:\n  api_token: file-token-1234567\n", environment: ["AUTOENGINE_API_TOKEN": "env-token-7654321"])
    #expect(overridden.settings.server.apiToken?.revealed == "env-token-7654321")
    #expect(overridden.origin(ofKey: "server.api_token") == .environment(variable: "AUTOENGINE_API_TOKEN"))
    #expect(try loadSettings("server:\n  api_token: \"\"\n").settings.server.apiToken == nil)
  }

  @Test func secretsAreNotAcceptedAsFlags() {
    #expect(
      settingsProblems("", flags: ["server.api_token": "t", "exchanges.binanceus.api_key": "k"])
        == [
          "flags: server.api_token: secrets are not accepted as flags (they would show in the process list); "
            + "set AUTOENGINE_API_TOKEN",
          "flags: exchanges.binanceus.api_key: secrets are not accepted as flags (they would show in the process "
            + "list); set AUTOENGINE_BINANCEUS_API_KEY",
        ])
  }

  @Test func secretsAreMaskedInTheEffectiveDescription() throws {
    let effective = try AutoEngineSettings.load(file: nil, environment: credentials)
    let masked = effective.effectiveDescription()
    for value in credentials.values {
      #expect(!masked.contains(value.trimmedForSettings()))
    }
    #expect(masked.contains("api_key: \"****AAAA\""))
    #expect(masked.contains("api_secret: \"****BBBB\""))
    #expect(masked.contains("key_name: \"****CCCC\""))
    #expect(masked.contains("api_token: \"****DDDD\""))
    #expect(!masked.contains("MHcCAQEE"))
    let unmasked = effective.effectiveDescription(masked: false)
    #expect(unmasked.contains("api_key: \"binance-api-key-AAAA\""))
    #expect(unmasked.contains("SECRETS ARE SHOWN IN FULL"))
    let none = try AutoEngineSettings.load(file: nil, environment: [:]).effectiveDescription()
    #expect(none.contains("api_token: \"(not set)\""))
  }

  @Test func secretTextNeverPrintsItself() {
    let secret = SecretText("  a-very-long-secret-9876\n")
    #expect(secret.revealed == "a-very-long-secret-9876")
    #expect(secret.masked == "****9876")
    #expect("\(secret)" == "****9876")
    #expect(String(reflecting: secret) == "SecretText(****9876)")
    var dumped = ""
    dump(secret, to: &dumped)
    #expect(!dumped.contains("a-very-long"))
    #expect(SecretText("short").masked == "****")
    #expect(SecretText.masked(nil) == "(not set)")
    var settings = AutoEngineSettings()
    settings.server.apiToken = secret
    #expect(!"\(settings)".contains("a-very-long"))
  }
}
