import ArgumentParser
import AutoEngineCore
import Foundation

/// `autoengine strategies`: the catalogue of strategies P1…P70.
struct StrategiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strategies",
    abstract: "List the strategy catalogue: id, category, name, rule and parameters.",
    discussion: """
      Examples:
        autoengine strategies
        autoengine strategies --categories cosmic --parameters
        autoengine strategies --json
      """)

  @OptionGroup var selection: StrategySelection

  @Flag(help: "Also print each strategy's parameters with their values and units.")
  var parameters = false

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let strategies = try selection.evaluator().strategies
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(strategies.map(StrategyJSON.init)), as: UTF8.self))
      return
    }
    print("ID   CATEGORY    NAME                                RULE")
    for strategy in strategies {
      print(
        "\(pad("\(strategy.id)", 4)) \(pad("\(strategy.category)", 11)) \(pad(strategy.name, 35)) \(strategy.rule)")
      if parameters {
        for parameter in strategy.parameters {
          print("       \(parameter.name) = \(parameter.value) \(parameter.unit) — \(parameter.description)")
        }
      }
    }
    print("\(strategies.count) strategies")
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}

/// The JSON form of a catalogue entry.
struct StrategyJSON: Encodable {
  struct Parameter: Encodable {
    var name: String
    var value: Double
    var unit: String
    var description: String
  }

  var id: String
  var category: String
  var name: String
  var rule: String
  var parameters: [Parameter]

  init(_ strategy: any Strategy) {
    id = "\(strategy.id)"
    category = "\(strategy.category)"
    name = strategy.name
    rule = strategy.rule
    parameters = strategy.parameters.map {
      Parameter(name: $0.name, value: $0.value, unit: $0.unit, description: $0.description)
    }
  }
}
