import AsyncHTTPClient
import AutoEngineCore
import AutoEngineRuntime
import Foundation
import NIOCore
import NIOHTTP1
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// The `/api/trading` REST bridge over a real socket, on a paper desk with an in-memory journal.
@Suite struct TradingRESTTests {
  /// One REST call's status, error code (for errors) and body.
  struct Answer {
    var status: Int
    var body: String

    /// The `code` of an error body, or "".
    var code: String {
      (try? JSONDecoder().decode(ErrorBody.self, from: Data(body.utf8)).code) ?? ""
    }
  }

  /// A client of the REST listener on `port`.
  struct Client: Sendable {
    let port: Int

    func call(_ method: HTTPMethod, _ path: String, body: String? = nil, token: Bool = true) async throws -> Answer {
      var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
      request.method = method
      if token { request.headers.add(name: "Authorization", value: "Bearer \(TradingGRPCTests.token)") }
      if let body { request.body = .bytes(ByteBuffer(string: body)) }
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
      let bytes = try await response.body.collect(upTo: 1 << 20)
      return Answer(status: Int(response.status.code), body: String(buffer: bytes))
    }
  }

  private func withREST(_ body: @Sendable (PaperTrading, Client) async throws -> Void) async throws {
    let trading = try await PaperTrading.make()
    await trading.observe(["BTCUSDT": 50_000, "ETH-USD": 3_000])
    try await withRunningServer(engine: trading.engine, access: TradingGRPCTests.access) { _, _, httpPort in
      try await body(trading, Client(port: httpPort))
    }
  }

  @Test func ordersWrittenAsAPersonWouldArePlacedListedAndCancelled() async throws {
    try await withREST { _, client in
      let market = try await client.call(.POST, "/api/trading/order", body: PlaceOrderBody.example)
      #expect(market.status == 200)
      let filled = try Autoengine_V1_Order(jsonString: market.body)
      #expect(filled.status == .filled && filled.symbol == "BTCUSDT" && filled.quoteAmount == "10")
      let limitBody =
        #"{"symbol":"btcusdt","side":"buy","type":"LIMIT","quoteAmount":"20","limitPrice":"40000","clientOrderId":"rest-1"}"#
      let limit = try Autoengine_V1_Order(
        jsonString: try await client.call(.POST, "/api/trading/order", body: limitBody).body)
      #expect(limit.status == .open && limit.clientOrderID == "rest-1" && limit.type == .limit)
      let retried = try await client.call(.POST, "/api/trading/order", body: limitBody)
      #expect(try Autoengine_V1_Order(jsonString: retried.body).clientOrderID == "rest-1")

      let info = try Autoengine_V1_TradingInfo(
        jsonString: try await client.call(.GET, "/api/trading", token: false).body)
      #expect(
        info.mode == .paper && info.totals.tradesAttempted == 2 && info.openOrders.map(\.clientOrderID) == ["rest-1"])
      func orders(_ query: String) async throws -> [String] {
        let answer = try await client.call(.GET, "/api/trading/orders\(query)", token: false)
        return try Autoengine_V1_ListOrdersResponse(jsonString: answer.body).orders.map(\.clientOrderID)
      }
      #expect(try await orders("") == ["rest-1", filled.clientOrderID])
      #expect(try await orders("?status=open") == ["rest-1"])
      #expect(try await orders("?status=ORDER_STATUS_FILLED,open&limit=10") == ["rest-1", filled.clientOrderID])
      #expect(try await orders("?openOnly=true&symbol=BTCUSDT") == ["rest-1"])
      #expect(try await orders("?limit=1").count == 1)
      let positions = try await client.call(.GET, "/api/trading/positions?symbol=BTCUSDT&includeClosed=true")
      #expect(
        try Autoengine_V1_ListPositionsResponse(jsonString: positions.body).positions.map(\.symbol) == ["BTCUSDT"])
      let trades = try await client.call(.GET, "/api/trading/trades?outcome=executed&since=2020-01-01T00:00:00Z")
      #expect(try Autoengine_V1_ListTradesResponse(jsonString: trades.body).trades.count == 2)
      let later = try await client.call(.GET, "/api/trading/trades?since=4102444800")
      #expect(try Autoengine_V1_ListTradesResponse(jsonString: later.body).trades.isEmpty)

