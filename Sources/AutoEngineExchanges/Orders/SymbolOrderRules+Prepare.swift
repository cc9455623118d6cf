import AutoEngineCore
public import FoundationEssentials

/// An order rounded to its symbol's rules, ready to send: exactly one of `quantity` and
/// `quoteAmount` is set; `price` is set for limit orders.
public struct PreparedOrder: Hashable, Sendable {
  /// Base units to trade, on the quantity step.
  public var quantity: Decimal?
  /// Quote units to spend or receive (market orders by quote amount), on the quote step.
  public var quoteAmount: Decimal?
  /// Limit price on the tick grid; nil for market orders.
  public var price: Decimal?

  /// Creates a prepared order.
  public init(quantity: Decimal? = nil, quoteAmount: Decimal? = nil, price: Decimal? = nil) {
    self.quantity = quantity
    self.quoteAmount = quoteAmount
    self.price = price
  }
}

/// An order that breaks one of its symbol's rules after rounding: refused locally, never sent.
public struct OrderRuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
  /// The rule broken, e.g. `LOT_SIZE`, `NOTIONAL`, `PRICE_FILTER`, `quote_min_size`.
  public var rule: String
  /// What was wrong, with the numbers, e.g. `quantity 0.000001 is below minQty 0.00001`.
  public var detail: String

  /// Creates a violation.
  public init(rule: String, detail: String) {
    self.rule = rule
    self.detail = detail
  }

  public var description: String { "Filter failure: \(rule): \(detail)" }
}

extension SymbolOrderRules {
  /// Rounds `placement` to these rules and checks it.
  ///
  /// * Market by quote amount: the amount rounds down to `quoteStep`; the notional bounds apply
  ///   to it (when `notionalAppliesToMarket`).
  /// * Market by base amount: the quantity rounds down to `quantityStep`; quantity bounds apply,
  ///   and the notional bounds at `placement.referencePrice` when one is given.
  /// * Limit: the price rounds to the tick (down for buys, up for sells) and must lie within the
  ///   price bounds; a quote amount becomes quantity `amount / price`; the quantity rounds down
  ///   and the quantity and notional bounds apply at the rounded price.
  ///
  /// - Returns: the prepared order, or the first rule broken (an amount that rounds to 0 breaks
  ///   the step or minimum rule of its kind).
  public func prepare(_ placement: OrderPlacement) -> Result<PreparedOrder, OrderRuleViolation> {
    switch (placement.type, placement.amount) {
    case (.market, .quote(let amount)):
      let quote = roundedQuote(amount)
      guard quote > 0 else {
        return .failure(violation(names.minNotional, "quote amount \(amount) rounds to 0 at step \(quoteStep)"))
      }
      if notionalAppliesToMarket, let broken = notionalProblem(quote) { return .failure(broken) }
      return .success(PreparedOrder(quoteAmount: quote))
    case (.market, .base(let amount)):
      let quantity = roundedQuantity(amount)
      if let broken = quantityProblem(quantity, requested: amount) { return .failure(broken) }
      if notionalAppliesToMarket, let price = placement.referencePrice, let broken = notionalProblem(quantity * price) {
        return .failure(broken)
      }
      return .success(PreparedOrder(quantity: quantity))
    case (.limit, let amount):
      guard let limit = placement.limitPrice, limit > 0 else {
        return .failure(violation(names.price, "a limit order needs a positive limit price"))
      }
      let price = roundedPrice(limit, side: placement.side == .buy ? .down : .up)
      if let broken = priceProblem(price, requested: limit) { return .failure(broken) }
      let requested: Decimal
      switch amount {
      case .base(let base): requested = base
      case .quote(let quote): requested = quote / price
      }
      let quantity = roundedQuantity(requested)
      if let broken = quantityProblem(quantity, requested: requested) { return .failure(broken) }
      if let broken = notionalProblem(quantity * price) { return .failure(broken) }
      return .success(PreparedOrder(quantity: quantity, price: price))
    }
  }

  private func violation(_ rule: String, _ detail: String) -> OrderRuleViolation {
    OrderRuleViolation(rule: rule, detail: detail)
  }

  private func quantityProblem(_ quantity: Decimal, requested: Decimal) -> OrderRuleViolation? {
    if quantity <= 0 {
      return violation(names.quantityStep, "quantity \(requested) rounds to 0 at step \(quantityStep)")
    }
    if minQuantity > 0, quantity < minQuantity {
      return violation(names.minQuantity, "quantity \(quantity) is below the minimum \(minQuantity)")
    }
    if maxQuantity > 0, quantity > maxQuantity {
      return violation(names.maxQuantity, "quantity \(quantity) is above the maximum \(maxQuantity)")
    }
    return nil
  }

  private func priceProblem(_ price: Decimal, requested: Decimal) -> OrderRuleViolation? {
    if price <= 0 { return violation(names.price, "price \(requested) rounds to 0 at tick \(priceTick)") }
    if minPrice > 0, price < minPrice {
      return violation(names.price, "price \(price) is below the minimum \(minPrice)")
    }
    if maxPrice > 0, price > maxPrice {
      return violation(names.price, "price \(price) is above the maximum \(maxPrice)")
    }
    return nil
  }

  private func notionalProblem(_ value: Decimal) -> OrderRuleViolation? {
    if minNotional > 0, value < minNotional {
      return violation(names.minNotional, "order value \(value) is below the minimum \(minNotional)")
    }
    if maxNotional > 0, value > maxNotional {
      return violation(names.maxNotional, "order value \(value) is above the maximum \(maxNotional)")
    }
    return nil
  }
}
