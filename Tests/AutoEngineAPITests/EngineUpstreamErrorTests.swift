import AutoEngineRuntime
import GRPCCore
import Testing

@testable import AutoEngineAPI

/// How an API replica reads the errors of calls it forwarded to its engine.
@Suite struct EngineUpstreamErrorTests {
  @Test func anEngineErrorCarriesItsOwnCodeInItsTrailers() {
    for code in EngineError.Code.allCases {
      let error = RPCError(EngineError(code, "why"))
      #expect(error.metadata[stringValues: EngineError.codeMetadataKey].first(where: { _ in true }) == code.rawValue)
    }
  }

  @Test func theEnginesErrorsComeBackWithTheirExactCode() throws {
    let upstream = try EngineUpstream(address: "127.0.0.1:50999")
    for code in EngineError.Code.allCases {
      // What the replica's gRPC client receives for an error the engine threw.
      let received = RPCError(EngineError(code, "the engine's words"))
      #expect(upstream.engineError(received) == EngineError(code, "the engine's words"))
    }
  }

  @Test func transportFailuresAreUnavailableNamingTheEngine() throws {
    let upstream = try EngineUpstream(address: "127.0.0.1:50999")
    for code in [RPCError.Code.unavailable, .deadlineExceeded] {
      let error = upstream.engineError(RPCError(code: code, message: "connection refused"))
      #expect(error.code == .unavailable)
      #expect(error.message.contains("127.0.0.1:50999") && error.message.contains("connection refused"))
    }
    // A status without the trailer (not from our engine's mapping) keeps its meaning.
    #expect(upstream.engineError(RPCError(code: .notFound, message: "no such")).code == .notFound)
    #expect(upstream.engineError(RPCError(code: .failedPrecondition, message: "busy")).code == .conflict)
  }

  @Test func anAddressThatIsNotHostPortIsRefused() {
    #expect(throws: EngineUpstreamError.self) { try EngineUpstream(address: "localhost") }
    #expect(throws: EngineUpstreamError.self) { try EngineUpstream(address: "localhost:0") }
  }
}
