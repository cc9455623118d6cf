public import AutoEngineCore

/// A market that replays real candle files at a chosen speed: each coin plays one file, scaled
/// to the coin's price level.
///
/// ## Time
/// All files start together: at the wall-clock time `wallStart` each file is `warmUp` seconds
/// (of file time) past its first candle, and from then on replay time runs `speed` times as
/// fast as the wall clock: `offset(now) = warmUp + (now − wallStart) × speed` seconds after the
/// file's first candle. Files need not cover the same dates; each plays its own.
///
/// ## Answers at `now`
/// * `prices`: the price of the candle in progress at the offset — its close, or with
///   `.interpolated` pricing a straight line from its open to its close — rounded to the coin's
///   `PriceTick`, stamped `now`; no bid or ask (files carry no order book).
/// * `dailyStats`: the candles that opened in the last 24 hours of file time, the one in
///   progress included; change against the price 24 hours of file time earlier (the first
///   candle's open when that is before the file). Stamped `now`.
/// * `history`: the candles that closed before the offset, oldest first, as they are in the
///   file — **the interval is the file's** (5-minute files give 5-minute candles, although the
///   protocol speaks of one-minute candles). Their times are rebased replay time:
///   `wallStart + (file time − first time − warmUp)`, plus one file length per lap, so with
///   speed 1 they are engine times and they keep increasing across laps.
///
/// ## Scaling
/// The shared files are BTC-quoted (tiny numbers). Each coin's prices are multiplied by one
/// factor so that the file's first close equals the coin's `AssetReference` price (ETH-BTC
/// 0.0995 → ETH-USD 3,000), and its volumes by one factor so that the file's average 24-hour
/// quote volume equals the coin's reference daily volume on its exchange. Shapes — returns,
/// gaps, volatility clusters, volume spikes — are the file's.
///
/// ## End of file
/// `ReplayOptions.atEnd`: `.loop` starts the file again (prices jump back to the first candle's
/// level); `.stop` leaves an ended coin out of prices and statistics, and `prices` and
/// `dailyStats` throw `.replayEnded` when every requested coin with a file has ended.
///
/// Coins without a file are not listed and are left out of every answer. The market is
/// immutable once loaded, so it is `Sendable` without locks.
public final class ReplayMarket: MarketSource {
  public var kind: MarketSourceKind { .replay }
  /// Wall-clock time at which the replay is `warmUp` seconds into every file.
  public let wallStart: UnixTime
  /// Speed, warm-up, end-of-file behaviour and pricing.
  public let options: ReplayOptions
  /// The file each coin plays, by symbol as configured.
  public let files: [String: String]
  private let tapes: [ReplayTape]
  private let indexBySymbol: [String: Int]

