import AutoEngineCore
import AutoEngineRuntime

/// The engine control of a process that runs its own engine: each call is a one-line call into
/// the `Engine` facade plus the message mapping. An engine without a trading desk answers
/// FIX_CONFIGURATION ("trading is not enabled on this server"). The caller is not used: the
/// listener has already checked its token.
struct LocalEngineControl: EngineControl {
  let engine: Engine
  /// Heartbeat interval of WatchTradeEvents when the request gives none, seconds.
  var defaultHeartbeat: Double = 15

  func tradingInfo(
    _ request: Autoengine_V1_GetTradingInfoRequest, caller: Caller
  ) async throws -> Autoengine_V1_TradingInfo {
    Autoengine_V1_TradingInfo(try await engine.tradingInfo())
  }

  func startAutobuy(
    _ request: Autoengine_V1_StartAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    Autoengine_V1_AutobuyStateResponse(try await engine.startAutobuy())
  }

  func stopAutobuy(
    _ request: Autoengine_V1_StopAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse {
    Autoengine_V1_AutobuyStateResponse(try await engine.stopAutobuy())
  }

  func cancelOrders(
    _ request: Autoengine_V1_CancelOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    Autoengine_V1_CancelOrdersResponse(try await engine.cancelOrders(symbol: request.symbol))
  }

  func cancelAllOrders(
    _ request: Autoengine_V1_CancelAllOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse {
    Autoengine_V1_CancelOrdersResponse(try await engine.cancelAllOrders())
  }

  func placeOrder(_ request: Autoengine_V1_PlaceOrderRequest, caller: Caller) async throws -> Autoengine_V1_Order {
    Autoengine_V1_Order(try await engine.placeOrder(try ManualOrder(request)))
  }

  func listOrders(
    _ request: Autoengine_V1_ListOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListOrdersResponse {
    Autoengine_V1_ListOrdersResponse(try await engine.orders(try OrderQuery(request)))
  }

  func listPositions(
    _ request: Autoengine_V1_ListPositionsRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListPositionsResponse {
    Autoengine_V1_ListPositionsResponse(
      try await engine.positions(
        symbol: request.symbol.isEmpty ? nil : request.symbol, includeClosed: request.includeClosed))
  }

  func listTrades(
    _ request: Autoengine_V1_ListTradesRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListTradesResponse {
    Autoengine_V1_ListTradesResponse(try await engine.tradeDecisions(try DecisionQuery(request)))
  }

  /// Snapshot first (sequence 1), then one message per trade event and a heartbeat after
  /// `heartbeat_seconds` without one (0: `defaultHeartbeat`), each numbered +1; ends when the
  /// watch is cancelled or the server stops (the engine ends every subscription).
  func watchTradeEvents(
    _ request: Autoengine_V1_WatchTradeEventsRequest, caller: Caller
  ) async throws -> TradeEventWatch {
    let filter = try TradeEventHub.Filter(request, catalogue: engine.catalogue)
    let heartbeat = request.heartbeatSeconds > 0 ? Double(request.heartbeatSeconds) : defaultHeartbeat
    let (id, snapshot, events) = try await engine.watchTradeEvents(filter)
    let engine = self.engine
    let clock = engine.clock
    let deliveries = HeartbeatStream.merge(events, heartbeatAfter: .milliseconds(Int64(heartbeat * 1000)))
    // Numbering needs state across elements, so one task numbers them into the returned stream;
    // it ends with the subscription, which `cancel` (and the reader leaving) ends.
    let (messages, continuation) = AsyncThrowingStream.makeStream(
      of: Autoengine_V1_TradeEvent.self, bufferingPolicy: .bufferingNewest(TradeEventWatch.bufferLimit))
    let numbering = Task {
      var sequence: UInt64 = 1
      for await delivery in deliveries {
        sequence += 1
        switch delivery {
        case .element(let event):
          continuation.yield(Autoengine_V1_TradeEvent(sequence: sequence, event: event, now: clock.now()))
        case .heartbeat:
          continuation.yield(Autoengine_V1_TradeEvent(heartbeatAt: clock.now(), sequence: sequence))
        }
      }
      continuation.finish()
    }
    continuation.onTermination = { _ in
      numbering.cancel()
      engine.unwatchTradeEvents(id)
    }
    return TradeEventWatch(
      snapshot: Autoengine_V1_TradeEvent(snapshot: snapshot, now: clock.now()), messages: messages,
      cancel: { engine.unwatchTradeEvents(id) })
  }

  func startSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse {
    Autoengine_V1_SystemStateResponse(started: await engine.startSystem())
  }

  func stopSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse {
    Autoengine_V1_SystemStateResponse(stopped: await engine.stopSystem())
  }
}

/// The engine control of an API replica started without `--engine-address`: it has no desk and
/// no fetchers of its own, so every call is refused saying how to connect it to the engine.
struct ReplicaWithoutEngineControl: EngineControl {
  /// The refusal of every call.
  static let refusal = EngineError(
    .fixConfiguration,
    "this API replica has no engine to forward trading and start/stop calls to: restart it with --engine-address host:port (the engine's gRPC listener), or call the engine directly"
  )

  func tradingInfo(
    _ request: Autoengine_V1_GetTradingInfoRequest, caller: Caller
  ) async throws -> Autoengine_V1_TradingInfo { throw Self.refusal }

  func startAutobuy(
    _ request: Autoengine_V1_StartAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse { throw Self.refusal }

  func stopAutobuy(
    _ request: Autoengine_V1_StopAutobuyRequest, caller: Caller
  ) async throws -> Autoengine_V1_AutobuyStateResponse { throw Self.refusal }

  func cancelOrders(
    _ request: Autoengine_V1_CancelOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse { throw Self.refusal }

  func cancelAllOrders(
    _ request: Autoengine_V1_CancelAllOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_CancelOrdersResponse { throw Self.refusal }

  func placeOrder(_ request: Autoengine_V1_PlaceOrderRequest, caller: Caller) async throws -> Autoengine_V1_Order {
    throw Self.refusal
  }

  func listOrders(
    _ request: Autoengine_V1_ListOrdersRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListOrdersResponse { throw Self.refusal }

  func listPositions(
    _ request: Autoengine_V1_ListPositionsRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListPositionsResponse { throw Self.refusal }

  func listTrades(
    _ request: Autoengine_V1_ListTradesRequest, caller: Caller
  ) async throws -> Autoengine_V1_ListTradesResponse { throw Self.refusal }

  func watchTradeEvents(
    _ request: Autoengine_V1_WatchTradeEventsRequest, caller: Caller
  ) async throws -> TradeEventWatch { throw Self.refusal }

  func startSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse { throw Self.refusal }

  func stopSystem(caller: Caller) async throws -> Autoengine_V1_SystemStateResponse { throw Self.refusal }
}
