import AutoEngineAPI
import Foundation
import SwiftProtobuf

/// Names of the contract's enum values as tables show them: the proto name without its prefix
/// (`ORDER_STATUS_PARTIALLY_FILLED` → "PARTIALLY_FILLED"); "" for the `…_UNSPECIFIED` value.
enum ContractLabel {
  /// The label of `value`: its Swift case name (`partiallyFilled`) in upper snake case.
  static func of(_ value: some SwiftProtobuf.Enum) -> String {
    if value.rawValue == 0 { return "" }
    let name = String(describing: value)
    guard let first = name.first, first.isLowercase, !name.contains("(") else { return "#\(value.rawValue)" }
    var label = ""
    for character in name {
      if character.isUppercase, !label.isEmpty { label.append("_") }
      label += character.uppercased()
    }
    return label
  }

  /// An exchange as configured and as `ListCoins` keys it: "coinbase", "binanceus".
  static func of(_ exchange: Autoengine_V1_Exchange) -> String {
    switch exchange {
    case .coinbase: "coinbase"
    case .binanceUs: "binanceus"
    case .unspecified: ""
    case .UNRECOGNIZED(let raw): "#\(raw)"
    }
  }

  /// The colour of an action: green BUY, red SELL.
  static func colour(of action: Autoengine_V1_Action) -> TextStyle.Colour? {
    switch action {
    case .buy: .green
    case .sell: .red
    default: nil
    }
  }

  /// The colour of a signed amount: green above zero, red below.
  static func colour(ofSigned text: String) -> TextStyle.Colour? {
    guard let value = NumberText.decimal(text) else { return nil }
    return value > 0 ? .green : value < 0 ? .red : nil
  }

  /// The colour of a signed number: green above zero, red below.
  static func colour(ofSigned value: Double?) -> TextStyle.Colour? {
    guard let value else { return nil }
    return value > 0 ? .green : value < 0 ? .red : nil
  }
}
