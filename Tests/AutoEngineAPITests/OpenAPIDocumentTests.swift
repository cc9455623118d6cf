import AsyncHTTPClient
import AutoEngineRuntime
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// `/openapi.json`, `/docs` and `/redoc` against a real server over loopback.
@Suite struct OpenAPIDocumentTests {
  static let token = "openapi-token"

  /// An answer of the server: status, headers, the body (the first chunk only for event streams).
  struct Answer {
    let status: Int
    let contentType: String
    let cacheControl: String
    let body: String
  }

  /// Sends one request; for an event stream, stops reading after the first chunk.
  static func call(
    _ port: Int, _ path: String, method: HTTPMethod = .GET, token: String? = nil, body: String? = nil
  ) async throws -> Answer {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.method = method
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body { request.body = .bytes(ByteBuffer(string: body)) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let contentType = response.headers.first(name: "content-type") ?? ""
    var text = ""
    for try await chunk in response.body {
      text += String(buffer: chunk)
      if contentType.hasPrefix("text/event-stream") { break }
    }
    return Answer(
      status: Int(response.status.code), contentType: contentType,
      cacheControl: response.headers.first(name: "cache-control") ?? "", body: text)
  }

  /// The fetched document as a JSON object.
  static func document(_ port: Int) async throws -> (answer: Answer, json: [String: Any]) {
    let answer = try await call(port, "/openapi.json")
    let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
    return (answer, try #require(json, "/openapi.json is not a JSON object"))
  }

  @Test func documentIsValidOpenAPI31UnderTheStandardValidator() async throws {
    let validator = try Self.validator()
    try await withRunningServer { _, _, httpPort in
      let (answer, json) = try await Self.document(httpPort)
      #expect(answer.status == 200)
      #expect(answer.contentType == "application/json; charset=utf-8")
      #expect(json["openapi"] as? String == "3.1.0")
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString).json")
      try Data(answer.body.utf8).write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let process = try ChildProcess(
        executable: validator, arguments: ["--schema", "3.1", "--validation-errors", "all", file.path])
      defer { process.kill() }
      let status = try await process.waitForExit(seconds: 120)
      #expect(
        status == 0,
        "openapi-spec-validator refused /openapi.json:\n\(process.standardOutput())\n\(process.standardError())")
      // The bytes are encoded once: a second fetch answers the very same document.
      #expect(try await Self.call(httpPort, "/openapi.json").body == answer.body)
    }
  }

  @Test func documentListsExactlyTheRoutesTheRouterServes() async throws {
    let router = RESTRouter.build(engine: Engine())
    let served = Set(RESTRouter.servedRoutes.map { "\($0.0.rawValue) \($0.1)" })
    // Every path the built router knows is in the table (the other methods there answer 405).
    let routerPaths = Set(router.routes.map(\.path.description))
    #expect(routerPaths == Set(RESTRouter.servedRoutes.map(\.1)))
    let others = router.routes.map { ($0.method.rawValue, $0.path.description) }.filter {
      !served.contains("\($0.0) \($0.1)")
    }
    try await withRunningServer(access: APIAccessPolicy(token: Self.token)) { _, _, httpPort in
      let (_, json) = try await Self.document(httpPort)
      let paths = try #require(json["paths"] as? [String: [String: Any]])
      let documented = Set(
        paths.flatMap { path, item in
          item.keys.filter { $0 != "description" && $0 != "summary" }.map { "\($0.uppercased()) \(path)" }
        })
      #expect(documented == served)
      // The router's other method-path pairs are its 405 answers.
      for (method, template) in others {
        let path = template.replacingOccurrences(of: "{symbol}", with: "BTCUSDT")
          .replacingOccurrences(of: "{asset}", with: "swagger-ui.css")
        let answer = try await Self.call(
          httpPort, path, method: HTTPMethod(rawValue: method), token: Self.token)
        #expect(answer.status == 405, "\(method) \(path) answered \(answer.status), not 405")
      }
    }
  }

