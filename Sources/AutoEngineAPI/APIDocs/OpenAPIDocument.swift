import AutoEngineRuntime
import HTTPTypes

/// The OpenAPI 3.1 document of the REST bridge, built from `RESTRouteTable` and the contract's
/// descriptors: every path, method, parameter, body and answer, the errors as they really occur
/// (statuses from `EngineError`'s one HTTP mapping) and the bearer-token scheme.
enum OpenAPIDocument {
  /// The document as a JSON tree.
  ///
  /// - Parameters:
  ///   - routes: the routes to describe, in the order to show them.
  ///   - version: the server version, as `info.version`.
  static func build(routes: [RESTRoute], version: String) throws -> JSONValue {
    let schemas = ProtoJSONSchemas(index: try DescriptorIndex.contract())
    var paths: [(String, JSONValue)] = []
    for path in ordered(routes.map(\.path)) {
      let routesOfPath = routes.filter { $0.path == path }
      let methods = routesOfPath.map(\.method.rawValue).joined(separator: ", ")
      var item: [(String, JSONValue)] = [
        ("description", .string("Other methods answer 405 `METHOD_NOT_ALLOWED` naming \(methods)."))
      ]
      for route in routesOfPath {
        item.append((route.method.rawValue.lowercased(), operation(route, schemas: schemas)))
      }
      paths.append((path, .object(item)))
    }
    let messages = routes.flatMap { route -> [String] in
      var names = route.requestBody.map { [$0] } ?? []
      switch route.answer {
      case .message(let name), .eventStream(let name): names.append(name)
      case .prometheusText, .html, .openAPIDocument, .asset: break
      }
      return names
    }
    return .object([
      ("openapi", "3.1.0"),
      (
        "info",
        .object([
          ("title", "CRYPTO AUTOENGINE REST API"), ("version", .string(version)),
          ("description", .string(overview)),
        ])
      ),
      ("servers", [.object([("url", "/")])]),
      ("tags", .array(ordered(routes.map(\.tag)).map { .object([("name", .string($0))]) })),
      ("paths", .object(paths)),
      (
        "components",
        .object([
          ("schemas", .object([("Error", errorSchema)] + schemas.components(for: messages))),
          (
            "securitySchemes",
            .object([
              (
                "bearerAuth",
                .object([
                  ("type", "http"), ("scheme", "bearer"),
                  ("description", "The server's API token (`AUTOENGINE_API_TOKEN` or `server.api_token`)."),
                ])
              )
            ])
          ),
        ])
      ),
    ])
  }

  private static let overview = """
    The REST/JSON bridge of the engine: the same calls as the gRPC services, with bodies in the \
    proto3 JSON mapping of the same messages (lowerCamelCase fields, 64-bit integers as strings, \
    enums by name, times in RFC 3339; fields at their default value are left out).

    Errors answer `{"code","message"}` with the matching HTTP status; an unknown path answers 404, \
    a known path with another method 405, a body over `server.max_request_bytes` 413. Calls that \
    change state need `Authorization: Bearer <token>`; reads need it only with \
    `server.require_token_for_reads`.
    """

  private static let errorSchema: JSONValue = .object([
    ("type", "object"), ("description", "The body of every error answer."),
    ("required", ["code", "message"]),
    (
      "properties",
      .object([
        (
          "code",
          .object([
            ("type", "string"), ("description", "What to do about it (`EngineError.Code`)."),
            ("enum", .array(EngineError.Code.allCases.map { .string($0.rawValue) })),
          ])
        ),
        ("message", .object([("type", "string"), ("description", "A sentence for a person naming the problem.")])),
      ])
    ),
  ])

