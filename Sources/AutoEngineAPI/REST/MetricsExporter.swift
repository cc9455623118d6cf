import AutoEngineCore
import AutoEngineExchanges
import AutoEngineRuntime
import Foundation
import Prometheus

/// `GET /metrics`: the engine's figures in the Prometheus text format (swift-prometheus).
///
/// Values are read from the engine at each scrape (status, budgets, cache, streams, latency
/// recorders) and set on gauges, so the page always shows the current figures.
final class MetricsExporter: Sendable {
  private let registry = PrometheusCollectorRegistry()

  /// The metrics page now.
  func render(_ engine: Engine) async -> [UInt8] {
    let status = await engine.status()
    gauge("autoengine_system_running", "1 while fetchers and strategies run, 0 when stopped").set(
      status.running ? 1.0 : 0.0)
    gauge("autoengine_uptime_seconds", "Seconds since the engine started").set(status.uptimeSeconds)
    for exchange in status.exchanges {
      let labels = [("exchange", exchange.exchange.rawValue)]
      let budget = exchange.budget
      gauge("autoengine_exchange_calls_per_minute", "Exchange calls in the last 60 s", labels).set(
        Double(budget.callsLastMinute))
      gauge("autoengine_exchange_calls", "Exchange calls since start", labels).set(Double(budget.totalCalls))
      gauge("autoengine_exchange_errors", "Failed exchange calls since start", labels).set(Double(budget.totalErrors))
      gauge("autoengine_exchange_malformed_answers", "Unparseable exchange answers since start", labels)
        .set(Double(budget.malformedAnswers))
      gauge("autoengine_exchange_used_weight", "Request weight used in the current window", labels).set(
        Double(budget.usedWeight))
      gauge("autoengine_exchange_blocked", "1 while rate-limited, backing off or banned", labels)
        .set(budget.state.until == nil ? 0.0 : 1.0)
    }
    gauge("autoengine_cache_hits", "Coin reads served from fresh cache data since start").set(Double(status.cacheHits))
    gauge("autoengine_cache_misses", "Coin reads that found no or stale data since start").set(
      Double(status.cacheMisses))
    gauge("autoengine_cache_hit_ratio", "hits / (hits + misses), 0–1").set(status.cacheHitRate)
    gauge("autoengine_coins_stale", "Coins whose price is stale").set(Double(status.coinsStale))
    gauge("autoengine_stream_subscribers", "Open stream subscriptions").set(Double(status.subscribers))
    gauge("autoengine_stream_states_published", "Coin states published since start").set(
      Double(status.messagesPublished))
    gauge("autoengine_stream_updates_conflated", "Updates conflated for slow subscribers since start")
      .set(Double(status.messagesConflated))
    for component in status.components {
      gauge("autoengine_component_errors", "Failed runs of a component since start", [("component", component.name)])
        .set(Double(component.errors))
    }
    for (name, help, recorder) in [
      ("autoengine_fetch_to_publish_seconds", "Price answer arrival to publication, per tick", engine.fetchToPublish),
      (
        "autoengine_strategy_evaluation_seconds", "One coin's evaluation on a closed candle",
        engine.cache.evaluationLatency
      ),
    ] {
      for quantile in [0.5, 0.99] {
        gauge(name, help, [("quantile", "\(quantile)")]).set(recorder.quantile(quantile) ?? 0)
      }
    }
    if let desk = engine.trading, let info = try? await desk.info() {
      exportTrading(info, subscribers: desk.events.subscriberCount)
    }
    return registry.emitToBuffer()
  }

  /// Trades by result, P&L, positions and orders, autobuy and the kill switch.
  private func exportTrading(_ info: TradingInfoReport, subscribers: Int) {
    let totals = info.totals
    for (result, count) in [
      ("attempted", totals.attempted), ("succeeded", totals.succeeded), ("failed", totals.failed),
      ("refused", totals.refused),
    ] {
      gauge("autoengine_trades", "Trade decisions since the journal began, by result", [("result", result)])
        .set(Double(count))
    }
    gauge("autoengine_realized_pnl", "Realised profit or loss, quote units (USD and USDT summed)").set(
      NSDecimalNumber(decimal: totals.realizedPnl).doubleValue)
    gauge("autoengine_unrealized_pnl", "Unrealised profit or loss of open positions, quote units").set(
      NSDecimalNumber(decimal: totals.unrealizedPnl).doubleValue)
    gauge("autoengine_open_positions", "Open positions").set(Double(info.positions.count))
    gauge("autoengine_open_orders", "Orders not final yet").set(Double(info.openOrders.count))
    gauge("autoengine_autobuy_running", "1 while autobuy runs").set(info.autobuy.running ? 1.0 : 0.0)
    gauge("autoengine_kill_switch_active", "1 while the daily loss limit pauses buying").set(
      info.autobuy.killSwitchActive ? 1.0 : 0.0)
    gauge("autoengine_trade_event_subscribers", "Open WatchTradeEvents / SSE subscriptions").set(Double(subscribers))
  }

  private func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
    registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
  }
}
