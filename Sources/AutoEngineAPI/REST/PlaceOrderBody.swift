import AutoEngineCore
import AutoEngineRuntime
import Foundation
import NIOCore
import SwiftProtobuf

/// The body of `POST /api/trading/order`: the proto3 JSON of a `PlaceOrderRequest`, with the
/// spellings people write.
///
/// Accepted: the JSON names (`quoteAmount`) and the proto names (`quote_amount`); `side` and `type`
/// as the contract's names (`SIDE_BUY`, `ORDER_TYPE_LIMIT`), short names in any case (`BUY`,
/// `sell`, `LIMIT`) or numbers; `null` for "not given". Refused with 400 INVALID_ARGUMENT and a
/// message saying what is wrong: a body that is not a JSON object, an unknown field (named, so a
/// typo such as `quoteamount` is not silently ignored), a number where a decimal string is
/// expected (JSON numbers lose precision), an unknown side or type.
enum PlaceOrderBody {
  /// An example body for error messages.
  static let example = #"{"symbol":"BTCUSDT","side":"BUY","quoteAmount":"10"}"#

  /// How one field's JSON value is read.
  private enum Kind: Sendable {
    /// A string (decimal strings included).
    case string
    /// The order side: a name (full or short, any case) or a number.
    case side
    /// The order type: a name (full or short, any case) or a number.
    case type

    /// The contract's full name of the enum value `text` names.
    func fullName(_ text: String, field: String) throws(EngineError) -> String {
      switch self {
      case .side: try ContractEnumText.fullName(text, of: OrderSide.self, prefix: "SIDE_", field: field)
      case .type: try ContractEnumText.fullName(text, of: OrderType.self, prefix: "ORDER_TYPE_", field: field)
      case .string: text
      }
    }
  }

  /// The fields' JSON names, in the message's order.
  private static let jsonNames = [
    "symbol", "side", "quoteAmount", "baseAmount", "type", "limitPrice", "clientOrderId",
  ]

  /// The fields by every accepted name (JSON and proto), with the JSON name used in messages.
  private static let fields: [String: (jsonName: String, kind: Kind)] = [
    "symbol": ("symbol", .string), "side": ("side", .side), "quoteAmount": ("quoteAmount", .string),
    "quote_amount": ("quoteAmount", .string), "baseAmount": ("baseAmount", .string),
    "base_amount": ("baseAmount", .string), "type": ("type", .type), "limitPrice": ("limitPrice", .string),
    "limit_price": ("limitPrice", .string), "clientOrderId": ("clientOrderId", .string),
    "client_order_id": ("clientOrderId", .string),
  ]

  /// The request in `body`.
  ///
  /// - Throws: INVALID_ARGUMENT saying what is wrong with the body.
  static func decode(_ body: ByteBuffer) throws(EngineError) -> Autoengine_V1_PlaceOrderRequest {
    let data = Data(body.readableBytesView)
    guard !data.isEmpty else {
      throw EngineError(.invalidArgument, "the body is empty: send a PlaceOrderRequest JSON object, e.g. \(example)")
    }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw EngineError(.invalidArgument, "the body is not valid JSON (\(error.localizedDescription)); e.g. \(example)")
    }
    guard var object = parsed as? [String: Any] else {
      throw EngineError(.invalidArgument, "the body must be a JSON object, e.g. \(example)")
    }
    let unknown = object.keys.filter { fields[$0] == nil }.sorted()
    guard unknown.isEmpty else {
      throw EngineError(
        .invalidArgument,
        "unknown field\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) "
          + "in PlaceOrderRequest; the fields are \(jsonNames.joined(separator: ", "))")
    }
    for (key, value) in object where !(value is NSNull) {
      guard let (name, kind) = fields[key] else { continue }
      switch kind {
      case .string:
        guard value is String else {
          throw EngineError(
            .invalidArgument,
            "\(name) must be a JSON string, e.g. \"\(name)\":\"\(name == "symbol" ? "BTCUSDT" : "10")\"")
        }
      case .side, .type:
        if let text = value as? String {
          object[key] = try kind.fullName(text, field: name)
        } else if !(value is NSNumber) {
          throw EngineError(.invalidArgument, "\(name) must be a name such as \"BUY\" or \"LIMIT\"")
        }
      }
    }
    do {
      let normalized = try JSONSerialization.data(withJSONObject: object)
      return try Autoengine_V1_PlaceOrderRequest(jsonUTF8Data: normalized)
    } catch {
      throw EngineError(.invalidArgument, "the body is not a valid PlaceOrderRequest: \(error); e.g. \(example)")
    }
  }
}
