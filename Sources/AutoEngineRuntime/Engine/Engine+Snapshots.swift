public import AutoEngineCore

/// Identifies one version of what coin-state readers see: the cache's states and the desk's
/// trading snapshots. Two reads with equal versions return equal states mapped with equal
/// trading snapshots, so their encodings may be reused.
public struct CoinStatesVersion: Hashable, Sendable {
  /// The shared cache's generation.
  public var cache: UInt64
  /// The trading board's generation (0 when the engine has no board).
  public var trading: UInt64

  /// A version from its two generations.
  public init(cache: UInt64, trading: UInt64) {
    self.cache = cache
    self.trading = trading
  }
}

extension Engine {
  /// `coinStates(_:)` with the version it read: encoders keep an encoding while the version
  /// stays the same (one encoding per engine tick instead of one per request).
  ///
  /// The trading generation is read before the states, so an encoding made after this call
  /// (which reads the board again) is never older than the version it is stored under.
  public func versionedCoinStates(
    _ filter: CoinFilter = .all
  ) async throws(EngineError) -> (states: [CoinState], version: CoinStatesVersion) {
    let trading = tradingBoard?.generation ?? 0
    try checkSymbols(filter)
    let (states, generation) = await cache.versionedStates()
    return (states.filter { filter.matches($0.coin) }, CoinStatesVersion(cache: generation, trading: trading))
  }

  /// `coinState(_:)` with the version it read (see `versionedCoinStates(_:)`).
  public func versionedCoinState(_ symbol: String) async throws(EngineError) -> (
    state: CoinState, version: CoinStatesVersion
  ) {
    let trading = tradingBoard?.generation ?? 0
    let coin = try coin(symbol)
    guard let (state, generation) = await cache.versionedState(of: coin.symbol) else { throw .unknownSymbol(symbol) }
    return (state, CoinStatesVersion(cache: generation, trading: trading))
  }
}
