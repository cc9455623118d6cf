public import AutoEngineCore

extension Engine {
  /// The configured coins the filter selects, in configuration order.
  public func coins(_ filter: CoinFilter = .all) -> [Coin] {
    catalogue.coins.filter(filter.matches)
  }

  /// The configured coin named `symbol` (case-insensitive).
  ///
  /// - Throws: `EngineError.notFound` naming the symbol and how to list the coins.
  public func coin(_ symbol: String) throws(EngineError) -> Coin {
    guard let coin = catalogue.coin(forSymbol: symbol) else { throw .unknownSymbol(symbol) }
    return coin
  }

  /// The current state of one coin.
  public func coinState(_ symbol: String) async throws(EngineError) -> CoinState {
    let coin = try coin(symbol)
    guard let state = await cache.state(of: coin.symbol) else { throw .unknownSymbol(symbol) }
    return state
  }

  /// The current states of the coins `filter` selects, in configuration order.
  ///
  /// - Throws: `EngineError.notFound` when the filter names a symbol that is not configured.
  public func coinStates(_ filter: CoinFilter = .all) async throws(EngineError) -> [CoinState] {
    try checkSymbols(filter)
    return await cache.states().filter { filter.matches($0.coin) }
  }

  /// Subscribes to the states of the coins `filter` selects (changes only; take the snapshot with
  /// `coinStates(_:)` after subscribing, so no change is missed).
  public func subscribeCoinStates(_ filter: CoinFilter = .all) throws(EngineError) -> CoinStateSubscription {
    try checkSymbols(filter)
    return coinStates.subscribe(filter)
  }

  private func checkSymbols(_ filter: CoinFilter) throws(EngineError) {
    for symbol in filter.symbols ?? [] where catalogue.coin(forSymbol: symbol) == nil {
      throw .unknownSymbol(symbol)
    }
  }
}

extension EngineError {
  /// A symbol that is not configured, with the way to list the ones that are.
  public static func unknownSymbol(_ symbol: String) -> EngineError {
    EngineError(
      .notFound,
      "unknown symbol '\(symbol)': it is not one of the configured coins; list them with GET /api/coins or `aectl coins`"
    )
  }
}
