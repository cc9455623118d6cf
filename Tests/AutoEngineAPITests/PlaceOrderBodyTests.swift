import AutoEngineCore
import AutoEngineRuntime
import Foundation
import NIOCore
import SwiftProtobuf
import Testing

@testable import AutoEngineAPI

/// The REST bridge's reading of `POST /api/trading/order` bodies and enum query values.
@Suite struct PlaceOrderBodyTests {
  private func decode(_ json: String) throws(EngineError) -> Autoengine_V1_PlaceOrderRequest {
    try PlaceOrderBody.decode(ByteBuffer(string: json))
  }

  private func refusal(_ json: String) -> String {
    do {
      _ = try decode(json)
      return "accepted"
    } catch {
      return error.code == .invalidArgument ? error.message : "\(error)"
    }
  }

  @Test func shortEnumNamesAreAcceptedBesidesTheContractOnes() throws {
    let short = try decode(#"{"symbol":"BTCUSDT","side":"BUY","quoteAmount":"10"}"#)
    #expect(short.symbol == "BTCUSDT" && short.side == .buy && short.quoteAmount == "10" && short.type == .unspecified)
    let lower = try decode(#"{"symbol":"ETH-USD","side":"sell","type":"limit","baseAmount":"0.5","limitPrice":"3000"}"#)
    #expect(lower.side == .sell && lower.type == .limit && lower.baseAmount == "0.5" && lower.limitPrice == "3000")
    let full = try decode(#"{"symbol":"ETH-USD","side":"SIDE_BUY","type":"ORDER_TYPE_LIMIT","quoteAmount":"1"}"#)
    #expect(full.side == .buy && full.type == .limit)
    let numbers = try decode(#"{"symbol":"ETH-USD","side":2,"type":1,"quoteAmount":"1"}"#)
    #expect(numbers.side == .sell && numbers.type == .market)
    let snake = try decode(
      #"{"symbol":"ETH-USD","side":"BUY","quote_amount":"5","client_order_id":"abc","limit_price":null}"#)
    #expect(snake.quoteAmount == "5" && snake.clientOrderID == "abc" && snake.limitPrice.isEmpty)
  }

  @Test func badBodiesSayWhatIsWrong() {
    #expect(refusal("").contains("the body is empty"))
    #expect(refusal("{").contains("not valid JSON"))
    #expect(refusal(#"["BUY"]"#).contains("must be a JSON object"))
    #expect(refusal(#"{"symbol":"BTCUSDT","side":"BUY","quoteamount":"10"}"#).contains("unknown field 'quoteamount'"))
    #expect(
      refusal(#"{"symbol":"BTCUSDT","side":"BUY","quoteAmount":10}"#).contains("quoteAmount must be a JSON string"))
    #expect(refusal(#"{"symbol":"BTCUSDT","side":"HOLD","quoteAmount":"10"}"#) == "side 'HOLD' is not one of BUY, SELL")
    #expect(refusal(#"{"symbol":"BTCUSDT","side":"BUY","type":"STOP"}"#) == "type 'STOP' is not one of MARKET, LIMIT")
    #expect(refusal(#"{"symbol":"BTCUSDT","side":true}"#) != "accepted")
    #expect(refusal(#"{"symbol":"BTCUSDT","side":{"name":"BUY"}}"#).contains("side must be a name"))
  }

  @Test func enumQueryValuesTakeShortAndFullNames() throws {
    let open: OrderStatus = try ContractEnumText.parse("open", prefix: "ORDER_STATUS_", field: "status")
    #expect(open == .open)
    let partial: OrderStatus = try ContractEnumText.parse(
      "ORDER_STATUS_PARTIALLY_FILLED", prefix: "ORDER_STATUS_", field: "status")
    #expect(partial == .partiallyFilled)
    let refused: TradeOutcome = try ContractEnumText.parse("Refused", prefix: "TRADE_OUTCOME_", field: "outcome")
    #expect(refused == .refused)
    #expect(throws: EngineError.self) {
      let _: OrderStatus = try ContractEnumText.parse("done", prefix: "ORDER_STATUS_", field: "status")
    }
  }
}
