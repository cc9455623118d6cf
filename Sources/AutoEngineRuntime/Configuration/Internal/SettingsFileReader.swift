import AutoEngineCore
import Yams

/// Reads the text of a configuration file (YAML, or JSON, which YAML includes) into dotted keys
/// and their unparsed values.
///
/// Nested mappings and dotted names mix freely: `fetch: {price_fetch_interval: 10}`,
/// `fetch.price_fetch_interval: 10` and `strategy: {category_weights.price: 1}` all name the same
/// kind of key. Only the structure is checked here; whether a key exists and whether its value
/// parses is the caller's business.
enum SettingsFileReader {
  /// One leaf of the file: a dotted key and its value as written.
  struct Entry {
    /// The dotted key, e.g. `fetch.price_fetch_interval`.
    var key: String
    /// The value, not yet parsed.
    var input: SettingInput
  }

  /// One leaf of the file, or a problem with its structure.
  enum Item {
    /// A dotted key and its value.
    case entry(Entry)
    /// A structural problem, naming its dotted key, or no key for the file as a whole.
    case problem(ConfigurationIssue)
  }

  /// The entries of `text` and the structural problems found, in file order. An empty document
  /// has none.
  static func read(_ text: String) -> [Item] {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      return [.problem(ConfigurationIssue(key: "", message: syntaxMessage(error)))]
    }
    var walker = Walker()
    switch root {
    case nil: break
    case .mapping(let mapping)?: walker.walk(mapping, prefix: "")
    case .scalar(let scalar)? where isNull(scalar): break
    case _?:
      walker.problem("", "the top level must be a mapping of keys (YAML) or an object (JSON)")
    }
    return walker.items
  }

  /// Walks nested mappings, collecting leaves and problems.
  private struct Walker {
    var items: [Item] = []

    mutating func entry(_ key: String, _ input: SettingInput) { items.append(.entry(Entry(key: key, input: input))) }
    mutating func problem(_ key: String, _ message: String) {
      items.append(.problem(ConfigurationIssue(key: key, message: message)))
    }

    mutating func walk(_ mapping: Node.Mapping, prefix: String) {
      for (keyNode, value) in mapping {
        guard case .scalar(let keyScalar) = keyNode, !isNull(keyScalar), !keyScalar.string.isEmpty else {
          problem(prefix, "every key must be a non-empty name, e.g. grpc_port")
          continue
        }
        let path = prefix.isEmpty ? keyScalar.string : prefix + "." + keyScalar.string
        let isSection = AutoEngineSettings.sectionNames.contains(path)
        switch value {
        case .mapping(let nested):
          if AutoEngineSettings.key(named: path) != nil {
            problem(path, "expected a single value, got a mapping")
          } else if nested.isEmpty && !isSection {
            entry(path, .null)
          } else {
            walk(nested, prefix: path)
          }
        case .scalar(let scalar):
          if isSection && isNull(scalar) { continue }  // a section whose keys are all commented out
          if isSection {
            sectionExpected(path, got: "a single value")
          } else {
            entry(path, isNull(scalar) ? .null : .text(scalar.string))
          }
        case .sequence(let sequence):
          if isSection {
            sectionExpected(path, got: "a list")
          } else if let items = sequence.map(\.scalar).allPresent() {
            entry(path, .list(items.map(\.string)))
          } else {
            problem(path, "list entries must be single values")
          }
        case .alias:
          problem(path, "YAML aliases are not supported here")
        }
      }
    }

    private mutating func sectionExpected(_ path: String, got: String) {
      let example = AutoEngineSettings.keys.first { $0.name.hasPrefix(path + ".") }?.name ?? path
      problem(path, "expected a mapping of keys such as \(example), got \(got)")
    }
  }

  /// Whether `scalar` is a YAML null: empty, `~` or `null` written without quotes.
  private static func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// Why the text does not parse, with the position; never quotes the text (it may hold secrets).
  private static func syntaxMessage(_ error: any Error) -> String {
    guard let error = error as? YamlError else { return "not valid YAML or JSON" }
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return "not valid YAML or JSON: \(problem) at line \(mark.line), column \(mark.column)"
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return "\(names) appears more than once in the mapping at line \(context.mark.line)"
    case .reader(let problem, _, _, _):
      return "cannot read the text: \(problem)"
    default:
      return "not valid YAML or JSON"
    }
  }
}

extension Sequence {
  /// The unwrapped elements if none is `nil`, otherwise `nil`.
  fileprivate func allPresent<Wrapped>() -> [Wrapped]? where Element == Wrapped? {
    var result: [Wrapped] = []
    for element in self {
      guard let element else { return nil }
      result.append(element)
    }
    return result
  }
}
