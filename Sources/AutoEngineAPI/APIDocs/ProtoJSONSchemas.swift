import Foundation
import SwiftProtobuf

/// JSON Schemas (JSON Schema 2020-12, as OpenAPI 3.1 uses) of contract messages in their proto3
/// JSON mapping, generated from the contract's descriptors so that they cannot drift from it.
///
/// The mapping is the one swift-protobuf's JSON coding implements (protobuf.dev, "ProtoJSON
/// Format"): fields by their `json_name` (lowerCamelCase); 64-bit integers as decimal strings;
/// enums by value name; `bytes` as base64; repeated fields as arrays; maps as objects keyed by
/// the map key's text; `google.protobuf.Timestamp` as an RFC 3339 string, `Duration` as
/// seconds with an `s` suffix, wrappers as their bare value. Every field is optional in JSON
/// (proto3 leaves out fields at their default), so no schema lists required properties. Messages
/// and enums become components named without their package (`CoinState`, `Order.Side`…);
/// leading comments of the .proto become descriptions.
struct ProtoJSONSchemas {
  private struct Entry<Descriptor> {
    let descriptor: Descriptor
    /// The defining file's package, e.g. "autoengine.v1".
    let package: String
    /// The source-code-info path of the declaration in its file.
    let path: [Int32]
    let file: String
  }

  private var messages: [String: Entry<Google_Protobuf_DescriptorProto>] = [:]
  private var enums: [String: Entry<Google_Protobuf_EnumDescriptorProto>] = [:]
  /// Leading (else trailing) comments by file, then by source-code-info path.
  private var comments: [String: [[Int32]: String]] = [:]

  /// Indexes every message and enum of the descriptor set behind `index`.
  init(index: DescriptorIndex) {
    for (name, file) in index.files {
      let descriptor = file.descriptor
      let scope = descriptor.package.isEmpty ? "" : descriptor.package + "."
      for (position, message) in descriptor.messageType.enumerated() {
        add(message, scope: scope, path: [4, Int32(position)], file: name, package: descriptor.package)
      }
      for (position, type) in descriptor.enumType.enumerated() {
        enums[scope + type.name] = Entry(
          descriptor: type, package: descriptor.package, path: [5, Int32(position)], file: name)
      }
      var notes: [[Int32]: String] = [:]
      for location in descriptor.sourceCodeInfo.location {
        let text = location.leadingComments.isEmpty ? location.trailingComments : location.leadingComments
        let cleaned = text.split(separator: "\n", omittingEmptySubsequences: false)
          .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
          .trimmingCharacters(in: .whitespacesAndNewlines)
        if !cleaned.isEmpty { notes[location.path] = cleaned }
      }
      comments[name] = notes
    }
  }

  private mutating func add(
    _ message: Google_Protobuf_DescriptorProto, scope: String, path: [Int32], file: String, package: String
  ) {
    let name = scope + message.name
    messages[name] = Entry(descriptor: message, package: package, path: path, file: file)
    for (position, nested) in message.nestedType.enumerated() {
      add(nested, scope: name + ".", path: path + [3, Int32(position)], file: file, package: package)
    }
    for (position, type) in message.enumType.enumerated() {
      enums[name + "." + type.name] = Entry(
        descriptor: type, package: package, path: path + [4, Int32(position)], file: file)
    }
  }

  /// Whether `fullName` (no leading dot) is a message of the contract.
  func hasMessage(_ fullName: String) -> Bool { messages[fullName] != nil }

  /// The component name of a message or enum: its name within its package (`Order.Side`).
  func componentName(of fullName: String) -> String {
    let package = messages[fullName]?.package ?? enums[fullName]?.package ?? ""
    return package.isEmpty ? fullName : String(fullName.dropFirst(package.count + 1))
  }

  /// The leading comment of a message, or nil.
  func comment(ofMessage fullName: String) -> String? {
    messages[fullName].flatMap { comments[$0.file]?[$0.path] }
  }

  /// The schema that refers to message `fullName`: a `$ref` to its component, or the inline
  /// schema of a well-known type with a JSON form of its own (Timestamp…).
  func reference(toMessage fullName: String) -> JSONValue {
    wellKnown(fullName) ?? .object([("$ref", .string("#/components/schemas/\(componentName(of: fullName))"))])
  }

  /// The component schemas of `roots` and of every message and enum they refer to, directly or
  /// not, by component name in the order first reached.
  func components(for roots: [String]) -> [(String, JSONValue)] {
    var ordered: [(String, JSONValue)] = []
    var seen: Set<String> = []
    var pending = Array(roots.reversed())
    while let name = pending.popLast() {
      guard seen.insert(name).inserted, wellKnown(name) == nil else { continue }
      if let entry = enums[name] {
        ordered.append((componentName(of: name), enumSchema(entry)))
      } else if let entry = messages[name] {
        ordered.append((componentName(of: name), messageSchema(name, entry)))
        let referenced = entry.descriptor.field.compactMap { field in
          field.type == .message || field.type == .enum ? DescriptorIndex.unqualified(field.typeName) : nil
        }
        pending += referenced.reversed()
      }
    }
    return ordered
  }

  // MARK: - Schemas

