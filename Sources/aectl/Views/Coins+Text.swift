import AutoEngineAPI
import Foundation

extension Autoengine_V1_ListCoinsResponse {
  /// The coins as a table, then the counts.
  func text(_ style: TextStyle) -> String {
    var table = Table(["SYMBOL", "EXCHANGE", "BASE", "QUOTE", "ENABLED", "MIN ORDER>", "MAX ORDER>", "AVAILABILITY"])
    for coin in coins {
      var availability = ContractLabel.of(coin.availability)
      if coin.availability == .successor { availability += " → \(coin.activeSymbol)" }
      if !coin.availabilityDetail.isEmpty { availability += " (\(coin.availabilityDetail))" }
      table.append([
        Table.Cell(coin.symbol), Table.Cell(ContractLabel.of(coin.exchange)), Table.Cell(coin.baseAsset),
        Table.Cell(coin.quoteAsset), coin.enabled ? Table.Cell("yes") : Table.Cell("no", .dim),
        Table.Cell(NumberText.money(coin.minTradeAmount, coin.quoteAsset)),
        Table.Cell(NumberText.money(coin.maxTradeAmount, coin.quoteAsset)),
        Table.Cell(availability, coin.availability == .trading || coin.availability == .successor ? nil : .yellow),
      ])
    }
    let exchanges = perExchange.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    return table.render(style) + "\(coins.count) shown of \(total) coins, \(enabled) enabled (\(exchanges))\n"
  }
}

extension Autoengine_V1_CoinState {
  /// The change over 24 hours, when known.
  var change24H: Double? { hasChange24HPct ? change24HPct : nil }

  /// The cells of one coin's row in the state and watch tables.
  ///
  /// - Parameter position: the coin's open position from the trade events, used when the state
  ///   carries none; its unrealised P&L is recomputed at the state's price.
  func rowCells(position: Autoengine_V1_Position? = nil) -> [Table.Cell] {
    let action = signal.action
    var quantity = trading.positionQuantity
    var pnl = trading.unrealizedPnl
    if !NumberText.isNonZero(quantity), let position {
      quantity = position.baseQuantity
      pnl = position.unrealizedPnl
      if let held = NumberText.decimal(position.baseQuantity), let price = NumberText.decimal(price),
        let cost = NumberText.decimal(position.costBasis)
      {
        pnl = "\(held * price - cost)"
      }
    }
    let holds = NumberText.isNonZero(quantity)
    return [
      Table.Cell(symbol), Table.Cell(NumberText.price(price, quoteAsset)),
      Table.Cell(NumberText.percent(change24H), ContractLabel.colour(ofSigned: change24H)),
      Table.Cell(ContractLabel.of(action), ContractLabel.colour(of: action)),
      Table.Cell(hasSignal ? NumberText.ratio(signal.confidence) : ""),
      Table.Cell(hasSignal ? NumberText.ratio(signal.strength) : ""),
      freshness.stale ? Table.Cell("STALE", .yellow) : Table.Cell("fresh", .dim),
      Table.Cell(holds ? NumberText.quantity(quantity, baseAsset) : ""),
      Table.Cell(holds ? NumberText.money(pnl, quoteAsset, signed: true) : "", ContractLabel.colour(ofSigned: pnl)),
    ]
  }

  /// Column titles matching `rowCells()`.
  static let rowTitles = ["SYMBOL", "PRICE>", "24H>", "ACTION", "CONF>", "STR>", "DATA", "POSITION>", "P&L>"]

