extension String {
  /// This string without leading and trailing whitespace and newlines.
  func trimmedForSettings() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
