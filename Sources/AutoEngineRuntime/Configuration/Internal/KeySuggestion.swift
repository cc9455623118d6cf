/// Finds the known name closest to a misspelt one, for "did you mean …?" hints.
enum KeySuggestion {
  /// The name in `candidates` with the smallest edit distance to `name`, if that distance is at
  /// most a third of `name`'s length (at least 2); the first such name on ties.
  ///
  /// A third of the length lets `fetch.price_interval` find `fetch.price_fetch_interval` while a
  /// name unrelated to every key gets no suggestion.
  static func closest(to name: String, among candidates: [String]) -> String? {
    let limit = max(2, name.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(name, candidate)
      if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.name
  }

  /// The Levenshtein distance between `a` and `b`: insertions, deletions and substitutions of
  /// single characters needed to turn one into the other.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
