import Foundation
import GRPCCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// Server reflection: the descriptor index of the contract, the answers to each kind of request,
/// and the service over a real HTTP/2 connection with the generated v1 client.
@Suite struct ReflectionTests {
  /// Every method the server registers, from the generated code (reflection's two names included).
  static let registeredMethods: [MethodDescriptor] =
    Autoengine_V1_CoinStateService.Method.descriptors + Autoengine_V1_StrategyService.Method.descriptors
    + Autoengine_V1_TradingService.Method.descriptors + Autoengine_V1_SystemService.Method.descriptors
    + Grpc_Health_V1_Health.Method.descriptors + ReflectionGRPCService.methods

  /// What list_services must answer.
  static let serviceNames: Set<String> = [
    "autoengine.v1.CoinStateService", "autoengine.v1.StrategyService", "autoengine.v1.TradingService",
    "autoengine.v1.SystemService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
  ]

  @Test func everyRegisteredMethodAndServiceResolvesToItsFile() throws {
    let index = try DescriptorIndex.contract()
    #expect(Self.registeredMethods.count >= 23)
    for method in Self.registeredMethods {
      let service = method.service.fullyQualifiedService
      // Reflection names methods `pkg.Service.Method` (gRPC's path form is `pkg.Service/Method`).
      let symbol = service + "." + method.method
      let methodFile = index.fileName(containingSymbol: symbol)
      let serviceFile = index.fileName(containingSymbol: service)
      let dottedServiceFile = index.fileName(containingSymbol: "." + service)
      let file = try #require(methodFile, "\(symbol) does not resolve")
      #expect(serviceFile == file, "\(service)")
      #expect(dottedServiceFile == file, "a leading dot is accepted")
      let descriptor = try #require(index.files[file]?.descriptor)
      let serviceName = String(service.split(separator: ".").last ?? "")
      let declared = descriptor.service.contains {
        $0.name == serviceName && $0.method.contains { $0.name == method.method }
      }
      #expect(declared, "\(symbol) is declared in \(file)")
    }
  }

  @Test func everyMethodsInputAndOutputTypeResolves() throws {
    let index = try DescriptorIndex.contract()
    for file in index.files.values {
      for service in file.descriptor.service {
        for method in service.method {
          #expect(index.fileName(containingSymbol: method.inputType) != nil, "\(method.inputType)")
          #expect(index.fileName(containingSymbol: method.outputType) != nil, "\(method.outputType)")
        }
      }
    }
  }

  @Test func nestedTypesEnumValuesAndFieldsAreSymbols() throws {
    let index = try DescriptorIndex.contract()
    let health = "grpc/health/v1/health.proto"
    #expect(index.fileName(containingSymbol: "grpc.health.v1.HealthCheckResponse.ServingStatus") == health)
    #expect(index.fileName(containingSymbol: "grpc.health.v1.HealthCheckResponse.SERVING") == health)
    #expect(index.fileName(containingSymbol: "grpc.health.v1.HealthListResponse.StatusesEntry") == health)
    #expect(index.fileName(containingSymbol: "grpc.health.v1.HealthCheckRequest.service") == health)
    #expect(index.fileName(containingSymbol: "autoengine.v1.CoinState") == "autoengine/v1/coin_state.proto")
    #expect(index.fileName(containingSymbol: "google.protobuf.Timestamp") == "google/protobuf/timestamp.proto")
    #expect(index.fileName(containingSymbol: "autoengine.v1") == nil, "a package is not a symbol")
    #expect(index.fileName(containingSymbol: "autoengine.v1.NoSuchThing") == nil)
  }

