import AutoEngineCore

/// Reads the SWPC JSON feeds (see cosmic.md) from decoded JSON, tolerating extra fields, null
/// values and numbers sent as strings. A feed whose structure is wrong throws `Problem`; single
/// entries with unusable values are skipped, so one bad row never hides the rest.
enum SWPCFeedParser {
  /// What was wrong with a feed, for a malformed-answer report.
  struct Problem: Error {
    var text: String
  }

  /// The newest flare of `xray-flares-latest.json` or `xray-flares-7-day.json`, nil for an empty feed.
  static func latestFlare(_ json: JSONValue) throws(Problem) -> SWPCClient.FlareReport? {
    var newest: SWPCClient.FlareReport?
    for entry in try rows(json, feed: "flare feed") {
      let time = { (key: String) in entry[key]?.text.flatMap(SWPCTimestamp.parse) }
      let classText = [entry["max_class"], entry["current_class"], entry["begin_class"]]
        .lazy.compactMap { $0?.text }.first
      guard let classText, let flareClass = FlareClass(classText) else { continue }
      let peak = time("max_time")
      let begin = time("begin_time")
      guard let observed = peak ?? begin ?? time("time_tag") else { continue }
      let report = SWPCClient.FlareReport(
        flareClass: flareClass, beginTime: begin, peakTime: peak, endTime: time("end_time"), observedAt: observed)
      if newest.map({ report.observedAt >= $0.observedAt }) ?? true { newest = report }
    }
    return newest
  }

  /// The newest positive 0.1–0.8 nm flux of `xrays-6-hour.json` (or the 1-, 3-, 7-day feeds).
  static func latestLongBandFlux(_ json: JSONValue) throws(Problem) -> SWPCClient.FluxReading? {
    var newest: SWPCClient.FluxReading?
    for entry in try rows(json, feed: "X-ray flux feed") {
      guard let energy = entry["energy"]?.text, energy.filter({ $0 != " " }) == "0.1-0.8nm",
        let flux = entry["flux"]?.double, flux > 0,
        let time = entry["time_tag"]?.text.flatMap(SWPCTimestamp.parse)
      else { continue }
      if newest.map({ time >= $0.time }) ?? true { newest = SWPCClient.FluxReading(flux: flux, time: time) }
    }
    return newest
  }

  /// The newest Kp of `planetary_k_index_1m.json`: `estimated_kp`, else `kp_index`.
  static func latestKp1m(_ json: JSONValue) throws(Problem) -> SWPCClient.KpReading? {
    var newest: SWPCClient.KpReading?
    for entry in try rows(json, feed: "1-minute Kp feed") {
      guard let kp = entry["estimated_kp"]?.double ?? entry["kp_index"]?.double, (0...9).contains(kp),
        let time = entry["time_tag"]?.text.flatMap(SWPCTimestamp.parse)
      else { continue }
      if newest.map({ time >= $0.time }) ?? true { newest = SWPCClient.KpReading(kp: kp, time: time) }
    }
    return newest
  }

  /// The newest Kp of `products/noaa-planetary-k-index.json`, in either shape: rows under a
  /// header row `["time_tag","Kp","a_running","station_count"]`, or objects with those keys.
  static func latestKp3h(_ json: JSONValue) throws(Problem) -> SWPCClient.KpReading? {
    let all = try rows(json, feed: "3-hourly Kp feed")
    var pairs: [(time: JSONValue?, kp: JSONValue?)] = []
    if let header = all.first?.elements {
      let names = header.map { $0.text ?? "" }
      guard let timeColumn = names.firstIndex(of: "time_tag"), let kpColumn = names.firstIndex(of: "Kp") else {
        throw Problem(text: "header row \(names) lacks time_tag or Kp")
      }
      for row in all.dropFirst() {
        guard let cells = row.elements else { throw Problem(text: "a data row is \(row.kind), expected an array") }
        pairs.append(
          (
            cells.indices.contains(timeColumn) ? cells[timeColumn] : nil,
            cells.indices.contains(kpColumn) ? cells[kpColumn] : nil
          ))
      }
    } else {
      pairs = all.map { ($0["time_tag"], $0["Kp"] ?? $0["kp"]) }
    }
    var newest: SWPCClient.KpReading?
    for pair in pairs {
      guard let kp = pair.kp?.double, (0...9).contains(kp), let time = pair.time?.text.flatMap(SWPCTimestamp.parse)
      else { continue }
      if newest.map({ time >= $0.time }) ?? true { newest = SWPCClient.KpReading(kp: kp, time: time) }
    }
    return newest
  }

  /// The elements of a feed that must be a JSON array.
  private static func rows(_ json: JSONValue, feed: String) throws(Problem) -> [JSONValue] {
    guard let rows = json.elements else { throw Problem(text: "\(feed) is \(json.kind), expected an array") }
    return rows
  }
}
