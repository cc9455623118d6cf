import ArgumentParser
import AutoEngineCore
import Foundation

/// `--strategies P1,P37` and `--categories price,technical`: which strategies a command runs.
struct StrategySelection: ParsableArguments {
  @Option(help: "Comma-separated strategy ids to run, e.g. P1,P37,P66 (default: all 70).")
  var strategies: String?

  @Option(help: "Comma-separated categories to run: price, volume, technical, momentum, volatility, cosmic.")
  var categories: String?

  func validate() throws {
    _ = try evaluator()
  }

  /// The selected strategy ids, or nil for all.
  func ids() throws -> [StrategyID]? {
    guard let strategies else { return nil }
    return try strategies.split(separator: ",").map { token in
      let name = token.trimmingCharacters(in: .whitespaces)
      guard let id = StrategyID(name), id.number <= StrategyCatalogue.all.count else {
        throw ValidationError("--strategies: '\(name)' is not a strategy id P1…P\(StrategyCatalogue.all.count)")
      }
      return id
    }
  }

  /// The selected categories, or nil for all.
  func selectedCategories() throws -> [StrategyCategory]? {
    guard let categories else { return nil }
    return try categories.split(separator: ",").map { token in
      let name = token.trimmingCharacters(in: .whitespaces).lowercased()
      guard let category = StrategyCategory.allCases.first(where: { "\($0)" == name }) else {
        let known = StrategyCategory.allCases.map { "\($0)" }.joined(separator: ", ")
        throw ValidationError("--categories: '\(name)' is not a category (\(known))")
      }
      return category
    }
  }

  /// The selected strategies, or nil for all 70.
  func selectedStrategies() throws -> [any Strategy]? {
    let ids = try ids()
    let categories = try selectedCategories()
    if ids == nil && categories == nil { return nil }
    let selected = StrategyCatalogue.all.filter { strategy in
      (ids?.contains(strategy.id) ?? true) && (categories?.contains(strategy.category) ?? true)
    }
    guard !selected.isEmpty else { throw ValidationError("--strategies and --categories select no strategy together") }
    return selected
  }

  /// An evaluator over the selection (both options narrow it; neither means all 70).
  func evaluator(aggregator: SignalAggregator = SignalAggregator()) throws -> StrategyEvaluator {
    guard let selected = try selectedStrategies() else { return StrategyEvaluator(aggregator: aggregator) }
    return StrategyEvaluator(strategies: selected, aggregator: aggregator)
  }
}
