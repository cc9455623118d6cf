import AutoEngineAPI

extension Autoengine_V1_SystemStatus {
  /// The engine, its components, exchanges, cache and streams.
  func text(_ style: TextStyle) -> String {
    var details = Details()
    details.append("engine", running ? style.paint("running", .green) : style.paint("stopped", .yellow))
    details.append(
      "version", "\(version), up \(NumberText.duration(uptimeSeconds)) (since \(NumberText.time(startedAt)))")
    details.append(
      "market",
      "\(ContractLabel.of(marketSource).lowercased()), \(tradingMode) trading, autobuy "
        + (autobuyRunning ? "running" : "stopped"))
    details.append("coins", "\(coinsTotal) configured, \(coinsEnabled) enabled, \(coinsStale) stale")
    details.append("exchange calls", "\(NumberText.number(callsPerMinute, decimals: 1)) per minute")
    if hasCache {
      details.append(
        "cache",
        "\(cache.backend), hit rate \(NumberText.percent(cache.hitRate * 100, signed: false, decimals: 1)) "
          + "(\(NumberText.count(cache.hits)) hits, \(NumberText.count(cache.misses)) misses), "
          + "\(cache.coinsCached) coins")
    }
    if hasStreams {
      details.append(
        "streams",
        "\(streams.subscribers) subscribers, \(NumberText.count(streams.messagesSent)) messages sent, "
          + "\(NumberText.count(streams.messagesConflated)) conflated")
    }
    var components = Table(["COMPONENT", "STATE", "RUNS>", "ERRORS>", "INTERVAL>", "LAST SUCCESS", "DETAIL"])
    for component in self.components {
      components.append([
        Table.Cell(component.name), Table.Cell(ContractLabel.of(component.state), colour(of: component.state)),
        Table.Cell(NumberText.count(component.runs)), Table.Cell(NumberText.count(component.errors)),
        Table.Cell(component.intervalSeconds > 0 ? NumberText.duration(component.intervalSeconds) : ""),
        Table.Cell(NumberText.time(component.hasLastSuccess ? component.lastSuccess : nil)),
        Table.Cell(
          component.lastError.isEmpty ? component.detail : component.lastError, component.lastError.isEmpty ? nil : .red
        ),
      ])
    }
    var exchanges = Table([
      "EXCHANGE", "REACHABLE", "RATE LIMIT", "CALLS/MIN>", "CALLS>", "ERRORS>", "LATENCY>", "UNAVAILABLE",
    ])
    for exchange in self.exchanges {
      exchanges.append([
        Table.Cell(ContractLabel.of(exchange.exchange)),
        exchange.reachable ? Table.Cell("yes", .green) : Table.Cell("no", .red),
        Table.Cell(ContractLabel.of(exchange.rateLimit), exchange.rateLimit == .ok ? nil : .yellow),
        Table.Cell(NumberText.number(exchange.callsPerMinute, decimals: 1)),
        Table.Cell(NumberText.count(exchange.callsTotal)),
        Table.Cell(NumberText.count(exchange.errorsTotal)),
        Table.Cell("\(NumberText.number(exchange.latencyMs, decimals: 0)) ms"),
        Table.Cell(exchange.unavailableSymbols.joined(separator: ", ")),
      ])
    }
    return details.render(style) + "\n" + components.render(style)
      + (self.exchanges.isEmpty ? "" : "\n" + exchanges.render(style))
  }

  /// Green when running, yellow when degraded or stopped, red when failed.
  private func colour(of state: Autoengine_V1_ComponentState) -> TextStyle.Colour? {
    switch state {
    case .running: .green
    case .degraded, .stopped: .yellow
    case .failed: .red
    default: nil
    }
  }
}

extension Autoengine_V1_SystemStateResponse {
  /// "system stopped: …", noting when nothing changed.
  func text(_ style: TextStyle) -> String {
    let state = running ? style.paint("running", .green) : style.paint("stopped", .yellow)
    return "\(message) — engine \(state)\(changed ? "" : " (unchanged)")\n"
  }
}

extension Autoengine_V1_HealthReport {
  /// The overall health, then each component's.
  func text(_ style: TextStyle) -> String {
    var details = Details()
    details.append("health", style.paint(Self.label(status), Self.colour(of: status)))
    details.append("version", "\(version), up \(NumberText.duration(uptimeSeconds))")
    details.append("time", NumberText.time(hasTime ? time : nil))
    var table = Table(["COMPONENT", "HEALTH", "DETAIL"])
    for component in components {
      table.append([
        Table.Cell(component.name), Table.Cell(Self.label(component.state), Self.colour(of: component.state)),
        Table.Cell(component.detail),
      ])
    }
    return details.render(style) + "\n" + table.render(style)
  }

  /// The state's label, "UNKNOWN" when unspecified.
  static func label(_ state: Autoengine_V1_HealthState) -> String {
    let label = ContractLabel.of(state)
    return label.isEmpty ? "UNKNOWN" : label
  }

  /// Green when serving, yellow when degraded, red otherwise.
  static func colour(of state: Autoengine_V1_HealthState) -> TextStyle.Colour {
    switch state {
    case .serving: .green
    case .degraded: .yellow
    default: .red
    }
  }
}
