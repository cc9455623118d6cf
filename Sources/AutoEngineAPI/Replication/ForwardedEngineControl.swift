import AutoEngineRuntime
import GRPCCore
import GRPCNIOTransportHTTP2

/// The engine control of an API replica: every trading call and StartSystem/StopSystem sent to
/// the engine over gRPC (see `EngineUpstream`), whatever transport the replica received it on.
///
/// The caller's credentials go with each call, so the engine authorises it as if it had been
/// made to it directly; its answer comes back unchanged, and its error as the `EngineError` it
/// threw (`EngineUpstream.engineError(_:)`). Trade-event streams are relayed message by message.
struct ForwardedEngineControl: EngineControl {
  let upstream: EngineUpstream
  private var trading: Autoengine_V1_TradingService.Client<HTTP2ClientTransport.Posix> {
    Autoengine_V1_TradingService.Client(wrapping: upstream.client)
  }
  private var system: Autoengine_V1_SystemService.Client<HTTP2ClientTransport.Posix> {
    Autoengine_V1_SystemService.Client(wrapping: upstream.client)
  }

  /// Forwards one unary call: the engine's answer, or its error as an `EngineError`.
  private func forward<Input: Sendable, Output: Sendable>(
    _ message: Input, _ caller: Caller, _ call: (ClientRequest<Input>) async throws -> Output
  ) async throws -> Output {
    do {
      return try await call(ClientRequest(message: message, metadata: EngineUpstream.metadata(of: caller)))
    } catch {
      throw upstream.engineError(error)
    }
  }

  func tradingInfo(
    _ request: Autoengine_V1_GetTradingInfoRequest, caller: Caller
  ) async throws -> Autoengine_V1_TradingInfo {
    try await forward(request, caller) { try await trading.getTradingInfo(request: $0) }
  }

  func startAutobuy(
    _ request: Autoengine_V1_StartAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    try await forward(request, caller) { try await trading.startAutobuy(request: $0) }
  }

  func stopAutobuy(
    _ request: Autoengine_V1_StopAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    try await forward(request, caller) { try await trading.stopAutobuy(request: $0) }
  }

  func cancelOrders(
    _ request: Autoengine_V1_CancelOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    try await forward(request, caller) { try await trading.cancelOrders(request: $0) }
  }

  func cancelAllOrders(
    _ request: Autoengine_V1_CancelAllOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    try await forward(request, caller) { try await trading.cancelAllOrders(request: $0) }
  }

  func placeOrder(_ request: Autoengine_V1_PlaceOrderRequest, caller: Caller) async throws -> Autoengine_V1_Order {
    try await forward(request, caller) { try await trading.placeOrder(request: $0) }
  }

  func listOrders(
    _ request: Autoengine_V1_ListOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListOrdersResponse {
    try await forward(request, caller) { try await trading.listOrders(request: $0) }
  }

  func listPositions(
    _ request: Autoengine_V1_ListPositionsRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListPositionsResponse {
    try await forward(request, caller) { try await trading.listPositions(request: $0) }
  }

  func listTrades(
    _ request: Autoengine_V1_ListTradesRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListTradesResponse {
    try await forward(request, caller) { try await trading.listTrades(request: $0) }
  }

  /// Opens the engine's stream and waits for its snapshot; the rest is relayed as it arrives.
  /// The gRPC client scopes a stream to a closure, so one task runs the call and hands its
  /// messages to the returned stream; cancelling the watch (or the reader leaving) ends that
  /// task and with it the engine's stream.
  func watchTradeEvents(
    _ request: Autoengine_V1_WatchTradeEventsRequest, caller: Caller
  ) async throws -> TradeEventWatch {
    let (relayed, continuation) = AsyncThrowingStream.makeStream(
      of: Autoengine_V1_TradeEvent.self, bufferingPolicy: .bufferingNewest(TradeEventWatch.bufferLimit))
    let forwarded = ClientRequest(message: request, metadata: EngineUpstream.metadata(of: caller))
    let trading = self.trading
    let upstream = self.upstream
    let relay = Task {
      do {
        try await trading.watchTradeEvents(request: forwarded) { response in
          for try await message in response.messages { continuation.yield(message) }
        }
        continuation.finish()
      } catch {
        continuation.finish(throwing: upstream.engineError(error))
      }
    }
    continuation.onTermination = { _ in relay.cancel() }
    // One iterator reads the snapshot, the caller's iterator the rest: never both at once.
    var iterator = relayed.makeAsyncIterator()
    guard let snapshot = try await iterator.next() else {
      throw EngineError(
        .unavailable, "the engine at \(upstream.address) ended the trade-event stream before its snapshot")
    }
    return TradeEventWatch(snapshot: snapshot, messages: relayed, cancel: { relay.cancel() })
  }

  func startSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse {
    try await forward(Autoengine_V1_StartSystemRequest(), caller) { try await system.startSystem(request: $0) }
  }

  func stopSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse {
    try await forward(Autoengine_V1_StopSystemRequest(), caller) { try await system.stopSystem(request: $0) }
  }
}
