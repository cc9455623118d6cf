import Foundation
import SwiftProtobuf

/// The descriptors of the contract's .proto files, indexed the way server reflection asks for them.
///
/// Built once from a serialized `google.protobuf.FileDescriptorSet` (the generated
/// `ContractDescriptorSet`, which includes the imported well-known types): files by name, every
/// fully-qualified symbol (packages' messages and nested messages, enums and their values, fields,
/// oneofs, services, methods `pkg.Service.Method`, extensions) by the name of the file that defines
/// it, and extensions by the message they extend.
struct DescriptorIndex: Sendable {
  /// A file of the set: its parsed descriptor and its serialized form, as reflection sends it.
  struct File: Sendable {
    /// The parsed descriptor.
    let descriptor: Google_Protobuf_FileDescriptorProto
    /// The serialized `google.protobuf.FileDescriptorProto`.
    let serialized: Data
  }

  /// The files by name (e.g. "autoengine/v1/common.proto").
  private(set) var files: [String: File] = [:]
  /// The name of the defining file of every fully-qualified symbol (no leading dot).
  private(set) var symbols: [String: String] = [:]
  /// Fully-qualified names of every message type.
  private(set) var messageTypes: Set<String> = []
  /// Extensions by extended message type (no leading dot), then by field number: the defining file.
  private(set) var extensions: [String: [Int32: String]] = [:]

  /// The index of the contract's embedded descriptor set, decoded on first use.
  static func contract() throws -> DescriptorIndex { try decodedContract.get() }

  private static let decodedContract = Result {
    guard let bytes = Data(base64Encoded: ContractDescriptorSet.base64) else {
      throw DescriptorIndexError("ContractDescriptorSet.base64 is not valid base64: rerun scripts/generate-protos.sh")
    }
    return try DescriptorIndex(serializedSet: bytes)
  }

  /// Indexes a serialized `google.protobuf.FileDescriptorSet`.
  init(serializedSet: Data) throws {
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: serializedSet)
    for file in set.file {
      files[file.name] = File(descriptor: file, serialized: try file.serializedBytes())
      let scope = file.package.isEmpty ? "" : file.package + "."
      for message in file.messageType { index(message, scope: scope, file: file.name) }
      for type in file.enumType { index(type, scope: scope, file: file.name) }
      for field in file.extension { indexExtension(field, scope: scope, file: file.name) }
      for service in file.service {
        let name = scope + service.name
        define(name, in: file.name)
        for method in service.method { define(name + "." + method.name, in: file.name) }
      }
    }
  }

  /// The name of the file defining `symbol` (fully qualified, with or without a leading dot).
  func fileName(containingSymbol symbol: String) -> String? {
    symbols[symbol.hasPrefix(".") ? String(symbol.dropFirst()) : symbol]
  }

  /// The name of the file defining extension `number` of message type `extendee`.
  func fileName(containingExtension number: Int32, of extendee: String) -> String? {
    extensions[Self.unqualified(extendee)]?[number]
  }

  /// The extension numbers of message type `type`, ascending; nil when no such message type exists.
  func extensionNumbers(of type: String) -> [Int32]? {
    let name = Self.unqualified(type)
    guard messageTypes.contains(name) else { return nil }
    return (extensions[name] ?? [:]).keys.sorted()
  }

  /// `name` followed by every file it depends on, directly or not, each once; nil when unknown.
  ///
  /// The requested file comes first because clients (grpcurl among them) take the first
  /// descriptor of a response as the answer and the others as its dependencies.
  func dependencyClosure(of name: String) -> [String]? {
    guard files[name] != nil else { return nil }
    var ordered: [String] = [name]
    var seen: Set<String> = [name]
    var pending = [name]
    while let next = pending.popLast() {
      for dependency in files[next]?.descriptor.dependency ?? [] where seen.insert(dependency).inserted {
        ordered.append(dependency)
        pending.append(dependency)
      }
    }
    return ordered
  }

  /// The serialized descriptors of `name` and its dependencies, in `dependencyClosure` order.
  func serializedClosure(of name: String) -> [Data]? {
    dependencyClosure(of: name)?.compactMap { files[$0]?.serialized }
  }

  // MARK: - Building

  private mutating func define(_ symbol: String, in file: String) {
    if symbols[symbol] == nil { symbols[symbol] = file }
  }

  private mutating func index(_ message: Google_Protobuf_DescriptorProto, scope: String, file: String) {
    let name = scope + message.name
    define(name, in: file)
    messageTypes.insert(name)
    let inner = name + "."
    for field in message.field { define(inner + field.name, in: file) }
    for oneof in message.oneofDecl { define(inner + oneof.name, in: file) }
    for nested in message.nestedType { index(nested, scope: inner, file: file) }
    for type in message.enumType { index(type, scope: inner, file: file) }
    for field in message.extension { indexExtension(field, scope: inner, file: file) }
  }

  /// An enum and its values; as in protobuf's scoping, values are siblings of their enum.
  private mutating func index(_ type: Google_Protobuf_EnumDescriptorProto, scope: String, file: String) {
    define(scope + type.name, in: file)
    for value in type.value { define(scope + value.name, in: file) }
  }

  private mutating func indexExtension(_ field: Google_Protobuf_FieldDescriptorProto, scope: String, file: String) {
    define(scope + field.name, in: file)
    extensions[Self.unqualified(field.extendee), default: [:]][field.number] = file
  }

  /// A type name without the leading dot that descriptors use for fully-qualified references.
  static func unqualified(_ name: String) -> String {
    name.hasPrefix(".") ? String(name.dropFirst()) : name
  }
}

extension DescriptorIndex: CustomStringConvertible {
  /// A one-line summary (the full index runs to thousands of symbols).
  var description: String { "DescriptorIndex(\(files.count) files, \(symbols.count) symbols)" }
}

/// The embedded descriptor set could not be read.
struct DescriptorIndexError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
