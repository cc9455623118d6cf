import GRPCCore
import GRPCProtobuf

/// The standard gRPC server reflection service, so that generic clients (grpcurl, Postman) can
/// list the services, describe their messages and call every RPC without the .proto files.
///
/// Served under both protocol names: `grpc.reflection.v1.ServerReflection` and its pre-release
/// name `grpc.reflection.v1alpha.ServerReflection`, which older clients (grpcurl 1.8) still use.
/// The two have identical messages, so the v1 types carry both. Each stream answers request by
/// request, in order, until the client half-closes.
///
/// `list_services` names every service registered on the router before this one, plus both
/// reflection names: register it last.
struct ReflectionGRPCService: RegistrableRPCService {
  /// The method of the pre-release protocol name.
  static let v1alphaMethod = MethodDescriptor(
    fullyQualifiedService: "grpc.reflection.v1alpha.ServerReflection", method: "ServerReflectionInfo")

  /// The methods this service registers: the v1 method and its v1alpha twin.
  static let methods = [Grpc_Reflection_V1_ServerReflection.Method.ServerReflectionInfo.descriptor, v1alphaMethod]

  /// The descriptors reflection answers from.
  let index: DescriptorIndex

  /// Reflects the contract's embedded descriptor set.
  init() throws {
    self.init(index: try .contract())
  }

  /// Reflects the descriptors of `index`.
  init(index: DescriptorIndex) {
    self.index = index
  }

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let description = ServerDescription(
      index: index,
      services: (router.methods + Self.methods).map(\.service.fullyQualifiedService))
    for method in Self.methods {
      router.registerHandler(
        forMethod: method,
        deserializer: ProtobufDeserializer<Grpc_Reflection_V1_ServerReflectionRequest>(),
        serializer: ProtobufSerializer<Grpc_Reflection_V1_ServerReflectionResponse>()
      ) { request, _ in
        StreamingServerResponse { response in
          for try await question in request.messages {
            try await response.write(description.answer(question))
          }
          return [:]
        }
      }
    }
  }
}
