public import AutoEngineCore
public import AutoEngineExchanges

/// The operator's exchange API keys, read from the environment only:
/// `AUTOENGINE_BINANCEUS_API_KEY`, `AUTOENGINE_BINANCEUS_API_SECRET`,
/// `AUTOENGINE_COINBASE_KEY_NAME` and `AUTOENGINE_COINBASE_PRIVATE_KEY` (PEM; literal `\n`
/// escapes are read as newlines).
///
/// No rendering of this value shows a secret or any part of one: `description`,
/// `debugDescription` and reflection say only which keys are set. `availability(of:)` says per
/// exchange whether live trading can use the keys, and if not, why.
public struct ExchangeCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// Environment variable of the Binance.US API key.
  public static let binanceUSAPIKeyVariable = "AUTOENGINE_BINANCEUS_API_KEY"
  /// Environment variable of the Binance.US HMAC secret.
  public static let binanceUSAPISecretVariable = "AUTOENGINE_BINANCEUS_API_SECRET"
  /// Environment variable of the Coinbase key name (`organizations/{org}/apiKeys/{id}`).
  public static let coinbaseKeyNameVariable = "AUTOENGINE_COINBASE_KEY_NAME"
  /// Environment variable of the Coinbase EC private key in PEM.
  public static let coinbasePrivateKeyVariable = "AUTOENGINE_COINBASE_PRIVATE_KEY"

  /// The Binance.US API key, nil when not set.
  public var binanceUSAPIKey: SecretText?
  /// The Binance.US HMAC secret, nil when not set.
  public var binanceUSAPISecret: SecretText?
  /// The Coinbase key name, nil when not set.
  public var coinbaseKeyName: SecretText?
  /// The Coinbase private key (PEM), nil when not set.
  public var coinbasePrivateKey: SecretText?

  /// Creates credentials from values; an empty or blank value counts as not set.
  public init(
    binanceUSAPIKey: String? = nil, binanceUSAPISecret: String? = nil, coinbaseKeyName: String? = nil,
    coinbasePrivateKey: String? = nil
  ) {
    self.binanceUSAPIKey = Self.secret(binanceUSAPIKey)
    self.binanceUSAPISecret = Self.secret(binanceUSAPISecret)
    self.coinbaseKeyName = Self.secret(coinbaseKeyName)
    self.coinbasePrivateKey = Self.secret(coinbasePrivateKey)
  }

  /// Reads the four variables from `environment` (e.g. `ProcessInfo.processInfo.environment`).
  public init(environment: [String: String]) {
    self.init(
      binanceUSAPIKey: environment[Self.binanceUSAPIKeyVariable],
      binanceUSAPISecret: environment[Self.binanceUSAPISecretVariable],
      coinbaseKeyName: environment[Self.coinbaseKeyNameVariable],
      coinbasePrivateKey: environment[Self.coinbasePrivateKeyVariable])
  }

  /// Takes the credentials the settings read from the environment.
  public init(settings: ExchangeSettings) {
    self.init(
      binanceUSAPIKey: settings.binanceUSAPIKey?.revealed, binanceUSAPISecret: settings.binanceUSAPISecret?.revealed,
      coinbaseKeyName: settings.coinbaseKeyName?.revealed, coinbasePrivateKey: settings.coinbasePrivateKey?.revealed)
  }

  // MARK: - Availability

  /// Whether live trading on `exchange` can use these keys: `.usable`, or why not.
  public func availability(of exchange: Exchange) -> CredentialAvailability {
    switch exchange {
    case .binanceUS:
      switch binanceUSSigner() {
      case .success: .usable
      case .failure(let refusal): refusal
      }
    case .coinbase:
      switch coinbaseJWT() {
      case .success: .usable
      case .failure(let refusal): refusal
      }
    }
  }

  /// The Binance.US signer, or why the keys cannot make one.
  public func binanceUSSigner() -> Result<BinanceUSSigner, CredentialAvailability> {
    let missing = [
      binanceUSAPIKey == nil ? Self.binanceUSAPIKeyVariable : nil,
      binanceUSAPISecret == nil ? Self.binanceUSAPISecretVariable : nil,
    ].compactMap { $0 }
    guard let key = binanceUSAPIKey?.revealed, let secret = binanceUSAPISecret?.revealed else {
      return .failure(.missing(Self.notSet(missing)))
    }
    if !Self.isToken(key) { return .failure(.invalid("\(Self.binanceUSAPIKeyVariable) \(Self.tokenRule)")) }
    if !Self.isToken(secret) { return .failure(.invalid("\(Self.binanceUSAPISecretVariable) \(Self.tokenRule)")) }
    return .success(BinanceUSSigner(apiKey: key, secret: secret))
  }

  /// The Coinbase JWT signer, or why the keys cannot make one (missing, or a PEM that is not a
  /// P-256 EC private key).
  public func coinbaseJWT() -> Result<CoinbaseJWT, CredentialAvailability> {
    let missing = [
      coinbaseKeyName == nil ? Self.coinbaseKeyNameVariable : nil,
      coinbasePrivateKey == nil ? Self.coinbasePrivateKeyVariable : nil,
    ].compactMap { $0 }
    guard let name = coinbaseKeyName?.revealed, let pem = coinbasePrivateKey?.revealed else {
      return .failure(.missing(Self.notSet(missing)))
    }
    if !Self.isToken(name) { return .failure(.invalid("\(Self.coinbaseKeyNameVariable) \(Self.tokenRule)")) }
    do {
      return .success(try CoinbaseJWT(keyName: name, privateKeyPEM: pem))
    } catch {
      return .failure(.invalid("\(Self.coinbasePrivateKeyVariable) is unusable: \(error)"))
    }
  }

  // MARK: - Rendering

  public var description: String {
    "Binance.US: api key \(Self.state(binanceUSAPIKey)), api secret \(Self.state(binanceUSAPISecret)); "
      + "Coinbase: key name \(Self.state(coinbaseKeyName)), private key \(Self.state(coinbasePrivateKey))"
  }

  public var debugDescription: String { "ExchangeCredentials(\(description))" }

  public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }

  // MARK: - Internals

  private static let tokenRule = "contains spaces, control or non-ASCII characters"

  private static func secret(_ value: String?) -> SecretText? {
    guard let value else { return nil }
    let secret = SecretText(value)
    return secret.revealed.isEmpty ? nil : secret
  }

  private static func state(_ secret: SecretText?) -> String { secret == nil ? "not set" : "set" }

  private static func notSet(_ names: [String]) -> String {
    names.joined(separator: " and ") + (names.count == 1 ? " is not set" : " are not set")
  }

  /// Printable ASCII without spaces, as API keys, secrets and key names are.
  private static func isToken(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
  }
}

/// Whether an exchange's credentials can be used for live trading, and if not, why.
public enum CredentialAvailability: Error, Hashable, Sendable, CustomStringConvertible {
  /// Present and valid.
  case usable
  /// One or more variables are not set; the text names them (`AUTOENGINE_COINBASE_PRIVATE_KEY is not set`).
  case missing(String)
  /// Set but unusable; the text says which and why (never quoting the secret).
  case invalid(String)

  /// Why the credentials cannot be used, or nil when they can.
  public var reason: String? {
    switch self {
    case .usable: nil
    case .missing(let why), .invalid(let why): why
    }
  }

  public var description: String { reason ?? "usable" }
}
