public import FoundationEssentials

/// A fault the mock exchange injects into the answer of one endpoint, on demand
/// (`MockExchangeState.inject(_:on:times:)`).
///
/// A missing symbol is not a fault but a market the mock does not serve
/// (`MockExchangeState.remove(symbol:on:)`): Binance.US then answers a request naming it with
/// `-1121 Invalid symbol.`, Coinbase leaves it out of the products list and answers 404 for it alone.
public enum MockFault: Hashable, Sendable {
  /// HTTP 429 with `Retry-After: seconds` (no header when nil) and the family's error body
  /// (Binance.US `{"code":-1003,…}`).
  case rateLimited(retryAfterSeconds: Int?)
  /// HTTP 418 (IP banned) with `Retry-After: seconds` when given.
  case banned(retryAfterSeconds: Int?)
  /// HTTP `status` (500, 502, 503, 504) with the family's error body.
  case serverError(status: Int)
  /// The normal answer after `seconds` of real time (longer than the client's timeout: a timeout).
  case delay(seconds: Double)
  /// HTTP 200 with a body that is not valid JSON (cut off in the middle).
  case malformedJSON
  /// Any answer: `status` and `body` as given (e.g. a documented shape with a garbage number).
  case respond(status: Int, body: String)
  /// Before answering, every price of the route's exchange jumps by `percent` (−100 < percent),
  /// and stays there: a price gap.
  case priceGap(percent: Decimal)
  /// An order endpoint refuses the order with the family's documented body, without placing it:
  /// Binance.US HTTP 400 `{"code":-2010,"msg":"Account has insufficient balance for requested
  /// action."}`, Coinbase `{"success":false,"error_response":{"error":"INSUFFICIENT_FUND",…}}`.
  case rejectOrder
  /// The request is carried out (an order is placed, a cancel done), then answered with HTTP
  /// `status` (5xx) and the family's error body: the client sees an unknown outcome.
  case acceptThenFail(status: Int)
  /// The request is carried out, then its answer waits `seconds` of real time (longer than the
  /// client's timeout: the answer is lost to the client).
  case acceptThenDelay(seconds: Double)
}

/// A fault waiting in an endpoint's queue: injected `remaining` more times (nil: until cleared).
struct ScheduledFault: Sendable {
  var fault: MockFault
  var remaining: Int?
}
