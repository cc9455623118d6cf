import AutoEngineRuntime

/// The calls that act on the engine's trading desk and run switch, in contract messages: the one
/// seam behind gRPC `TradingService`, `StartSystem`/`StopSystem`, and the REST `/api/trading/*`
/// and `POST /api/system/start|stop` routes.
///
/// `LocalEngineControl` answers from this process's `Engine`; on an API replica,
/// `ForwardedEngineControl` sends every call to the engine over gRPC, and
/// `ReplicaWithoutEngineControl` refuses them naming `--engine-address`. Each transport picks
/// nothing per route: it calls the control its server was built with. Errors are `EngineError`s,
/// which each transport maps once.
protocol EngineControl: Sendable {
  /// `GetTradingInfo`.
  func tradingInfo(
    _ request: Autoengine_V1_GetTradingInfoRequest, caller: Caller
  ) async throws -> Autoengine_V1_TradingInfo
  /// `StartAutobuy`.
  func startAutobuy(
    _ request: Autoengine_V1_StartAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse
  /// `StopAutobuy`.
  func stopAutobuy(
    _ request: Autoengine_V1_StopAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse
  /// `CancelOrders`.
  func cancelOrders(
    _ request: Autoengine_V1_CancelOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse
  /// `CancelAllOrders`.
  func cancelAllOrders(
    _ request: Autoengine_V1_CancelAllOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse
  /// `PlaceOrder`.
  func placeOrder(_ request: Autoengine_V1_PlaceOrderRequest, caller: Caller) async throws -> Autoengine_V1_Order
  /// `ListOrders`.
  func listOrders(
    _ request: Autoengine_V1_ListOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListOrdersResponse
  /// `ListPositions`.
  func listPositions(
    _ request: Autoengine_V1_ListPositionsRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListPositionsResponse
  /// `ListTrades`.
  func listTrades(
    _ request: Autoengine_V1_ListTradesRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListTradesResponse
  /// `WatchTradeEvents`: returns once the stream's snapshot (sequence 1) is in hand, so a
  /// refused request fails here, before a transport starts its response.
  func watchTradeEvents(_ request: Autoengine_V1_WatchTradeEventsRequest, caller: Caller) async throws
    -> TradeEventWatch
  /// `StartSystem`.
  func startSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse
  /// `StopSystem`.
  func stopSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse
}

/// Who makes a call, as far as the engine needs to know: the credentials a forwarded call carries
/// so the engine authorises it too (the listener has already checked them).
struct Caller: Sendable {
  /// The `authorization` header or metadata value (`Bearer <token>`), if any.
  var authorization: String?
}

/// One `WatchTradeEvents` stream: its snapshot, the messages after it, and how to end it early.
struct TradeEventWatch: Sendable {
  /// The first message (sequence 1): open orders, positions, autobuy state.
  var snapshot: Autoengine_V1_TradeEvent
  /// The messages after the snapshot, numbered 2, 3… (trade events and heartbeats); ends when the
  /// engine ends the subscription or `cancel` is called.
  var messages: AsyncThrowingStream<Autoengine_V1_TradeEvent, any Error>
  /// Ends `messages` (the client left). Safe to call more than once.
  var cancel: @Sendable () -> Void

  /// Messages `messages` holds for a reader that stalls; beyond it the oldest are dropped (the
  /// reader sees the gap in the sequence numbers), like the engine's own per-watcher buffer.
  static let bufferLimit = 4096
}

/// Where the trading desk and run switch a server's API acts on live.
public enum EngineLocation: Sendable {
  /// In this process (`--role all` or `engine`).
  case local
  /// In the engine this API replica forwards to (`--role api --engine-address`).
  case forwarded(EngineUpstream)
  /// Nowhere reachable: an API replica started without `--engine-address`.
  case replicaWithoutEngine
}

extension EngineLocation {
  /// The control for `engine`'s API at this location.
  func control(engine: Engine) -> any EngineControl {
    switch self {
    case .local: LocalEngineControl(engine: engine)
    case .forwarded(let upstream): ForwardedEngineControl(upstream: upstream)
    case .replicaWithoutEngine: ReplicaWithoutEngineControl()
    }
  }
}
