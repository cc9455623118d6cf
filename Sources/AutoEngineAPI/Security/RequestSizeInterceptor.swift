import AutoEngineRuntime
import GRPCCore
import SwiftProtobuf

/// Refuses gRPC request messages larger than `server.max_request_bytes` with RESOURCE_EXHAUSTED
/// naming the limit.
///
/// Two tiers, because the transport cannot answer with a status: it drops a message over its own
/// limit by resetting the stream, which clients see as UNAVAILABLE — the code they retry. So the
/// transport's hard limit is `transportLimit(for:)` (twice the configured one, bounding what a
/// stream may buffer), and this interceptor refuses every message between the configured limit
/// and that with a status the client will not retry.
struct RequestSizeInterceptor: ServerInterceptor {
  /// Largest request message accepted, in bytes, > 0.
  let maxBytes: Int

  /// The transport's hard limit for a configured `maxBytes`: twice it, so that the interceptor,
  /// not a stream reset, answers a message that is over the limit by less than that.
  static func transportLimit(for maxBytes: Int) -> Int {
    maxBytes > Int.max / 2 ? Int.max : 2 * maxBytes
  }

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let maxBytes = self.maxBytes
    var request = request
    request.messages = RPCAsyncSequence(
      wrapping: request.messages.map { message in
        if let proto = message as? any SwiftProtobuf.Message {
          let size = try proto.serializedBytes() as [UInt8]
          if size.count > maxBytes {
            throw EngineError(
              .requestTooLarge,
              "the request message of \(size.count) bytes is larger than the limit of \(maxBytes) bytes "
                + "(server.max_request_bytes)")
          }
        }
        return message
      })
    return try await next(request, context)
  }
}