  private static func operation(_ route: RESTRoute, schemas: ProtoJSONSchemas) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("operationId", .string(route.operationID)), ("tags", [.string(route.tag)]), ("summary", .string(route.summary)),
    ]
    if !route.description.isEmpty { members.append(("description", .string(route.description))) }
    if !route.parameters.isEmpty {
      members.append(("parameters", .array(route.parameters.map(parameter))))
    }
    if let body = route.requestBody {
      members.append(
        (
          "requestBody",
          .object([
            ("required", true),
            ("content", .object([("application/json", .object([("schema", schemas.reference(toMessage: body))]))])),
          ])
        ))
    }
    members.append(("responses", responses(route, schemas: schemas)))
    switch route.access {
    case .open: members.append(("security", []))
    case .read: members.append(("security", [.object([]), .object([("bearerAuth", [])])]))
    case .changesState: members.append(("security", [.object([("bearerAuth", [])])]))
    }
    return .object(members)
  }

  private static func parameter(_ parameter: RESTRoute.Parameter) -> JSONValue {
    .object([
      ("name", .string(parameter.name)), ("in", .string(parameter.inPath ? "path" : "query")),
      ("required", .bool(parameter.inPath)), ("description", .string(parameter.description)),
      ("schema", parameter.schema), ("example", .string(parameter.example)),
    ])
  }

  private static func responses(_ route: RESTRoute, schemas: ProtoJSONSchemas) -> JSONValue {
    var answers: [(String, JSONValue)] = [("200", success(route, schemas: schemas))]
    if route.answers503WhenNotServing, case .message(let name) = route.answer {
      answers.append(
        (
          "503",
          .object([
            ("description", "A component is not serving (or the system is stopped); the same report."),
            ("content", .object([("application/json", .object([("schema", schemas.reference(toMessage: name))]))])),
          ])
        ))
    }
    var codes = route.errors + [.requestTooLarge]
    if route.access != .open { codes.append(.unauthenticated) }
    let byStatus = Dictionary(grouping: Set(codes), by: { EngineError($0, "").status.code })
    for status in byStatus.keys.sorted() {
      let meaning = (byStatus[status] ?? []).sorted { $0.rawValue < $1.rawValue }
        .map { "`\($0.rawValue)`: \(errorMeaning($0, route: route))" }.joined(separator: "; ")
      answers.append((String(status), errorAnswer(meaning)))
    }
    answers.append(("default", errorAnswer("`INTERNAL`: an unexpected failure (500).")))
    return .object(answers)
  }

  private static func errorAnswer(_ description: String) -> JSONValue {
    .object([
      ("description", .string(description)),
      (
        "content",
        .object([("application/json", .object([("schema", .object([("$ref", "#/components/schemas/Error")]))]))])
      ),
    ])
  }

  private static func success(_ route: RESTRoute, schemas: ProtoJSONSchemas) -> JSONValue {
    func content(_ type: String, _ schema: JSONValue) -> JSONValue { .object([(type, .object([("schema", schema)]))]) }
    let text = JSONValue.object([("type", "string")])
    switch route.answer {
    case .message(let name):
      return .object([
        ("description", .string(schemas.comment(ofMessage: name) ?? schemas.componentName(of: name))),
        ("content", content("application/json", schemas.reference(toMessage: name))),
      ])
    case .eventStream(let name):
      let component = schemas.componentName(of: name)
      return .object([
        (
          "description",
          .string(
            "Server-Sent Events; each `data:` line is the JSON of one `\(component)` (see its schema)."
          )
        ),
        ("content", content("text/event-stream", text)),
      ])
    case .prometheusText:
      return .object([
        ("description", "Prometheus text exposition format 0.0.4."), ("content", content("text/plain", text)),
      ])
    case .html:
      return .object([("description", "An HTML page."), ("content", content("text/html", text))])
    case .openAPIDocument:
      return .object([
        ("description", "This document."), ("content", content("application/json", .object([("type", "object")]))),
      ])
    case .asset:
      return .object([
        ("description", "The file: a script or a stylesheet."),
        (
          "content",
          .object([
            ("text/javascript", .object([("schema", text)])), ("text/css", .object([("schema", text)])),
          ])
        ),
      ])
    }
  }

  /// What an error code means on `route`, for the response's description.
  private static func errorMeaning(_ code: EngineError.Code, route: RESTRoute) -> String {
    switch code {
    case .invalidArgument: "a malformed query or body; the message names the problem"
    case .notFound:
      route.path.hasPrefix("/docs/") ? "no such asset" : "an unknown symbol; the message says how to list the coins"
    case .conflict: "the request conflicts with the current state"
    case .unauthenticated:
      route.access == .changesState
        ? "the bearer token is missing or wrong, or the server has none configured"
        : "the bearer token is missing or wrong (only with `server.require_token_for_reads`)"
    case .insufficientFunds: "not enough balance for the order"
    case .retryLater: "the exchange's rate budget is exhausted; retry later"
    case .requestTooLarge: "the request is larger than `server.max_request_bytes`"
    case .unavailable:
      route.path.hasPrefix("/docs/")
        ? "the assets are not installed beside the executable"
        : "the exchange or the journal (on an API replica: the engine) is unavailable right now"
    case .fixConfiguration:
      "trading is not enabled on this server, an API replica has no `--engine-address`, or the configuration forbids the call"
    case .wrongMethod: "another method is needed"
    case .notImplemented: "not available in this version"
    case .internal: "an unexpected failure"
    }
  }

  /// `values` without repeats, in the order first seen.
  private static func ordered(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }
}
