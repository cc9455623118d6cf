import AutoEngineCore
import AutoEngineRuntime
import Foundation

extension Autoengine_V1_Exchange {
  /// The contract's exchange enum.
  init(_ exchange: Exchange) {
    switch exchange {
    case .coinbase: self = .coinbase
    case .binanceUS: self = .binanceUs
    }
  }

  /// The domain exchange; nil for UNSPECIFIED (meaning "all" in filters).
  var domain: Exchange? {
    switch self {
    case .coinbase: .coinbase
    case .binanceUs: .binanceUS
    case .unspecified, .UNRECOGNIZED: nil
    }
  }
}

extension Autoengine_V1_Coin {
  /// The contract's form of a configured coin with its resolved symbol.
  init(_ coin: Coin, resolution: SymbolResolution) {
    self.init()
    symbol = coin.symbol
    exchange = .init(coin.exchange)
    baseAsset = coin.base
    quoteAsset = coin.quote
    enabled = coin.enabled
    minTradeAmount = coin.minTradeAmount.decimalString
    maxTradeAmount = coin.maxTradeAmount.decimalString
    successorSymbol = coin.successorSymbol ?? ""
    activeSymbol = resolution.activeSymbol
    availability = .init(resolution.availability)
    availabilityDetail = resolution.detail
  }
}

extension Autoengine_V1_CoinAvailability {
  init(_ availability: SymbolResolution.Availability) {
    switch availability {
    case .unchecked: self = .unspecified
    case .trading: self = .trading
    case .missing: self = .missing
    case .notTrading: self = .notTrading
    case .successor: self = .successor
    }
  }
}

extension Decimal {
  /// The plain decimal string the contract uses for money ("90123.45"), never exponent notation.
  var decimalString: String { NSDecimalNumber(decimal: self).stringValue }
}