  private func messageSchema(_ name: String, _ entry: Entry<Google_Protobuf_DescriptorProto>) -> JSONValue {
    let message = entry.descriptor
    var members: [(String, JSONValue)] = [("type", "object")]
    var description = comments[entry.file]?[entry.path] ?? ""
    var properties: [(String, JSONValue)] = []
    for (position, field) in message.field.enumerated() {
      var schema = fieldSchema(field)
      if let note = comments[entry.file]?[entry.path + [2, Int32(position)]] {
        schema = Self.adding("description", .string(note), to: schema)
      }
      properties.append((Self.jsonName(field), schema))
    }
    members.append(("properties", .object(properties)))
    // A real oneof (not the synthetic one of a proto3 `optional` field): at most one member set.
    var dependent: [(String, JSONValue)] = []
    for (position, oneof) in message.oneofDecl.enumerated() {
      let names = message.field.filter {
        $0.hasOneofIndex && $0.oneofIndex == Int32(position) && !$0.proto3Optional
      }.map(Self.jsonName)
      guard names.count > 1 else { continue }
      let list = names.map { "`\($0)`" }.joined(separator: ", ")
      description += (description.isEmpty ? "" : "\n\n") + "At most one of \(list) is set (oneof `\(oneof.name)`)."
      for member in names {
        let others = names.filter { $0 != member }.map { JSONValue.object([("required", [.string($0)])]) }
        dependent.append((member, .object([("not", .object([("anyOf", .array(others))]))])))
      }
    }
    if !dependent.isEmpty { members.append(("dependentSchemas", .object(dependent))) }
    if !description.isEmpty { members.insert(("description", .string(description)), at: 1) }
    return .object(members)
  }

  private func enumSchema(_ entry: Entry<Google_Protobuf_EnumDescriptorProto>) -> JSONValue {
    let values = entry.descriptor.value
    var lines: [String] = []
    if let note = comments[entry.file]?[entry.path] { lines.append(note + "\n") }
    for (position, value) in values.enumerated() {
      let note = comments[entry.file]?[entry.path + [2, Int32(position)]].map { ": " + $0 } ?? ""
      lines.append("- `\(value.name)`\(note.replacingOccurrences(of: "\n", with: " "))")
    }
    return .object([
      ("type", "string"), ("description", .string(lines.joined(separator: "\n"))),
      ("enum", .array(values.map { .string($0.name) })),
    ])
  }

  /// The schema of one field: its value's schema, as an array when repeated, as an object when
  /// a map.
  private func fieldSchema(_ field: Google_Protobuf_FieldDescriptorProto) -> JSONValue {
    if field.label == .repeated, field.type == .message,
      let entry = messages[DescriptorIndex.unqualified(field.typeName)]?.descriptor, entry.options.mapEntry,
      let value = entry.field.first(where: { $0.number == 2 })
    {
      return .object([("type", "object"), ("additionalProperties", singularSchema(value))])
    }
    let single = singularSchema(field)
    return field.label == .repeated ? .object([("type", "array"), ("items", single)]) : single
  }

  private func singularSchema(_ field: Google_Protobuf_FieldDescriptorProto) -> JSONValue {
    switch field.type {
    case .double: .object([("type", "number"), ("format", "double")])
    case .float: .object([("type", "number"), ("format", "float")])
    case .int32, .sint32, .sfixed32: .object([("type", "integer"), ("format", "int32"), ("examples", [0])])
    case .uint32, .fixed32:
      .object([("type", "integer"), ("minimum", 0), ("maximum", .integer(Int(UInt32.max))), ("examples", [0])])
    case .int64, .sint64, .sfixed64:
      .object([("type", "string"), ("pattern", "^-?[0-9]+$"), ("examples", ["0"])])
    case .uint64, .fixed64: .object([("type", "string"), ("pattern", "^[0-9]+$"), ("examples", ["0"])])
    case .bool: .object([("type", "boolean")])
    case .string: .object([("type", "string")])
    case .bytes: .object([("type", "string"), ("contentEncoding", "base64")])
    case .enum:
      .object([
        ("$ref", .string("#/components/schemas/\(componentName(of: DescriptorIndex.unqualified(field.typeName)))"))
      ])
    case .message, .group: reference(toMessage: DescriptorIndex.unqualified(field.typeName))
    }
  }

  /// The JSON form of a well-known type that is not an object of its fields; nil for others.
  private func wellKnown(_ fullName: String) -> JSONValue? {
    switch fullName {
    case "google.protobuf.Timestamp":
      .object([("type", "string"), ("format", "date-time"), ("examples", ["2025-01-13T22:26:51Z"])])
    case "google.protobuf.Duration": .object([("type", "string"), ("pattern", "^-?[0-9]+(\\.[0-9]{1,9})?s$")])
    case "google.protobuf.FieldMask": .object([("type", "string")])
    case "google.protobuf.Struct", "google.protobuf.Empty": .object([("type", "object")])
    case "google.protobuf.ListValue": .object([("type", "array")])
    case "google.protobuf.Value": .object([])
    default:
      // Wrappers (DoubleValue, StringValue…) are their bare `value`.
      if fullName.hasPrefix("google.protobuf."), fullName.hasSuffix("Value"),
        let value = messages[fullName]?.descriptor.field.first(where: { $0.name == "value" })
      {
        singularSchema(value)
      } else {
        nil
      }
    }
  }

  // MARK: - Names

  /// A field's proto3 JSON name: protoc's `json_name`, else the lowerCamelCase of its name.
  static func jsonName(_ field: Google_Protobuf_FieldDescriptorProto) -> String {
    if field.hasJsonName { return field.jsonName }
    var result = ""
    var upper = false
    for character in field.name {
      if character == "_" {
        upper = true
      } else {
        result += upper ? character.uppercased() : String(character)
        upper = false
      }
    }
    return result
  }

  /// `schema` with `key` set; a `$ref` keeps its target (JSON Schema 2020-12 allows siblings).
  static func adding(_ key: String, _ value: JSONValue, to schema: JSONValue) -> JSONValue {
    guard case .object(var members) = schema else { return schema }
    members.removeAll { $0.0 == key }
    members.append((key, value))
    return .object(members)
  }
}
