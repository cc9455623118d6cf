import AutoEngineRuntime
import HTTPTypes

/// One route of the REST bridge as the documentation states it: path, method, parameters,
/// bodies, the errors it can answer and who may call it.
///
/// `RESTRouteTable.all` lists every route the router serves; the OpenAPI document is built from
/// it and the router's 405 answers too, and the tests check the router against it.
struct RESTRoute: Sendable {
  /// Who may call a route (enforced by `BearerTokenMiddleware`, stated here for the document).
  enum Access: Sendable {
    /// Never needs the token: health, metrics and the documentation.
    case open
    /// A read: needs the token only with `server.require_token_for_reads`.
    case read
    /// Changes state: always needs the token.
    case changesState
  }

  /// What a successful call answers.
  enum Answer: Sendable {
    /// The proto3 JSON of a contract message (full name, e.g. "autoengine.v1.CoinState").
    case message(String)
    /// Server-Sent Events whose `data:` lines are the proto3 JSON of a contract message.
    case eventStream(String)
    /// The Prometheus text exposition format.
    case prometheusText
    /// An HTML page.
    case html
    /// This OpenAPI document.
    case openAPIDocument
    /// A vendored static file (JavaScript or CSS).
    case asset
  }

  /// A path or query parameter.
  struct Parameter: Sendable {
    /// The name as written in the path (`{symbol}`) or query.
    var name: String
    /// Whether it is a path parameter (always required) rather than a query parameter.
    var inPath: Bool = false
    /// What it selects, for a person.
    var description: String
    /// Its JSON Schema.
    var schema: JSONValue = .object([("type", "string")])
    /// A value the documentation shows and the probes of the tests send.
    var example: String
  }

  var method: HTTPRequest.Method
  /// The path in router syntax, which is also OpenAPI's: `/api/coinstate/{symbol}`.
  var path: String
  /// A unique lowerCamelCase name, e.g. `getCoinState`.
  var operationID: String
  /// The group the viewers show it in.
  var tag: String
  var summary: String
  /// Details in Markdown; empty for none.
  var description: String = ""
  var parameters: [Parameter] = []
  /// The contract message of the JSON request body (full name); nil when the body is ignored.
  var requestBody: String? = nil
  var answer: Answer
  /// Whether the answer comes with 503 (same body) while the system is not serving (health).
  var answers503WhenNotServing = false
  /// The engine errors the route's call can answer beyond the ones every route may (401 by its
  /// access, 413 for a body over the limit, 500 for a bug).
  var errors: [EngineError.Code] = []
  var access: Access
}

extension RESTRoute.Parameter {
  /// `{symbol}`: a coin by its exchange symbol.
  static let symbol = Self(
    name: "symbol", inPath: true,
    description:
      "A coin's exchange symbol (`BTC-USD` on Coinbase, `BTCUSDT` on Binance.US); `GET /api/coins` lists them.",
    example: "BTC-USD")

  /// `?symbols=`: a comma-separated selection of coins.
  static let symbols = Self(
    name: "symbols", description: "Comma-separated exchange symbols to select; absent for every coin.",
    example: "BTC-USD,ETHUSDT")

  /// `?exchange=`: one exchange's coins.
  static let exchange = Self(
    name: "exchange", description: "Only the coins of this exchange.",
    schema: .object([("type", "string"), ("enum", ["coinbase", "binanceus"])]), example: "coinbase")

  /// `?heartbeat=`: seconds between heartbeats of an idle stream.
  static let heartbeat = Self(
    name: "heartbeat", description: "Seconds between heartbeat comments on an idle stream (default 15).",
    schema: .object([("type", "integer"), ("minimum", 1)]), example: "15")

  /// A boolean query flag (`true`, `1` or `yes` set it).
  static func flag(_ name: String, _ description: String) -> Self {
    Self(name: name, description: description, schema: .object([("type", "boolean")]), example: "true")
  }

  /// `?limit=`: page size.
  static let limit = Self(
    name: "limit", description: "Most items to return, 1–1000; absent or 0 for 100.",
    schema: .object([("type", "integer"), ("minimum", 0), ("maximum", 1000)]), example: "100")

  /// `?pageToken=`: continue a listing.
  static let pageToken = Self(
    name: "pageToken", description: "Continue after a previous page (its `nextPageToken`).", example: "")

  /// `?symbol=`: one coin of a trading listing.
  static let oneSymbol = Self(
    name: "symbol", description: "Only this coin's items (exchange symbol); absent for all.", example: "BTCUSDT")
}
