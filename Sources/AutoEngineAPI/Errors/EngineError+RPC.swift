public import AutoEngineRuntime
public import GRPCCore

/// The one mapping of engine errors to gRPC status codes.
extension EngineError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code {
    switch code {
    case .invalidArgument: .invalidArgument
    case .notFound: .notFound
    case .conflict: .failedPrecondition
    case .unauthenticated: .unauthenticated
    case .insufficientFunds: .failedPrecondition
    case .retryLater: .resourceExhausted
    case .requestTooLarge: .resourceExhausted
    case .unavailable: .unavailable
    case .fixConfiguration: .failedPrecondition
    case .wrongMethod: .unimplemented
    case .notImplemented: .unimplemented
    case .internal: .internalError
    }
  }

  public var rpcErrorMessage: String { message }

  /// The error's own code in the trailers (`autoengine-error-code: INSUFFICIENT_FUNDS`): several
  /// codes share one gRPC status, and an API replica that relays this error needs the exact one
  /// to answer the HTTP status the engine's REST would have.
  public var rpcErrorMetadata: Metadata {
    [Self.codeMetadataKey: .string(code.rawValue)]
  }

  /// The trailer that carries `code`.
  public static let codeMetadataKey = "autoengine-error-code"
}
