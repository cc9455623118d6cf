public import AutoEngineRuntime
import Foundation
public import HTTPTypes
public import Hummingbird

/// The one mapping of engine errors to HTTP statuses and the `{"code","message"}` JSON body.
extension EngineError: HTTPResponseError {
  /// The HTTP status of each error code.
  public var status: HTTPResponse.Status {
    switch code {
    case .invalidArgument: .badRequest
    case .notFound: .notFound
    case .conflict: .conflict
    case .unauthenticated: .unauthorized
    case .insufficientFunds: .unprocessableContent
    case .retryLater: .tooManyRequests
    case .requestTooLarge: .contentTooLarge
    case .unavailable: .serviceUnavailable
    case .fixConfiguration: .conflict
    case .wrongMethod: .methodNotAllowed
    case .notImplemented: .notImplemented
    case .internal: .internalServerError
    }
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = try encoder.encode(ErrorBody(code: code.rawValue, message: message))
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }
}

/// The JSON body of every REST error.
struct ErrorBody: Codable, Sendable {
  /// Machine-readable code, e.g. "NOT_FOUND".
  var code: String
  /// Sentence for a person.
  var message: String
}
