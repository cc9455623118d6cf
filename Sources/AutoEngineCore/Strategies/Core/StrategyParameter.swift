/// One tunable number of a strategy, with its default (or current) value and unit.
///
/// Strategies keep their parameters as stored properties; `Strategy.parameters` lists them for
/// the catalogue API, the CLI and backtest reports.
public struct StrategyParameter: Hashable, Sendable {
  /// Property name, e.g. `oversold`.
  public var name: String
  /// Current value (the default unless changed).
  public var value: Double
  /// Unit of `value`, e.g. `RSI points`, `%`, `× ATR`, `0–1`.
  public var unit: String
  /// What the parameter controls.
  public var description: String

  /// Creates a parameter description.
  public init(_ name: String, _ value: Double, unit: String, _ description: String) {
    self.name = name
    self.value = value
    self.unit = unit
    self.description = description
  }
}
