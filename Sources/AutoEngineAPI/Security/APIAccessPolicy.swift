/// Who may call what: state-changing calls need the bearer token; reads are open unless
/// configured otherwise.
///
/// With no token configured, state-changing calls are refused (the server says how to set one)
/// rather than left open. Tokens are compared in constant time.
public struct APIAccessPolicy: Sendable {
  /// The bearer token that authorises calls; nil when none is configured.
  public var token: String?
  /// Whether read-only calls need the token too (health and reflection never do).
  public var requireTokenForReads: Bool

  /// Creates a policy.
  public init(token: String? = nil, requireTokenForReads: Bool = false) {
    self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    self.requireTokenForReads = requireTokenForReads
  }

  /// gRPC methods that change state, as "package.Service/Method".
  public static let stateChangingRPCs: Set<String> = [
    "autoengine.v1.TradingService/StartAutobuy", "autoengine.v1.TradingService/StopAutobuy",
    "autoengine.v1.TradingService/CancelOrders", "autoengine.v1.TradingService/CancelAllOrders",
    "autoengine.v1.TradingService/PlaceOrder", "autoengine.v1.SystemService/StartSystem",
    "autoengine.v1.SystemService/StopSystem",
  ]

  /// Services that are always open (probes and tooling).
  public static let alwaysOpenServices: Set<String> = [
    "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
  ]

  /// Why a call is refused, or nil when it may proceed.
  ///
  /// - Parameters:
  ///   - changesState: whether the call changes state.
  ///   - alwaysOpen: whether the call is a health or reflection probe.
  ///   - authorization: the `authorization` header or metadata value, if any.
  public func refusal(changesState: Bool, alwaysOpen: Bool, authorization: String?) -> String? {
    guard !alwaysOpen, changesState || requireTokenForReads else { return nil }
    guard let token else {
      return
        "this call changes state and no API token is configured: start the server with AUTOENGINE_API_TOKEN set (or server.api_token in the configuration)"
    }
    guard let authorization else { return "missing 'authorization: Bearer <token>'" }
    let prefix = "Bearer "
    guard authorization.hasPrefix(prefix) else { return "the authorization must be 'Bearer <token>'" }
    guard Self.constantTimeEquals(String(authorization.dropFirst(prefix.count)), token) else {
      return "invalid API token"
    }
    return nil
  }

  /// Compares two strings in time that depends only on their lengths, so that a caller cannot
  /// learn the token byte by byte from response times. (A dozen lines; not worth a crypto
  /// dependency in this module.)
  static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
    for index in 0..<max(left.count, right.count) {
      let a = index < left.count ? left[index] : 0
      let b = index < right.count ? right[index] : 0
      difference |= a ^ b
    }
    return difference == 0 && left.count == right.count
  }
}
