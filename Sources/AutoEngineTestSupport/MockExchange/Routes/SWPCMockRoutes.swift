import AutoEngineCore

extension MockRoute {
  /// NOAA SWPC's JSON feeds, as cosmic.md documents them: flares (latest and 7-day), X-ray flux
  /// (both bands, one entry per band and minute), 1-minute Kp and the 3-hourly Kp product in the
  /// shape `MockSolarFeeds.kp3hShape` selects.
  public static let swpc: [MockRoute] = [
    MockRoute(.swpcFlaresLatest, path: "/json/goes/primary/xray-flares-latest.json", family: .swpc) { _, state in
      let flares = state.solarFeeds.flares
      return .json(MockJSON.array(flares.suffix(1).map { SWPCMockFormat.flare($0, current: true) }))
    },
    MockRoute(.swpcFlares7Day, path: "/json/goes/primary/xray-flares-7-day.json", family: .swpc) { _, state in
      .json(MockJSON.array(state.solarFeeds.flares.map { SWPCMockFormat.flare($0, current: false) }))
    },
    MockRoute(.swpcXrays6Hour, path: "/json/goes/primary/xrays-6-hour.json", family: .swpc) { _, state in
      .json(MockJSON.array(state.solarFeeds.xrayFlux.flatMap(SWPCMockFormat.fluxEntries)))
    },
    MockRoute(.swpcKp1m, path: "/json/planetary_k_index_1m.json", family: .swpc) { _, state in
      .json(MockJSON.array(state.solarFeeds.kp1m.map(SWPCMockFormat.kp1m)))
    },
    MockRoute(.swpcKp3h, path: "/products/noaa-planetary-k-index.json", family: .swpc) { _, state in
      let feeds = state.solarFeeds
      return .json(SWPCMockFormat.kp3h(feeds.kp3h, shape: feeds.kp3hShape))
    },
  ]
}

/// How the mock writes the SWPC feeds.
enum SWPCMockFormat {
  static func flare(_ flare: MockSolarFeeds.Flare, current: Bool) -> String {
    func time(_ value: UnixTime?) -> String { value.map { MockJSON.string(MockJSON.isoTime($0)) } ?? "null" }
    func text(_ value: String?) -> String { value.map(MockJSON.string) ?? "null" }
    var members: [(String, String)] = [
      ("time_tag", time(flare.endTime ?? flare.maxTime ?? flare.beginTime)),
      ("satellite", "18"),
    ]
    if current {
      members += [("current_class", text(flare.currentClass)), ("current_ratio", "0.0123")]
    }
    members += [
      ("begin_time", time(flare.beginTime)), ("begin_class", text(flare.beginClass)),
      ("max_time", time(flare.maxTime)), ("max_class", text(flare.maxClass)),
      ("max_xrlong", flare.maxClass.flatMap(FlareClass.init).map { MockJSON.number($0.flux * 0.01) } ?? "null"),
      ("end_time", time(flare.endTime)), ("end_class", text(flare.endClass)),
    ]
    return MockJSON.object(members)
  }

  static func fluxEntries(_ sample: MockSolarFeeds.FluxSample) -> [String] {
    [("0.05-0.4nm", sample.shortBandFlux), ("0.1-0.8nm", sample.longBandFlux)].map { energy, flux in
      MockJSON.object([
        ("time_tag", MockJSON.string(MockJSON.isoTime(sample.time))),
        ("satellite", "18"),
        ("flux", MockJSON.number(flux)),
        ("observed_flux", MockJSON.number(flux)),
        ("electron_correction", "0.0"),
        ("electron_contaminaton", "false"),
        ("energy", MockJSON.string(energy)),
      ])
    }
  }

  static func kp1m(_ sample: MockSolarFeeds.KpSample) -> String {
    MockJSON.object([
      ("time_tag", MockJSON.string(MockJSON.isoTime(sample.time, zone: false))),
      ("kp_index", "\(Int(sample.kp.rounded()))"),
      ("estimated_kp", MockJSON.number(sample.kp)),
      ("kp", MockJSON.string(thirds(sample.kp))),
    ])
  }

  static func kp3h(_ samples: [MockSolarFeeds.KpSample], shape: MockSolarFeeds.KpProductShape) -> String {
    switch shape {
    case .headerRow:
      let header = #"["time_tag","Kp","a_running","station_count"]"#
      let rows = samples.map { sample in
        let time = UTCDateTime(sample.time)
        return MockJSON.array([
          MockJSON.string("\(time.dateText) \(time.timeOfDayText).000"), MockJSON.numberString(sample.kp),
          MockJSON.string("\(aIndex(sample.kp))"), MockJSON.string("8"),
        ])
      }
      return MockJSON.array([header] + rows)
    case .objects:
      return MockJSON.array(
        samples.map { sample in
          MockJSON.object([
            ("time_tag", MockJSON.string(MockJSON.isoTime(sample.time, zone: false))),
            ("Kp", MockJSON.number(sample.kp)),
            ("a_running", "\(aIndex(sample.kp))"),
            ("station_count", "8"),
          ])
        })
    }
  }

  /// Kp in thirds notation: 1.33 → `1P`, 1.67 → `2M`, 2.0 → `2Z`.
  static func thirds(_ kp: Double) -> String {
    let thirds = Int((kp * 3).rounded())
    let whole = (thirds + 1) / 3
    switch thirds - whole * 3 {
    case 1: return "\(whole)P"
    case -1: return "\(whole)M"
    default: return "\(whole)Z"
    }
  }

  /// The equivalent a index of a Kp value (NOAA's conversion table, rounded to the nearest step).
  static func aIndex(_ kp: Double) -> Int {
    let table = [
      0, 2, 3, 4, 5, 6, 7, 9, 12, 15, 18, 22, 27, 32, 39, 48, 56, 67, 80, 94, 111, 132, 154, 179, 207, 236, 300, 400,
    ]
    return table[min(table.count - 1, max(0, Int((kp * 3).rounded())))]
  }
}