      let cancelled = try await client.call(.POST, "/api/trading/cancel/BTCUSDT")
      #expect(cancelled.status == 200)
      #expect(
        try Autoengine_V1_CancelOrdersResponse(jsonString: cancelled.body).cancelled.map(\.status) == [.cancelled])
      let unknown = try await client.call(.POST, "/api/trading/cancel/NOPE-USD")
      #expect(unknown.status == 404 && unknown.code == "NOT_FOUND" && unknown.body.contains("NOPE-USD"))
      let all = try await client.call(.POST, "/api/trading/cancel-all")
      #expect(all.status == 200 && all.body == "{}")
    }
  }

  @Test func badRequestsAnswerWithAMessageNamingTheProblem() async throws {
    try await withREST { _, client in
      let order = "/api/trading/order"
      let unauthenticated = try await client.call(.POST, order, body: PlaceOrderBody.example, token: false)
      #expect(unauthenticated.status == 401 && unauthenticated.code == "UNAUTHENTICATED")
      let unknown = try await client.call(.POST, order, body: #"{"symbol":"DOGEEUR","side":"BUY","quoteAmount":"10"}"#)
      #expect(unknown.status == 404 && unknown.body.contains("DOGEEUR"))
      let both = try await client.call(
        .POST, order, body: #"{"symbol":"BTCUSDT","side":"BUY","quoteAmount":"10","baseAmount":"0.001"}"#)
      #expect(both.status == 400 && both.code == "INVALID_ARGUMENT" && both.body.contains("exactly one"))
      let ten = try await client.call(.POST, order, body: #"{"symbol":"BTCUSDT","side":"BUY","quoteAmount":"ten"}"#)
      #expect(ten.status == 400 && ten.body.contains("quoteAmount 'ten' is not a decimal number"))
      let noSide = try await client.call(.POST, order, body: #"{"symbol":"BTCUSDT","quoteAmount":"10"}"#)
      #expect(noSide.status == 400 && noSide.body.contains("side is required (BUY or SELL)"))
      let malformed = try await client.call(.POST, order, body: #"{"symbol":"BTCUSDT","#)
      #expect(malformed.status == 400 && malformed.body.contains("not valid JSON"))
      let typo = try await client.call(.POST, order, body: #"{"symbol":"BTCUSDT","side":"BUY","qty":"1"}"#)
      #expect(typo.status == 400 && typo.body.contains("unknown field 'qty'"))
      let limit = try await client.call(.GET, "/api/trading/orders?limit=5000")
      #expect(limit.status == 400 && limit.body.contains("5000"))
      let status = try await client.call(.GET, "/api/trading/orders?status=done")
      #expect(status.status == 400 && status.body.contains("status 'done' is not one of"))
      let since = try await client.call(.GET, "/api/trading/trades?since=yesterday")
      #expect(since.status == 400 && since.body.contains("since 'yesterday'"))
      let token = try await client.call(.GET, "/api/trading/orders?pageToken=not-a-token")
      #expect(token.status == 400 && token.body.contains("not-a-token"))
      let events = try await client.call(.GET, "/api/trading/events?symbols=DOGE-EUR")
      #expect(events.status == 404)
    }
  }

  @Test func startAndStopNeedTheTokenAndSayWhatChanged() async throws {
    try await withREST { trading, client in
      let refused = try await client.call(.POST, "/api/trading/start", token: false)
      #expect(refused.status == 401)
      let started = try await client.call(.POST, "/api/trading/start")
      let startAnswer = try Autoengine_V1_AutobuyStateResponse(jsonString: started.body)
      #expect(started.status == 200 && startAnswer.autobuyRunning && startAnswer.changed)
      #expect(startAnswer.message == "autobuy started (paper mode)")
      #expect(await trading.desk.autobuyState.running)
      let again = try Autoengine_V1_AutobuyStateResponse(
        jsonString: try await client.call(.POST, "/api/trading/start").body)
      #expect(again.autobuyRunning && !again.changed)
      let stopped = try Autoengine_V1_AutobuyStateResponse(
        jsonString: try await client.call(.POST, "/api/trading/stop").body)
      #expect(!stopped.autobuyRunning && stopped.changed)
      #expect(!(await trading.desk.autobuyState.running))
    }
  }
}
