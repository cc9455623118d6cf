import AutoEngineRuntime
import Hummingbird

/// The REST/JSON bridge: the seed's paths, each a one-line call into the same `Engine` facade as
/// the gRPC services (never an HTTP call into our own gRPC port).
enum RESTRouter {
  /// Builds the router of every REST path.
  ///
  /// Paths whose engine feature lands with a later issue answer 501 with a JSON error body, so
  /// that clients see the full surface of the contract from the start.
  static func build(engine: Engine) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("/api/health") { _, _ in
      let report = await engine.health()
      return ProtoJSON(
        message: Autoengine_V1_HealthReport(report),
        status: report.status == .notServing ? .serviceUnavailable : .ok)
    }
    for (method, path, rpc) in pendingRoutes {
      router.on(RouterPath(path), method: method) { _, _ -> Response in
        throw EngineError.notBuiltYet("\(method.rawValue) \(path) (\(rpc))")
      }
    }
    return router
  }

  /// The seed's paths (and the bridge's additions) whose features land with later issues.
  static let pendingRoutes: [(HTTPRequest.Method, String, String)] = [
    (.get, "/api/coinstate", "CoinStateService.ListCoinStates"),
    (.get, "/api/coinstate/stream", "CoinStateService.WatchCoinStates"),
    (.get, "/api/coinstate/{symbol}", "CoinStateService.GetCoinState"),
    (.get, "/api/coins", "CoinStateService.ListCoins"),
    (.get, "/api/strategies", "StrategyService.ListSignals"),
    (.get, "/api/strategies/{symbol}", "StrategyService.GetSignals"),
    (.get, "/api/trading", "TradingService.GetTradingInfo"),
    (.post, "/api/trading/start", "TradingService.StartAutobuy"),
    (.post, "/api/trading/stop", "TradingService.StopAutobuy"),
    (.post, "/api/trading/cancel/{symbol}", "TradingService.CancelOrders"),
    (.post, "/api/trading/cancel-all", "TradingService.CancelAllOrders"),
    (.post, "/api/trading/order", "TradingService.PlaceOrder"),
    (.get, "/api/system/status", "SystemService.GetStatus"),
    (.post, "/api/system/start", "SystemService.StartSystem"),
    (.post, "/api/system/stop", "SystemService.StopSystem"),
  ]
}
