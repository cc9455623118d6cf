/// A secret (API token, exchange key or private key) that never prints itself.
///
/// `description`, `debugDescription` and reflection (`dump`, `Mirror`) show the masked form, so
/// logging a settings value cannot leak a credential; read `revealed` where the secret is used.
public struct SecretText: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The secret itself, exactly as configured (surrounding whitespace removed).
  public let revealed: String

  /// Wraps `value`, removing surrounding whitespace and newlines.
  public init(_ value: String) {
    revealed = value.trimmedForSettings()
  }

  /// The secret as it may be shown: `****` followed by its last 4 characters.
  ///
  /// Secrets shorter than 12 characters show only `****`, so that the shown part never gives away
  /// a large share of the secret.
  public var masked: String {
    revealed.count >= 12 ? "****" + revealed.suffix(4) : "****"
  }

  public var description: String { masked }
  public var debugDescription: String { "SecretText(\(masked))" }
  public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }

  /// `masked` for a set secret, `(not set)` for `nil`.
  public static func masked(_ secret: SecretText?) -> String {
    secret?.masked ?? "(not set)"
  }
}
