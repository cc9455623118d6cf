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

  static func malformedJSON(_ family: MockRoute.Family) -> MockResponse {
    switch family {
    case .coinbase: .json(#"{"products":[{"product_id":"BTC-USD","price":"650"#)
    case .binanceUS: .json(#"[{"symbol":"BTCUSDT","lastPrice":"650"#)
    case .swpc: .json(#"[{"time_tag":"2025-05-17T12:16:00Z","#)
    }
  }
}
