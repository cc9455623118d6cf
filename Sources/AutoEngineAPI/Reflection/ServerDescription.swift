import Foundation
import GRPCCore
import SwiftProtobuf

/// What server reflection tells a client: the services the server registers and the descriptors
/// of the files that define them.
///
/// Answers each `ServerReflectionRequest` on its own (the protocol is one answer per request),
/// so the same description serves every stream and both protocol names (v1 and v1alpha).
struct ServerDescription: Sendable {
  /// The descriptors of every file the server knows.
  let index: DescriptorIndex
  /// Fully-qualified names of the registered services, sorted.
  let services: [String]

  /// A description listing `services` (sorted, each once) with the descriptors of `index`.
  init(index: DescriptorIndex, services: some Sequence<String>) {
    self.index = index
    self.services = Set(services).sorted()
  }

  /// The answer to one request: descriptors, extension numbers, the service list, or an error
  /// (NOT_FOUND for an unknown file, symbol, type or extension).
  func answer(_ request: Grpc_Reflection_V1_ServerReflectionRequest) -> Grpc_Reflection_V1_ServerReflectionResponse {
    var response = Grpc_Reflection_V1_ServerReflectionResponse()
    response.validHost = request.host
    response.originalRequest = request
    switch request.messageRequest {
    case .fileByFilename(let name):
      response.messageResponse = files(closureOf: name, missing: "no file named '\(name)'")
    case .fileContainingSymbol(let symbol):
      response.messageResponse = files(
        closureOf: index.fileName(containingSymbol: symbol),
        missing: "no symbol named '\(symbol)': symbols are fully qualified, e.g. autoengine.v1.CoinStateService")
    case .fileContainingExtension(let request):
      response.messageResponse = files(
        closureOf: index.fileName(containingExtension: request.extensionNumber, of: request.containingType),
        missing: "no extension \(request.extensionNumber) of '\(request.containingType)'")
    case .allExtensionNumbersOfType(let type):
      if let numbers = index.extensionNumbers(of: type) {
        response.allExtensionNumbersResponse = .with {
          $0.baseTypeName = type
          $0.extensionNumber = numbers
        }
      } else {
        response.messageResponse = Self.error(.notFound, "no message type named '\(type)'")
      }
    case .listServices:
      response.listServicesResponse = .with { list in
        list.service = services.map { name in .with { $0.name = name } }
      }
    case nil:
      response.messageResponse = Self.error(
        .invalidArgument,
        "empty request: set one of file_by_filename, file_containing_symbol, file_containing_extension, "
          + "all_extension_numbers_of_type, list_services")
    }
    return response
  }

  /// The descriptors of file `name` (first) and of its dependencies, or NOT_FOUND with `missing`.
  private func files(
    closureOf name: String?, missing: String
  ) -> Grpc_Reflection_V1_ServerReflectionResponse.OneOf_MessageResponse {
    guard let name, let closure = index.serializedClosure(of: name) else { return Self.error(.notFound, missing) }
    return .fileDescriptorResponse(.with { $0.fileDescriptorProto = closure })
  }

  private static func error(
    _ code: RPCError.Code, _ message: String
  ) -> Grpc_Reflection_V1_ServerReflectionResponse.OneOf_MessageResponse {
    .errorResponse(
      .with {
        $0.errorCode = Int32(code.rawValue)
        $0.errorMessage = message
      })
  }
}