  @Test func everyDocumentedOperationIsServedAndAnswersADocumentedStatus() async throws {
    let trading = try await PaperTrading.make()
    let access = APIAccessPolicy(token: Self.token, requireTokenForReads: true)
    try await withRunningServer(engine: trading.engine, access: access) { _, _, httpPort in
      let (_, json) = try await Self.document(httpPort)
      let paths = try #require(json["paths"] as? [String: [String: Any]])
      var probed = 0
      for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
        for (method, value) in item where method != "description" {
          let operation = try #require(value as? [String: Any])
          var path = template
          for parameter in operation["parameters"] as? [[String: Any]] ?? [] where parameter["in"] as? String == "path"
          {
            let name = try #require(parameter["name"] as? String)
            path = path.replacingOccurrences(of: "{\(name)}", with: try #require(parameter["example"] as? String))
          }
          let responses = try #require(operation["responses"] as? [String: Any])
          let security = operation["security"] as? [[String: Any]] ?? []
          let httpMethod = HTTPMethod(rawValue: method.uppercased())
          let answer = try await Self.call(httpPort, path, method: httpMethod, token: Self.token)
          #expect(
            !(answer.status == 404 && answer.body.contains("no such path")), "\(method) \(path) is not served")
          #expect(
            responses[String(answer.status)] != nil,
            "\(method) \(path) answered \(answer.status), which the document does not list: \(answer.body)")
          // Without the token: 401 exactly where the document asks for the bearer scheme.
          let anonymous = try await Self.call(httpPort, path, method: httpMethod)
          #expect(
            (anonymous.status == 401) == !security.isEmpty,
            "\(method) \(path) without a token answered \(anonymous.status); security \(security)")
          probed += 1
        }
      }
      #expect(probed == RESTRouter.servedRoutes.count)
    }
  }

  @Test func docsAndRedocRenderTheDocumentFromAssetsOfThisServer() async throws {
    try await withRunningServer { _, _, httpPort in
      for page in ["/docs", "/redoc"] {
        let answer = try await Self.call(httpPort, page)
        #expect(answer.status == 200)
        #expect(answer.contentType == "text/html; charset=utf-8")
        #expect(answer.body.contains("\"/openapi.json\""), "\(page) does not load /openapi.json")
        let references = try Regex(#"(?:src|href)="([^"]+)""#)
        let assets = answer.body.matches(of: references).map { String($0.output[1].substring ?? "") }
        #expect(!assets.isEmpty)
        #expect(!answer.body.contains("http://") && !answer.body.contains("https://"), "\(page) reaches outside")
        for asset in assets {
          let file = try await Self.call(httpPort, asset)
          #expect(file.status == 200, "\(asset) of \(page) answered \(file.status)")
          let expected = asset.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
          #expect(file.contentType == expected, "\(asset) is served as \(file.contentType)")
          #expect(file.cacheControl == "public, max-age=86400")
          #expect(file.body.count > 100_000, "\(asset) is only \(file.body.count) bytes")
        }
      }
      let missing = try await Self.call(httpPort, "/docs/assets/nope.js")
      #expect(missing.status == 404 && missing.body.contains("swagger-ui-bundle.js"))
    }
  }

  @Test func schemasCarryTheProto3JSONNamesAndTypes() throws {
    let document = try OpenAPIDocument.build(routes: RESTRouteTable.all, version: "test")
    let schemas = try #require(document["components"]?["schemas"])
    // A sample of each schema, every property set to a non-default value of the schema's type,
    // goes through swift-protobuf's own JSON coding and comes back with the same field names.
    let messages: [(String, any SwiftProtobuf.Message.Type)] = [
      ("CoinState", Autoengine_V1_CoinState.self), ("CoinStateUpdate", Autoengine_V1_CoinStateUpdate.self),
      ("Indicators", Autoengine_V1_Indicators.self), ("PlaceOrderRequest", Autoengine_V1_PlaceOrderRequest.self),
      ("Order", Autoengine_V1_Order.self), ("SystemStatus", Autoengine_V1_SystemStatus.self),
    ]
    for (name, type) in messages {
      let schema = try #require(schemas[name], "no schema \(name)")
      let sample = try JSONSerialization.data(withJSONObject: Self.sample(schema, schemas))
      let decoded = try type.init(jsonUTF8Data: sample)
      let encoded = try JSONSerialization.jsonObject(with: try decoded.jsonUTF8Data()) as? [String: Any]
      let names = schema["properties"]?.objectMembers.map(\.0) ?? []
      #expect(Set(try #require(encoded).keys) == Set(names), "\(name): swift-protobuf's names differ")
    }
    guard case .object(let properties) = try #require(schemas["CoinState"]?["properties"]) else {
      Issue.record("CoinState has no properties")
      return
    }
    #expect(properties.map(\.0).prefix(3) == ["symbol", "exchange", "baseAsset"], "not in field order")
    #expect(schemas["CoinState"]?["properties"]?["signal"]?["$ref"] == "#/components/schemas/AggregatedSignal")
    #expect(schemas["CoinState"]?["properties"]?["exchange"]?["$ref"] == "#/components/schemas/Exchange")
    #expect(schemas["Exchange"]?["type"] == "string")
    // uint64 as a decimal string, Timestamp as RFC 3339, map as an object, repeated as an array.
    let update = schemas["CoinStateUpdate"]?["properties"]
    #expect(update?["sequence"]?["type"] == "string")
    #expect(update?["tickTime"]?["format"] == "date-time")
    #expect(update?["states"]?["items"]?["$ref"] == "#/components/schemas/CoinState")
    let maps = try #require(
      schemas.objectMembers.first { $0.1["properties"]?["perExchange"] != nil }?.1["properties"]?["perExchange"])
    #expect(maps["type"] == "object" && maps["additionalProperties"]?["type"] == "integer")
    // The oneof of a trade event: at most one of its members.
    #expect(schemas["TradeEvent"]?["dependentSchemas"]?["order"] != nil)
  }

  /// A JSON value that `schema` describes, with every property of an object set and not at its
  /// default: enums take their last value, lists one item, maps one entry; a referenced message
  /// is `{}` (one level is enough to check the names).
  static func sample(_ schema: JSONValue, _ schemas: JSONValue) -> Any {
    if case .string(let reference)? = schema["$ref"] {
      let target = schemas[String(reference.dropFirst("#/components/schemas/".count))]
      if case .array(let values)? = target?["enum"], case .string(let last)? = values.last { return last }
      return [String: Any]()
    }
    switch schema["type"] {
    case "string":
      if schema["format"] == "date-time" { return "2025-01-13T22:26:51Z" }
      return schema["pattern"] == nil ? "x" : "7"
    case "integer": return 7
    case "number": return 1.5
    case "boolean": return true
    case "array": return [schema["items"].map { sample($0, schemas) } ?? "x"]
    default:
      if let value = schema["additionalProperties"] { return ["k": sample(value, schemas)] }
      var object: [String: Any] = [:]
      for (name, property) in schema["properties"]?.objectMembers ?? [] { object[name] = sample(property, schemas) }
      return object
    }
  }

  /// openapi-spec-validator on PATH or in the package's .venv (scripts/test.sh installs it).
  static func validator() throws -> URL {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let candidates =
      (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map {
        URL(fileURLWithPath: String($0)).appendingPathComponent("openapi-spec-validator")
      } + [packageRoot.appendingPathComponent(".venv/bin/openapi-spec-validator")]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      throw ChildProcessError(
        "openapi-spec-validator is not on PATH nor in .venv/bin: run the tests with scripts/test.sh, which "
          + "installs it (pip install openapi-spec-validator into .venv)")
    }
    return found
  }
}

extension JSONValue {
  /// The members of an object; empty for other values.
  fileprivate var objectMembers: [(String, JSONValue)] {
    if case .object(let members) = self { members } else { [] }
  }
}
