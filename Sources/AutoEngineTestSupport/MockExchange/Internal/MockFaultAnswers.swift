/// The answers of injected faults in each API family's error format.
enum MockFaultAnswers {
  static func rateLimited(_ family: MockRoute.Family, retryAfter: Int?) -> MockResponse {
    var answer: MockResponse
    switch family {
    case .binanceUS:
      answer = BinanceMockFormat.error(
        -1003, "Too many requests; current limit of IP(127.0.0.1) is 1200 requests per minute.", status: 429)
    case .coinbase:
      answer = .json(#"{"error":"RATE_LIMIT_EXCEEDED","message":"Too many requests"}"#, status: 429)
    case .swpc:
      answer = MockResponse(status: 429, headers: [("Content-Type", "text/plain")], body: "Too Many Requests")
    }
    if let retryAfter { answer.headers.append(("Retry-After", "\(retryAfter)")) }
    return answer
  }

  static func banned(_ family: MockRoute.Family, retryAfter: Int?) -> MockResponse {
    var answer: MockResponse
    switch family {
    case .binanceUS:
      answer = BinanceMockFormat.error(-1003, "Way too many requests; IP(127.0.0.1) banned.", status: 418)
    case .coinbase, .swpc:
      answer = .json(#"{"message":"I'm a teapot"}"#, status: 418)
    }
    if let retryAfter { answer.headers.append(("Retry-After", "\(retryAfter)")) }
    return answer
  }

  static func serverError(_ family: MockRoute.Family, status: Int) -> MockResponse {
    switch family {
    case .binanceUS:
      BinanceMockFormat.error(-1000, "An unknown error occurred while processing the request.", status: status)
    case .coinbase:
      .json(#"{"error":"INTERNAL","message":"internal error"}"#, status: status)
    case .swpc:
      MockResponse(
        status: status, headers: [("Content-Type", "text/html")],
        body: "<html><body><h1>\(status) Service Unavailable</h1></body></html>")
    }
  }

  /// The documented refusal of an order for lack of funds.
  static func orderRejected(_ family: MockRoute.Family) -> MockResponse {
    switch family {
    case .binanceUS:
      BinanceMockFormat.error(-2010, "Account has insufficient balance for requested action.")
    case .coinbase:
      CoinbaseMockOrderFormat.createFailure(
        error: "INSUFFICIENT_FUND", message: "Insufficient balance in source account",
        reason: "INSUFFICIENT_FUND")
    case .swpc:
      .json(#"{"message":"Bad Request"}"#, status: 400)
    }
  }

  static func malformedJSON(_ family: MockRoute.Family) -> MockResponse {
    switch family {
    case .coinbase: .json(#"{"products":[{"product_id":"BTC-USD","price":"650"#)
    case .binanceUS: .json(#"[{"symbol":"BTCUSDT","lastPrice":"650"#)
    case .swpc: .json(#"[{"time_tag":"2025-05-17T12:16:00Z","#)
    }
  }
}
