public import NIOCore
import NIOPosix

/// A `TaskExecutor` that runs jobs on one NIO event loop: with
/// `withTaskExecutorPreference(executor)`, a task's code — and the default actors it calls,
/// whose jobs follow the task's preference (SE-0417) — runs on the thread that reads the loop's
/// sockets.
///
/// Why by hand: swift-nio 2.101 makes an `EventLoop` a `SerialExecutor` (for an actor's own
/// executor) but not a `TaskExecutor`, which is what a task preference takes. What it buys: a
/// consumer of a connection's messages that runs on the connection's loop is resumed there
/// without waking another thread (the loop is running: it just read the message), and its
/// writes to the connection go out at once instead of being handed to the loop. On two shared
/// cores each avoided hand-over is a wait for a free core saved, which is most of the Redis hop's
/// tail (`ReplicaFeed`, `ReplicaPublisher`).
///
/// Jobs run in the order they were enqueued, after whatever the loop is doing; work done on it
/// delays the loop's I/O for as long, so keep it short.
public final class EventLoopTaskExecutor: TaskExecutor {
  /// The loop the jobs run on.
  public let eventLoop: any EventLoop

  /// An executor running on `eventLoop`.
  public init(_ eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}

/// The event loop Redis connections use unless told otherwise: one thread of its own, shared by
/// every client and subscriber of the process and never shut down (like NIO's shared loops).
///
/// Not one of NIO's shared loops: a consumer running on its connection's loop (the replica
/// feed, the engine's publisher) would wait behind — and hold up — the gRPC and HTTP
/// connections on those loops, which are busiest exactly when a tick is being fanned out.
public enum RedisEventLoop {
  /// The process's Redis loop.
  public static let shared: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()
}
