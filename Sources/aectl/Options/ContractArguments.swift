import ArgumentParser
import AutoEngineAPI
import Foundation

/// A contract enum as typed on the command line: its short name in any case, with `-` or `_`
/// (`partially-filled`, `PARTIALLY_FILLED`), or its full contract name (`ORDER_STATUS_OPEN`).
protocol ContractArgument: CaseIterable, RawRepresentable, ExpressibleByArgument where RawValue == String {
  /// The contract's prefix of the enum's names, e.g. "ORDER_STATUS_".
  static var contractPrefix: String { get }
}

extension ContractArgument {
  init?(argument: String) {
    var text = argument.uppercased().replacingOccurrences(of: "-", with: "_")
    if text.hasPrefix(Self.contractPrefix) { text = String(text.dropFirst(Self.contractPrefix.count)) }
    guard
      let value = Self.allCases.first(where: {
        $0.rawValue.uppercased().replacingOccurrences(of: "-", with: "_") == text
      })
    else { return nil }
    self = value
  }
}

/// An exchange filter.
enum ExchangeArgument: String, ContractArgument {
  case coinbase
  case binanceus

  static let contractPrefix = "EXCHANGE_"

  init?(argument: String) {
    let text = argument.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
    guard let value = Self(rawValue: text.hasPrefix("exchange") ? String(text.dropFirst(8)) : text) else { return nil }
    self = value
  }

  /// The contract's value.
  var proto: Autoengine_V1_Exchange { self == .coinbase ? .coinbase : .binanceUs }
}

/// An order side.
enum SideArgument: String, ContractArgument {
  case buy
  case sell

  static let contractPrefix = "SIDE_"

  /// The contract's value.
  var proto: Autoengine_V1_Side { self == .buy ? .buy : .sell }
}

/// A strategy family.
enum CategoryArgument: String, ContractArgument {
  case price, volume, technical, momentum, volatility, cosmic

  static let contractPrefix = "STRATEGY_CATEGORY_"

  /// The contract's value.
  var proto: Autoengine_V1_StrategyCategory {
    switch self {
    case .price: .price
    case .volume: .volume
    case .technical: .technical
    case .momentum: .momentum
    case .volatility: .volatility
    case .cosmic: .cosmic
    }
  }
}

/// An order state filter.
enum OrderStatusArgument: String, ContractArgument {
  case intent, submitted, open
  case partiallyFilled = "partially-filled"
  case filled, cancelled, rejected, failed, expired

  static let contractPrefix = "ORDER_STATUS_"

  /// The contract's value.
  var proto: Autoengine_V1_OrderStatus {
    switch self {
    case .intent: .intent
    case .submitted: .submitted
    case .open: .open
    case .partiallyFilled: .partiallyFilled
    case .filled: .filled
    case .cancelled: .cancelled
    case .rejected: .rejected
    case .failed: .failed
    case .expired: .expired
    }
  }
}

/// A trade decision's outcome filter.
enum OutcomeArgument: String, ContractArgument {
  case executed, refused, failed

  static let contractPrefix = "TRADE_OUTCOME_"

  /// The contract's value.
  var proto: Autoengine_V1_TradeOutcome {
    switch self {
    case .executed: .executed
    case .refused: .refused
    case .failed: .failed
    }
  }
}
