import AutoEngineRuntime
import GRPCCore
import HTTPTypes
import Testing

@testable import AutoEngineAPI

/// Engine errors map to one gRPC code and one HTTP status each.
@Suite struct ErrorMappingTests {
  @Test func everyCodeHasTheDocumentedGRPCAndHTTPStatus() {
    let expected: [EngineError.Code: (RPCError.Code, HTTPResponse.Status)] = [
      .invalidArgument: (.invalidArgument, .badRequest),
      .notFound: (.notFound, .notFound),
      .conflict: (.failedPrecondition, .conflict),
      .unauthenticated: (.unauthenticated, .unauthorized),
      .insufficientFunds: (.failedPrecondition, .unprocessableContent),
      .retryLater: (.resourceExhausted, .tooManyRequests),
      .requestTooLarge: (.resourceExhausted, .contentTooLarge),
      .unavailable: (.unavailable, .serviceUnavailable),
      .fixConfiguration: (.failedPrecondition, .conflict),
      .wrongMethod: (.unimplemented, .methodNotAllowed),
      .notImplemented: (.unimplemented, .notImplemented),
      .internal: (.internalError, .internalServerError),
    ]
    #expect(expected.count == EngineError.Code.allCases.count)
    for code in EngineError.Code.allCases {
      let error = EngineError(code, "message for \(code)")
      #expect(error.rpcErrorCode == expected[code]?.0, "gRPC code of \(code)")
      #expect(error.status == expected[code]?.1, "HTTP status of \(code)")
      #expect(error.rpcErrorMessage == "message for \(code)")
    }
  }
}