  /// Loads the files and maps them to coins.
  ///
  /// - Parameters:
  ///   - coins: The coins that may be replayed; each needs an entry in `files` to be listed.
  ///   - files: A candle CSV file (path) per coin symbol (any case); a file may serve several coins.
  ///   - wallStart: The wall-clock time at which replay time starts.
  ///   - options: Speed, warm-up, end-of-file behaviour and pricing.
  /// - Throws: `MarketSourceError`: `.unreadableFile` or `.malformedFile` (with file and line)
  ///   for a bad file, `.invalidConfiguration` for a symbol that is not among `coins`, a speed
  ///   that is not positive, or a warm-up that is negative or not shorter than a file.
  public init(
    coins: [Coin], files: [String: String], wallStart: UnixTime, options: ReplayOptions = ReplayOptions()
  ) throws(MarketSourceError) {
    guard options.speed.isFinite, options.speed > 0 else {
      throw MarketSourceError(.invalidConfiguration, problem: "replay speed must be positive, got \(options.speed)")
    }
    guard options.warmUp.isFinite, options.warmUp >= 0 else {
      throw MarketSourceError(.invalidConfiguration, problem: "replay warm-up must be ≥ 0 s, got \(options.warmUp)")
    }
    let coinBySymbol = Dictionary(coins.map { ($0.symbol.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
    var loaded: [String: ReplayCandleFile] = [:]
    var tapes: [ReplayTape] = []
    var index: [String: Int] = [:]
    for (symbol, path) in files.sorted(by: { $0.key < $1.key }) {
      guard let coin = coinBySymbol[symbol.uppercased()] else {
        throw MarketSourceError(
          .invalidConfiguration, file: path, problem: "is mapped to \(symbol), which is not a configured coin")
      }
      let file: ReplayCandleFile
      if let known = loaded[path] {
        file = known
      } else {
        file = try ReplayCandleFile.load(path: path)
        guard options.warmUp < file.loopLength else {
          throw MarketSourceError(
            .invalidConfiguration, file: path,
            problem: "spans \(file.loopLength) s, not more than the replay warm-up of \(options.warmUp) s")
        }
        loaded[path] = file
      }
      index[coin.symbol.uppercased()] = tapes.count
      tapes.append(
        ReplayTape(coin: coin, file: file, timeShift: wallStart.seconds - file.firstTime - options.warmUp))
    }
    self.wallStart = wallStart
    self.options = options
    self.files = files
    self.tapes = tapes
    self.indexBySymbol = index
  }

  public func listings(for coins: [Coin]) async throws -> [SymbolListing] {
    present(coins).map { tape in
      SymbolListing(
        symbol: tape.coin.symbol, isTrading: true, status: tape.coin.exchange == .coinbase ? "online" : "TRADING",
        baseAsset: tape.coin.base.uppercased(), quoteAsset: tape.coin.quote.uppercased())
    }
  }

  public func prices(for coins: [Coin], now: UnixTime) async throws -> [PriceQuote] {
    let offset = offset(at: now)
    return try playing(coins, at: offset).map { tape in
      let price = tape.price(atOffset: offset, pricing: options.pricing)
      return PriceQuote(symbol: tape.coin.symbol, price: tape.tick.decimal(price), time: now)
    }
  }

  public func dailyStats(for coins: [Coin], now: UnixTime) async throws -> [DailyMarketStats] {
    let offset = offset(at: now)
    return try playing(coins, at: offset).map { tape in
      tape.dailyStats(atOffset: offset, pricing: options.pricing, time: now)
    }
  }

  /// Up to `limit` candles of `coin`'s file that closed before the replay position, oldest first,
  /// at the file's interval (see the type's documentation); empty for a coin without a file.
  public func history(for coin: Coin, limit: Int, now: UnixTime) async throws -> [Candle] {
    guard limit > 0, let tape = present([coin]).first else { return [] }
    var offset = offset(at: now)
    if options.atEnd == .stop { offset = Swift.min(offset, tape.file.loopLength) }
    let last = tape.lastCompleted(atOffset: offset)
    guard last >= 0 else { return [] }
    return (Swift.max(0, last - limit + 1)...last).map { tape.candle(global: $0) }
  }

  /// Replay time at `now`, rebased to start at `wallStart`: `wallStart + (now − wallStart) × speed`.
  public func replayTime(at now: UnixTime) -> UnixTime {
    UnixTime(seconds: wallStart.seconds + now.since(wallStart) * options.speed)
  }

  /// Whether `coin`'s file has been played to its end by `now` (never when looping, or for a
  /// coin without a file).
  public func hasEnded(_ coin: Coin, now: UnixTime) -> Bool {
    guard options.atEnd == .stop, let tape = present([coin]).first else { return false }
    return tape.hasEnded(atOffset: offset(at: now))
  }

  /// Seconds of file time after the first candle at `now` (never negative).
  private func offset(at now: UnixTime) -> Double {
    let offset = options.warmUp + now.since(wallStart) * options.speed
    return offset.isFinite ? Swift.max(0, offset) : 0
  }

  /// The tapes of the coins among `coins` that have a file, in the order asked.
  private func present(_ coins: [Coin]) -> [ReplayTape] {
    coins.compactMap { indexBySymbol[$0.symbol.uppercased()].map { tapes[$0] } }
  }

  /// The tapes of `coins` still playing at `offset`; throws when some have files but all ended.
  private func playing(_ coins: [Coin], at offset: Double) throws(MarketSourceError) -> [ReplayTape] {
    let present = present(coins)
    guard options.atEnd == .stop else { return present }
    let playing = present.filter { !$0.hasEnded(atOffset: offset) }
    if playing.isEmpty, let ended = present.first {
      throw MarketSourceError(
        .replayEnded, file: ended.file.path,
        problem: "was played to its end (as were the files of all \(present.count) requested coins); "
          + "restart the replay or let it loop")
    }
    return playing
  }
}