  @Test func dependencyClosureStartsWithTheFileAndIncludesEveryImport() throws {
    let index = try DescriptorIndex.contract()
    let closure = try #require(index.dependencyClosure(of: "autoengine/v1/coin_state.proto"))
    #expect(closure.first == "autoengine/v1/coin_state.proto")
    #expect(
      Set(closure) == [
        "autoengine/v1/coin_state.proto", "autoengine/v1/common.proto", "google/protobuf/timestamp.proto",
      ])
    #expect(closure.count == Set(closure).count, "each file once")
    for name in index.files.keys {
      let files = try #require(index.dependencyClosure(of: name))
      for file in files {
        let dependencies = Set(index.files[file]?.descriptor.dependency ?? [])
        #expect(dependencies.isSubset(of: files), "\(name): \(file)")
      }
    }
    #expect(index.dependencyClosure(of: "no/such.proto") == nil)
  }

  @Test func fileContainingSymbolAnswersSerializedDescriptorsWithSourceComments() throws {
    let description = ServerDescription(index: try .contract(), services: Self.serviceNames)
    let response = description.answer(
      .with {
        $0.host = "localhost"
        $0.fileContainingSymbol = "autoengine.v1.CoinStateService.GetCoinState"
      })
    #expect(response.validHost == "localhost")
    #expect(response.originalRequest.fileContainingSymbol == "autoengine.v1.CoinStateService.GetCoinState")
    let files = try response.fileDescriptorResponse.fileDescriptorProto.map {
      try Google_Protobuf_FileDescriptorProto(serializedBytes: $0)
    }
    #expect(files.first?.name == "autoengine/v1/coin_state.proto", "the requested file comes first")
    #expect(
      Set(files.map(\.name)) == [
        "autoengine/v1/coin_state.proto", "autoengine/v1/common.proto", "google/protobuf/timestamp.proto",
      ])
    #expect(files.count == 3, "each file once")
    #expect(files.first?.service.first?.name == "CoinStateService")
    #expect(files.first?.sourceCodeInfo.location.contains { !$0.leadingComments.isEmpty } == true)
  }

  @Test func fileByFilenameAnswersTheFileAndItsDependencies() throws {
    let description = ServerDescription(index: try .contract(), services: Self.serviceNames)
    let response = description.answer(.with { $0.fileByFilename = "autoengine/v1/system.proto" })
    let names = try response.fileDescriptorResponse.fileDescriptorProto.map {
      try Google_Protobuf_FileDescriptorProto(serializedBytes: $0).name
    }
    #expect(names.first == "autoengine/v1/system.proto")
    #expect(
      Set(names) == ["autoengine/v1/system.proto", "autoengine/v1/common.proto", "google/protobuf/timestamp.proto"])
  }

  @Test func unknownNamesAnswerNotFoundWithAClearMessage() throws {
    let description = ServerDescription(index: try .contract(), services: Self.serviceNames)
    let symbol = description.answer(.with { $0.fileContainingSymbol = "autoengine.v1.Nope" })
    #expect(symbol.errorResponse.errorCode == 5)
    #expect(symbol.errorResponse.errorMessage.contains("no symbol named 'autoengine.v1.Nope'"))
    let file = description.answer(.with { $0.fileByFilename = "nope.proto" })
    #expect(file.errorResponse.errorCode == 5)
    #expect(file.errorResponse.errorMessage.contains("no file named 'nope.proto'"))
    let type = description.answer(.with { $0.allExtensionNumbersOfType = "autoengine.v1.Nope" })
    #expect(type.errorResponse.errorCode == 5)
    let empty = description.answer(Grpc_Reflection_V1_ServerReflectionRequest())
    #expect(empty.errorResponse.errorCode == 3)
  }

  @Test func extensionsOfAKnownTypeAreEmptyAndAnUnknownExtensionIsNotFound() throws {
    let description = ServerDescription(index: try .contract(), services: Self.serviceNames)
    let numbers = description.answer(.with { $0.allExtensionNumbersOfType = "autoengine.v1.CoinState" })
    #expect(numbers.allExtensionNumbersResponse.baseTypeName == "autoengine.v1.CoinState")
    #expect(numbers.allExtensionNumbersResponse.extensionNumber.isEmpty)
    let file = description.answer(
      .with {
        $0.fileContainingExtension = .with {
          $0.containingType = "autoengine.v1.CoinState"
          $0.extensionNumber = 100
        }
      })
    #expect(file.errorResponse.errorCode == 5)
  }

  @Test func serviceAnswersEachRequestOnTheStreamInOrderOverLoopback() async throws {
    try await withRunningServer { _, grpcPort, _ in
      try await withLoopbackClient(port: grpcPort) { client in
        let reflection = Grpc_Reflection_V1_ServerReflection.Client(wrapping: client)
        let responses = try await reflection.serverReflectionInfo { writer in
          try await writer.write(.with { $0.listServices = "" })
          try await writer.write(.with { $0.fileContainingSymbol = "grpc.reflection.v1.ServerReflection" })
          try await writer.write(.with { $0.fileContainingSymbol = "no.such.Symbol" })
        } onResponse: { response in
          var all: [Grpc_Reflection_V1_ServerReflectionResponse] = []
          for try await message in response.messages { all.append(message) }
          return all
        }
        try #require(responses.count == 3)
        #expect(Set(responses[0].listServicesResponse.service.map(\.name)) == Self.serviceNames)
        let file = try Google_Protobuf_FileDescriptorProto(
          serializedBytes: try #require(responses[1].fileDescriptorResponse.fileDescriptorProto.first))
        #expect(file.name == "grpc/reflection/v1/reflection.proto")
        #expect(responses[2].errorResponse.errorCode == 5)
      }
    }
  }
}
