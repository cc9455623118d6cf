/// Whether orders go to a simulated broker or to the exchanges.
///
/// The raw value is the configuration spelling (`trading.mode: paper`).
public enum TradingMode: String, CaseIterable, Hashable, Sendable {
  /// Orders fill against a simulated balance; nothing reaches an exchange (the default).
  case paper
  /// Orders are sent to the exchanges with the operator's API keys.
  case live
}
