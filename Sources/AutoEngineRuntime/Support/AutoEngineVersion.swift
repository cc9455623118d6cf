/// The version of this build of CRYPTO AUTOENGINE.
public enum AutoEngineVersion {
  /// Semantic version reported by health, status and `--version`.
  public static let current = "0.1.0"
}
