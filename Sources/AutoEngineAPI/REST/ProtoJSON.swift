import HTTPTypes
import Hummingbird
import NIOCore
import SwiftProtobuf

/// A REST answer whose body is the proto3 JSON mapping of a contract message.
///
/// The REST bridge speaks the same messages as gRPC, encoded by swift-protobuf's JSON coding
/// (lowerCamelCase names, enums by name, int64 as strings, Timestamps in RFC 3339; fields at
/// their default value are omitted).
struct ProtoJSON<Message: SwiftProtobuf.Message>: ResponseGenerator {
  /// The message to send.
  var message: Message
  /// The HTTP status, 200 unless told otherwise.
  var status: HTTPResponse.Status = .ok

  func response(from request: Request, context: some RequestContext) throws -> Response {
    let bytes: [UInt8] = try message.jsonUTF8Bytes()
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}
