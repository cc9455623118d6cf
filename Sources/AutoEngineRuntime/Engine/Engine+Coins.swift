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

  func checkSymbols(_ filter: CoinFilter) throws(EngineError) {
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

extension Engine {
  /// Every strategy's latest signal for one coin.
  public func signals(_ symbol: String) async throws(EngineError) -> CoinSignals {
    let coin = try coin(symbol)
    guard let signals = await cache.signals(of: coin.symbol) else { throw .unknownSymbol(symbol) }
    return signals
  }

  /// The signals of every coin the filter selects, in configuration order.
  public func signals(_ filter: CoinFilter) async throws(EngineError) -> [CoinSignals] {
    var result: [CoinSignals] = []
    for coin in coins(filter) {
      if let signals = await cache.signals(of: coin.symbol) { result.append(signals) }
    }
    if let symbols = filter.symbols, let unknown = symbols.first(where: { catalogue.coin(forSymbol: $0) == nil }) {
      throw .unknownSymbol(unknown)
    }
    return result
  }

  /// The strategy catalogue (of one category, or all) with the configured category weights.
  public nonisolated func strategies(in category: StrategyCategory? = nil) -> [(strategy: any Strategy, weight: Double)]
  {
    let weights = configuration.strategy.categoryWeights
    return StrategyCatalogue.all.filter { category == nil || $0.category == category }.map {
      ($0, weights[$0.category])
    }
  }
}

extension Engine {
  /// The configured coins a listing selects, with every coin's symbol resolution and the totals
  /// over all configured coins.
  public func coinListing(exchange: Exchange? = nil, enabledOnly: Bool = false) -> CoinListing {
    let all = catalogue.coins
    let selected = all.filter { coin in (exchange.map { coin.exchange == $0 } ?? true) && (!enabledOnly || coin.enabled)
    }
    return CoinListing(
      coins: selected.map { ($0, symbols.resolution(of: $0.symbol)) }, total: all.count,
      enabled: all.filter(\.enabled).count,
      perExchange: Dictionary(
        uniqueKeysWithValues: Exchange.allCases.map { exchange in
          (exchange, all.filter { $0.exchange == exchange }.count)
        }))
  }
}

/// Configured coins with their symbol resolution, and totals over every configured coin.
public struct CoinListing: Sendable {
  /// The selected coins and how their symbols resolved.
  public var coins: [(coin: Coin, resolution: SymbolResolution)]
  /// Configured coins, and enabled ones (before selection).
  public var total: Int, enabled: Int
  /// Configured coins per exchange (before selection).
  public var perExchange: [Exchange: Int]
}

extension Engine {
  /// Number of coins whose state has (or lacks) a price, without counting cache reads.
  public func coinStatesCount(withPrice: Bool) async -> Int {
    await cache.statesUncounted().filter { ($0.price != nil) == withPrice }.count
  }

  /// The cache's hit and miss counters since start.
  public func cacheCounters() async -> (hits: UInt64, misses: UInt64) {
    (await cache.hits, await cache.misses)
  }
}
