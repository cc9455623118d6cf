public import AutoEngineCore
public import Logging
public import ServiceLifecycle

/// The service that drives the trading desk: reconciles the journal with the exchanges at
/// start-up, optionally starts autobuy, then feeds every published batch of coin states to the
/// desk (and reconciles open orders on idle heartbeats) until shutdown.
public struct TradingLoop: Service {
  /// The desk it drives.
  public let desk: TradingDesk
  /// Where coin states are published.
  public let hub: CoinStateHub
  /// Whether autobuy starts once reconciliation is done (`--autobuy`, `trading.autobuy`).
  public let startAutobuy: Bool
  /// Seconds of quiet after which open orders are reconciled anyway.
  public let idleInterval: Double
  let logger: Logger

  /// Creates the loop.
  public init(desk: TradingDesk, hub: CoinStateHub, startAutobuy: Bool, idleInterval: Double = 5, logger: Logger) {
    self.desk = desk
    self.hub = hub
    self.startAutobuy = startAutobuy
    self.idleInterval = idleInterval
    self.logger = logger
  }

  public func run() async throws {
    let subscription = hub.subscribe(.all)
    defer { subscription.cancel() }
    do {
      let summary = try await desk.start()
      logger.notice("journal reconciled with the exchanges: \(summary)")
    } catch {
      logger.critical("trading disabled: \(error)")
      throw error
    }
    if startAutobuy { _ = await desk.startAutobuy(reason: "started at launch (--autobuy)") }
    try await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        // The hub ends subscriptions when the listeners shut down; the loop still returns only
        // once it is told to, so the service group sees an orderly stop.
        guard let delivery = await subscription.next(orHeartbeatAfter: idleInterval) else {
          try? await gracefulShutdown()
          return
        }
        switch delivery {
        case .batch(let batch): await desk.observe(batch.states)
        case .heartbeat: await desk.reconcile()
        }
      }
    }
  }
}
