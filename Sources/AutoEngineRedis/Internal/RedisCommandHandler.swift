import NIOCore

/// Commands on their way out, pipelined: their encoded bytes (one buffer, written at once) and
/// the promise of their replies.
struct RedisOutboundCommand {
  /// RESP bytes of `count` commands, back to back.
  var bytes: ByteBuffer
  /// Number of commands in `bytes` (≥ 1).
  var count: Int
  /// Completed with the `count` replies in order (error replies included) once the last arrived.
  var promise: EventLoopPromise<[RESPValue]>
  /// Seconds to wait for the last reply; nil waits indefinitely (blocking commands).
  var timeout: Double?
}

/// Matches replies to commands in FIFO order, which is what makes pipelining and multiplexing
/// many callers over one connection correct: Redis answers one connection's commands in the
/// order it read them.
///
/// Out-of-band messages — RESP3 pushes, and in pub/sub mode the RESP2 `message`/`pmessage`
/// arrays — go to `onPush` instead of the queue. A reply that does not come within its timeout
/// fails every waiting command with `RedisError.timeout` and closes the connection: after a
/// missed reply the FIFO can no longer be trusted.
final class RedisCommandHandler: ChannelDuplexHandler {
  typealias InboundIn = RESPValue
  typealias OutboundIn = RedisOutboundCommand
  typealias OutboundOut = ByteBuffer

  /// One write's commands still waiting for (some of) their replies.
  private struct Pending {
    var id: UInt64
    var expected: Int
    var replies: [RESPValue]
    var promise: EventLoopPromise<[RESPValue]>
    var timer: Scheduled<Void>?
  }

  private var pending = CircularBuffer<Pending>()
  private var nextID: UInt64 = 0
  private var context: ChannelHandlerContext?
  private let pubSub: Bool
  private let onPush: (@Sendable (RESPValue) -> Void)?

  /// - Parameters:
  ///   - pubSub: whether this connection subscribes (its message arrays are out-of-band).
  ///   - onPush: receives out-of-band messages; nil drops them.
  init(pubSub: Bool, onPush: (@Sendable (RESPValue) -> Void)?) {
    self.pubSub = pubSub
    self.onPush = onPush
  }

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }

  func handlerRemoved(context: ChannelHandlerContext) {
    failAll(RedisError.connectionClosed)
    self.context = nil
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let command = unwrapOutboundIn(data)
    nextID &+= 1
    let id = nextID
    var timer: Scheduled<Void>?
    if let timeout = command.timeout {
      timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(
        in: .nanoseconds(Int64(timeout * 1e9))
      ) { [self] in
        self.timedOut(id: id, seconds: timeout)
      }
    }
    var replies: [RESPValue] = []
    replies.reserveCapacity(command.count)
    pending.append(Pending(id: id, expected: command.count, replies: replies, promise: command.promise, timer: timer))
    context.write(wrapOutboundOut(command.bytes), promise: promise)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let value = unwrapInboundIn(data)
    if isOutOfBand(value) {
      onPush?(value)
      return
    }
    guard !pending.isEmpty else {
      // A reply nobody asked for: the stream is out of step; start afresh.
      context.close(promise: nil)
      return
    }
    pending[pending.startIndex].replies.append(value)
    guard pending[pending.startIndex].replies.count == pending[pending.startIndex].expected else { return }
    let first = pending.removeFirst()
    first.timer?.cancel()
    first.promise.succeed(first.replies)
  }

  func channelInactive(context: ChannelHandlerContext) {
    failAll(RedisError.connectionClosed)
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    failAll(error as? RedisError ?? RedisError.unavailable("\(error)"))
    context.close(promise: nil)
  }

  private func isOutOfBand(_ value: RESPValue) -> Bool {
    switch value {
    case .push(let items):
      // In RESP3 the (un)subscribe confirmations are pushes too, but they answer a command.
      return !Self.isConfirmation(items)
    case .array(let items) where pubSub:
      guard let kind = items.first?.string?.lowercased() else { return false }
      return kind == "message" || kind == "pmessage" || kind == "smessage"
    default:
      return false
    }
  }

  private static func isConfirmation(_ items: [RESPValue]) -> Bool {
    guard let kind = items.first?.string?.lowercased() else { return false }
    return ["subscribe", "psubscribe", "unsubscribe", "punsubscribe", "ssubscribe", "sunsubscribe"].contains(kind)
  }

  private func timedOut(id: UInt64, seconds: Double) {
    guard pending.contains(where: { $0.id == id }) else { return }
    failAll(RedisError.timeout(seconds))
    context?.close(promise: nil)
  }

  private func failAll(_ error: any Error) {
    while let entry = pending.popFirst() {
      entry.timer?.cancel()
      entry.promise.fail(error)
    }
  }
}
