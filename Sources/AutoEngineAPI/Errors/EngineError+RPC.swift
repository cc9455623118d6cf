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
}
