import AutoEngineCore
import AutoEngineExchanges
import AutoEngineTestSupport
import FoundationEssentials
import Testing

@testable import AutoEngineRuntime

@Suite("Exchange credentials from the environment")
struct ExchangeCredentialsTests {
  static let state = MockExchangeState()
  static var valid: [String: String] { LiveBrokerHarness.environment(state) }

  @Test("nothing set: each exchange is refused, naming the variables")
  func nothingSet() {
    let credentials = ExchangeCredentials(environment: [:])
    #expect(
      credentials.availability(of: .binanceUS)
        == .missing("AUTOENGINE_BINANCEUS_API_KEY and AUTOENGINE_BINANCEUS_API_SECRET are not set"))
    #expect(
      credentials.availability(of: .coinbase)
        == .missing("AUTOENGINE_COINBASE_KEY_NAME and AUTOENGINE_COINBASE_PRIVATE_KEY are not set"))
    let made = LiveBrokers.make(environment: [:])
    #expect(made.brokers.isEmpty)
    #expect(made.refusals[.coinbase] == "AUTOENGINE_COINBASE_KEY_NAME and AUTOENGINE_COINBASE_PRIVATE_KEY are not set")
  }

  @Test("one variable missing or blank is named alone")
  func oneMissing() {
    var environment = Self.valid
    environment["AUTOENGINE_COINBASE_PRIVATE_KEY"] = "   "
    environment["AUTOENGINE_BINANCEUS_API_SECRET"] = nil
    let credentials = ExchangeCredentials(environment: environment)
    #expect(credentials.availability(of: .coinbase).reason == "AUTOENGINE_COINBASE_PRIVATE_KEY is not set")
    #expect(credentials.availability(of: .binanceUS).reason == "AUTOENGINE_BINANCEUS_API_SECRET is not set")
  }

  @Test("a private key that is not a P-256 PEM is refused with the reason, never the key")
  func invalidPEM() {
    let secretBody = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZn"
    var environment = Self.valid
    environment["AUTOENGINE_COINBASE_PRIVATE_KEY"] =
      "-----BEGIN EC PRIVATE KEY-----\n\(secretBody)\n-----END EC PRIVATE KEY-----"
    let availability = ExchangeCredentials(environment: environment).availability(of: .coinbase)
    guard case .invalid(let reason) = availability else {
      Issue.record("expected invalid, got \(availability)")
      return
    }
    #expect(reason.hasPrefix("AUTOENGINE_COINBASE_PRIVATE_KEY is unusable"))
    #expect(!reason.contains(secretBody))
    environment["AUTOENGINE_COINBASE_PRIVATE_KEY"] = "not pem at all"
    #expect(
      ExchangeCredentials(environment: environment).availability(of: .coinbase).reason?.contains("not PEM") == true)
  }

  @Test("a secret with spaces is refused naming the variable")
  func badBinanceSecret() {
    var environment = Self.valid
    environment["AUTOENGINE_BINANCEUS_API_SECRET"] = "two words"
    #expect(
      ExchangeCredentials(environment: environment).availability(of: .binanceUS)
        == .invalid("AUTOENGINE_BINANCEUS_API_SECRET contains spaces, control or non-ASCII characters"))
  }

  @Test("a PEM with literal \\n escapes (one line in the environment) is usable")
  func escapedPEM() {
    var environment = Self.valid
    environment["AUTOENGINE_COINBASE_PRIVATE_KEY"] = Self.state.credentials.coinbasePrivateKeyPEM
      .split(separator: "\n").joined(separator: "\\n")
    let credentials = ExchangeCredentials(environment: environment)
    #expect(credentials.availability(of: .coinbase) == .usable)
    #expect(credentials.availability(of: .binanceUS) == .usable)
  }

  @Test("valid keys make both brokers and no refusal")
  func bothBrokers() {
    let made = LiveBrokers.make(environment: Self.valid)
    #expect(made.refusals.isEmpty)
    #expect(made.brokers[.binanceUS]?.name == "binanceus")
    #expect(made.brokers[.coinbase]?.name == "coinbase")
  }

  @Test("no rendering shows any secret or part of one")
  func neverShown() {
    let credentials = ExchangeCredentials(environment: Self.valid)
    var dumped = ""
    dump(credentials, to: &dumped)
    let renderings = [
      credentials.description, String(reflecting: credentials), "\(credentials)", dumped,
      String(describing: LiveBrokers.make(environment: Self.valid).brokers),
    ]
    let secrets = [
      Self.state.credentials.binanceUSAPIKey, Self.state.credentials.binanceUSSecret,
      Self.state.credentials.coinbaseKeyName,
    ]
    let pemLines = Self.state.credentials.coinbasePrivateKeyPEM.split(separator: "\n").dropFirst().dropLast()
    for rendering in renderings {
      for secret in secrets { #expect(!rendering.contains(secret) && !rendering.contains(secret.suffix(6))) }
      for line in pemLines { #expect(!rendering.contains(line)) }
    }
    #expect(
      credentials.description
        == "Binance.US: api key set, api secret set; Coinbase: key name set, private key set")
  }

  @Test("credentials come from the settings' environment-only keys too")
  func fromSettings() {
    let settings = ExchangeSettings(
      binanceUSAPIKey: SecretText(Self.state.credentials.binanceUSAPIKey),
      binanceUSAPISecret: SecretText(Self.state.credentials.binanceUSSecret))
    let credentials = ExchangeCredentials(settings: settings)
    #expect(credentials.availability(of: .binanceUS) == .usable)
    #expect(credentials.availability(of: .coinbase).reason?.contains("are not set") == true)
  }
}
