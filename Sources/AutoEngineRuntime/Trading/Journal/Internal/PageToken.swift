internal import FoundationEssentials

/// The position after the last item of a page: the item's time and insertion sequence (rowid).
///
/// Its text, e.g. `o.41d954fc40000000.42`, is the listing's letter, the time's IEEE bit pattern
/// in hex (so it round-trips exactly) and the sequence. Clients treat it as opaque.
struct PageToken: Hashable {
  /// Which listing a token belongs to; a token of one is refused by the other.
  enum Listing: String {
    case orders = "o"
    case decisions = "d"
  }

  /// The listing it pages.
  var listing: Listing
  /// Time of the last item returned, seconds since the Unix epoch.
  var time: Double
  /// Rowid of the last item returned.
  var sequence: Int64

  /// The token after an item at `time` with rowid `sequence`.
  init(listing: Listing, time: Double, sequence: Int64) {
    self.listing = listing
    self.time = time
    self.sequence = sequence
  }

  /// Parses a token of `listing`; throws `.invalidPageToken` for anything else.
  init(parsing text: String, listing: Listing) throws(JournalError) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == listing.rawValue,
      let bits = UInt64(parts[1], radix: 16), let sequence = Int64(parts[2]), sequence >= 0
    else { throw JournalError.invalidPageToken(text) }
    let time = Double(bitPattern: bits)
    guard time.isFinite else { throw JournalError.invalidPageToken(text) }
    self.init(listing: listing, time: time, sequence: sequence)
  }

  /// The token's text.
  var text: String { "\(listing.rawValue).\(String(time.bitPattern, radix: 16)).\(sequence)" }
}