  /// One coin in detail: price, volume, signal, indicators, momentum, cosmic data, freshness and
  /// trading state.
  func text(_ style: TextStyle) -> String {
    var details = Details()
    let quote = quoteAsset
    details.append(
      "coin", "\(symbol) on \(ContractLabel.of(exchange)) (\(baseAsset)/\(quote))\(enabled ? "" : ", disabled")")
    details.append("price", NumberText.price(price, quote))
    details.append("bid / ask", "\(NumberText.price(bid, quote)) / \(NumberText.price(ask, quote))")
    details.append("24 h change", NumberText.percent(change24H))
    details.append(
      "24 h volume", "\(NumberText.quantity(volume24H, baseAsset)) (\(NumberText.money(quoteVolume24H, quote)))")
    details.append("volume change", NumberText.percent(hasVolumeChangePct ? volumeChangePct : nil))
    let summary = priceSummary
    details.append(
      "last hour",
      "open \(NumberText.price(summary.hasOpen1H ? summary.open1H : nil, quote)), "
        + "high \(NumberText.price(summary.hasHigh1H ? summary.high1H : nil, quote)), "
        + "low \(NumberText.price(summary.hasLow1H ? summary.low1H : nil, quote)) (\(summary.samples) samples)")
    details.append(
      "signal",
      hasSignal
        ? style.paint(ContractLabel.of(signal.action), ContractLabel.colour(of: signal.action))
          + " confidence \(NumberText.ratio(signal.confidence)), strength \(NumberText.ratio(signal.strength)), "
          + "score \(NumberText.number(signal.score)) (buy \(signal.buyCount), sell \(signal.sellCount), "
          + "hold \(signal.holdCount), missing \(signal.missingInputCount))" : "")
    for contributor in signal.topContributors {
      details.append(
        "  \(contributor.strategyID)",
        "\(contributor.name): \(ContractLabel.of(contributor.action)) "
          + "\(NumberText.number(contributor.contribution, decimals: 3)) — \(contributor.reason)")
    }
    appendIndicators(to: &details)
    let m = momentum
    details.append(
      "momentum",
      "1 min \(NumberText.percent(m.hasM1Pct ? m.m1Pct : nil)), 5 min \(NumberText.percent(m.hasM5Pct ? m.m5Pct : nil)), "
        + "15 min \(NumberText.percent(m.hasM15Pct ? m.m15Pct : nil)), 1 h \(NumberText.percent(m.hasH1Pct ? m.h1Pct : nil))"
    )
    appendCosmic(to: &details)
    details.append(
      "data",
      freshness.stale
        ? style.paint("STALE: \(freshness.staleReason)", .yellow)
        : "fresh (price \(NumberText.time(freshness.priceUpdatedAt)))")
    let trading = self.trading
    details.append(
      "position",
      NumberText.isNonZero(trading.positionQuantity)
        ? "\(NumberText.quantity(trading.positionQuantity, baseAsset)) at "
          + "\(NumberText.price(trading.averageEntryPrice, quote)), unrealised "
          + "\(NumberText.money(trading.unrealizedPnl, quote, signed: true)) "
          + "(\(NumberText.percent(trading.hasUnrealizedPnlPct ? trading.unrealizedPnlPct : nil)))" : "flat")
    details.append("realised today", NumberText.money(trading.realizedPnlToday, quote, signed: true))
    details.append("open orders", "\(trading.openOrders)")
    details.append("cooldown until", NumberText.time(trading.hasCooldownUntil ? trading.cooldownUntil : nil))
    return details.render(style)
  }

  /// The indicators that have warmed up.
  private func appendIndicators(to details: inout Details) {
    let i = indicators
    let values: [(String, Double?)] = [
      ("RSI 14", i.hasRsi14 ? i.rsi14 : nil), ("SMA 20", i.hasSma20 ? i.sma20 : nil),
      ("EMA 12", i.hasEma12 ? i.ema12 : nil), ("EMA 26", i.hasEma26 ? i.ema26 : nil),
      ("MACD", i.hasMacd ? i.macd : nil), ("MACD signal", i.hasMacdSignal ? i.macdSignal : nil),
      ("BB upper", i.hasBbUpper ? i.bbUpper : nil), ("BB lower", i.hasBbLower ? i.bbLower : nil),
      ("ATR 14", i.hasAtr14 ? i.atr14 : nil), ("ADX 14", i.hasAdx14 ? i.adx14 : nil),
      ("stoch %K", i.hasStochK ? i.stochK : nil), ("MFI 14", i.hasMfi14 ? i.mfi14 : nil),
    ]
    let known = values.compactMap { name, value in value.map { "\(name) \(NumberText.number($0))" } }
    details.append("indicators", known.isEmpty ? "warming up" : known.joined(separator: ", "))
    if i.hasVolatilityPct { details.append("volatility", NumberText.percent(i.volatilityPct, signed: false)) }
  }

  /// The cosmic inputs that are available.
  private func appendCosmic(to details: inout Details) {
    guard hasCosmic else { return }
    let lunar = cosmic.lunar
    if cosmic.hasLunar {
      details.append(
        "moon",
        "\(lunar.phaseName), \(NumberText.percent(lunar.illumination * 100, signed: false, decimals: 0)) lit, "
          + "next full \(NumberText.time(lunar.nextFullMoon))")
    }
    if cosmic.hasSolar {
      let solar = cosmic.solar
      details.append(
        "sun",
        "flare \(solar.latestFlareClass.isEmpty ? "none" : solar.latestFlareClass), Kp \(NumberText.number(solar.hasKpIndex ? solar.kpIndex : nil, decimals: 1))"
      )
    }
    if cosmic.hasAlignment { details.append("alignment", NumberText.number(cosmic.alignment)) }
  }
}

extension Autoengine_V1_ListCoinStatesResponse {
  /// One row per coin, then the snapshot's time.
  func text(_ style: TextStyle) -> String {
    var table = Table(Autoengine_V1_CoinState.rowTitles)
    for state in states { table.append(state.rowCells()) }
    let stale = states.filter(\.freshness.stale).count
    return table.render(style)
      + "\(NumberText.counted(states.count, "coin")), \(stale) stale, as of \(NumberText.time(asOf))\n"
  }
}
