import AutoEngineCore
import AutoEngineRuntime
import GRPCCore
import GRPCProtobuf
import SwiftProtobuf

/// `autoengine.v1.CoinStateService` over gRPC: each RPC is a call into the `Engine` facade plus
/// the message mapping.
///
/// The coin-state reads answer with pre-encoded bytes (`WireMessage`): a coin's state is encoded
/// once per engine version for every `GetCoinState` / `ListCoinStates` and every watch's
/// snapshot (`CoinStateEncodings`), and one engine tick once for every `WatchCoinStates`
/// subscriber that receives it unchanged (`CoinStateUpdateWire`). Clients see the contract's messages, byte for byte as before.
struct CoinStateGRPCService: RegistrableRPCService {
  let engine: Engine
  var clock: any WallClock { engine.clock }
  /// Heartbeat interval when the request gives none, seconds.
  var defaultHeartbeat: Double = 15
  /// Coin states encoded at the engine's current version.
  let encodings = CoinStateEncodings(format: .protobuf)

  init(engine: Engine, defaultHeartbeat: Double = 15) {
    self.engine = engine
    self.defaultHeartbeat = defaultHeartbeat
  }

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    typealias Method = Autoengine_V1_CoinStateService.Method
    router.registerHandler(
      forMethod: Method.ListCoins.descriptor,
      deserializer: ProtobufDeserializer<Autoengine_V1_ListCoinsRequest>(),
      serializer: ProtobufSerializer<Autoengine_V1_ListCoinsResponse>()
    ) { request, context in
      StreamingServerResponse(single: ServerResponse(message: try await listCoins(try await single(request))))
    }
    router.registerHandler(
      forMethod: Method.GetCoinState.descriptor,
      deserializer: ProtobufDeserializer<Autoengine_V1_GetCoinStateRequest>(),
      serializer: WireMessageSerializer()
    ) { request, context in
      StreamingServerResponse(single: ServerResponse(message: try await getCoinState(try await single(request))))
    }
    router.registerHandler(
      forMethod: Method.ListCoinStates.descriptor,
      deserializer: ProtobufDeserializer<Autoengine_V1_ListCoinStatesRequest>(),
      serializer: WireMessageSerializer()
    ) { request, context in
      StreamingServerResponse(single: ServerResponse(message: try await listCoinStates(try await single(request))))
    }
    router.registerHandler(
      forMethod: Method.WatchCoinStates.descriptor,
      deserializer: ProtobufDeserializer<Autoengine_V1_WatchCoinStatesRequest>(),
      serializer: WireMessageSerializer()
    ) { request, context in
      let message = try await single(request)
      return StreamingServerResponse { writer in
        try await watchCoinStates(message, response: writer, context: context)
        return [:]
      }
    }
  }

  /// The one message of a unary or server-streaming request.
  private func single<Message: Sendable>(_ request: StreamingServerRequest<Message>) async throws -> Message {
    try await ServerRequest(stream: request).message
  }

  func listCoins(_ request: Autoengine_V1_ListCoinsRequest) async throws -> Autoengine_V1_ListCoinsResponse {
    Autoengine_V1_ListCoinsResponse(
      await engine.coinListing(exchange: request.exchange.domain, enabledOnly: request.enabledOnly))
  }

  func getCoinState(_ request: Autoengine_V1_GetCoinStateRequest) async throws -> WireMessage {
    let (state, version) = try await engine.versionedCoinState(request.symbol)
    return WireMessage(try encodings.entry(for: state, at: version, engine: engine).message)
  }

  func listCoinStates(_ request: Autoengine_V1_ListCoinStatesRequest) async throws -> WireMessage {
    let (states, version) = try await engine.versionedCoinStates(
      CoinFilter(symbols: request.symbols, exchange: request.exchange.domain))
    return WireMessage(parts: try encodings.list(states, at: version, asOf: clock.now(), engine: engine))
  }

  /// The first message of a watch: every coin `filter` selects, as message 1, assembled from
  /// the coins' kept encodings (`CoinStateEncodings.snapshot`).
  ///
  /// A function of its own so that the states and their message are released once sent: a
  /// stream lives for hours, and holding 40 coin states per subscriber would cost hundreds of
  /// kilobytes each at thousands of subscribers. The watch runs it in a task of its own for the
  /// same reason: the async frames of assembling 40 coin states need ~11 KB of task-allocator
  /// slabs, which a task keeps until it ends — in the stream's task (or an `async let`, whose
  /// child is allocated from it) they would stay allocated for the stream's whole life, 110 MB
  /// at 10,000 subscribers.
  private func snapshot(_ filter: CoinFilter) async throws -> WireMessage {
    let (states, version) = try await engine.versionedCoinStates(filter)
    return WireMessage(parts: try encodings.snapshot(states, at: version, now: clock.now(), engine: engine))
  }

  /// Snapshot first, then one message per engine tick with the coins that changed, heartbeats
  /// when idle; ends when the client leaves (RPC cancellation) or the server stops.
  func watchCoinStates(
    _ request: Autoengine_V1_WatchCoinStatesRequest,
    response: RPCWriter<WireMessage>,
    context: ServerContext
  ) async throws {
    let filter = CoinFilter(symbols: request.symbols, exchange: request.exchange.domain)
    let subscription = try await engine.subscribeCoinStates(filter)
    // Ended however the watch ends: the client leaving, a failed write, the server stopping.
    defer { subscription.cancel() }
    let heartbeat = request.heartbeatSeconds > 0 ? Double(request.heartbeatSeconds) : defaultHeartbeat
    let clock = self.clock
    let engine = self.engine
    try await withRPCCancellationHandler {
      var sequence: UInt64 = 1
      let first = Task { try await snapshot(filter) }
      let message = try await withTaskCancellationHandler {
        try await first.value
      } onCancel: {
        first.cancel()
      }
      try await response.write(message)
      while let next = await subscription.next(orHeartbeatAfter: heartbeat) {
        sequence += 1
        switch next {
        case .batch(let batch):
          try await response.write(
            try CoinStateUpdateWire.update(batch, sequence: sequence, sentAt: clock.now(), engine: engine))
        case .heartbeat:
          try await response.write(
            try CoinStateUpdateWire.own(
              .with {
                $0.sequence = sequence
                $0.heartbeat = true
                $0.sentAt = .init(clock.now())
              }))
        }
      }
    } onCancelRPC: {
      subscription.cancel()
    }
  }
}
