import Testing

@testable import aebench

/// The replicated fan-out's own accounting: the Redis hop per tick and replica from the servers'
/// send times, Redis's `INFO` fields, and its traffic over a window.
@Suite struct RedisHopAccountingTests {
  /// A stream that received one update per `(tick, sent)`, with the snapshot first.
  private func stream(_ updates: [(tick: Int64, sent: Int64)]) -> StreamTally {
    var tally = StreamTally()
    var snapshot = UpdateHeader()
    snapshot.sequence = 1
    snapshot.snapshot = true
    tally.record(snapshot, receivedAt: 0)
    for (index, update) in updates.enumerated() {
      var header = UpdateHeader()
      header.sequence = UInt64(index) + 2
      header.tickTimeNanos = update.tick
      header.sentAtNanos = update.sent
      header.stateCount = 20
      tally.record(header, receivedAt: update.sent + 50)
    }
    return tally
  }

  @Test func theHopIsEachReplicasFirstSendMinusTheEnginesFirstSendOfTheSameTick() {
    // The engine's two streams got ticks 1,000 and 2,000; its first sends are 1,010 and 2,005.
    let engine = [
      stream([(1_000, 1_010), (2_000, 2_020)]),
      stream([(1_000, 1_030), (2_000, 2_005)]),
    ]
    // Replica 1: first sends 1,500 and 2,300 (its second stream later on both ticks).
    let first = [stream([(1_000, 1_500), (2_000, 2_300)]), stream([(1_000, 1_900), (2_000, 2_400)])]
    // Replica 2: tick 2,000 and a tick the engine's streams never saw (its snapshot reload).
    let second = [stream([(2_000, 2_105), (2_500, 2_600)])]
    let hop = RedisHop(engine: engine, replicas: [first, second], window: 0...10_000)
    #expect(hop.samples == [490, 295, 100])
    #expect(hop.unmatched == 1)
    #expect(hop.summary.count == 3)
  }

  @Test func theSlowestSamplesNameTheirTickAndReplica() {
    let engine = [stream([(1_000, 1_010), (2_000, 2_005), (3_000, 3_000)])]
    let first = [stream([(1_000, 1_500), (2_000, 2_300), (3_000, 3_100)])]
    let second = [stream([(1_000, 1_900), (2_000, 2_105)])]
    let hop = RedisHop(engine: engine, replicas: [first, second], window: 0...10_000)
    #expect(
      hop.slowest(3) == [
        .init(tick: 1_000, replica: 1, hop: 890), .init(tick: 1_000, replica: 0, hop: 490),
        .init(tick: 2_000, replica: 0, hop: 295),
      ])
    #expect(hop.slowest(10).count == 5)
  }

  @Test func onlyTicksInTheWindowWithASendTimeAreSampled() {
    let engine = [stream([(1_000, 1_010), (2_000, 2_010), (3_000, 0)])]
    let replica = [stream([(1_000, 1_200), (2_000, 2_400), (3_000, 3_500)])]
    // Tick 1,000 lies before the window; tick 3,000 has no engine send time (an older server).
    let hop = RedisHop(engine: engine, replicas: [replica], window: 1_500...3_500)
    #expect(hop.samples == [390])
    #expect(hop.unmatched == 1)
    #expect(RedisHop.firstSends(replica, window: 1_500...3_500) == [2_000: 2_400, 3_000: 3_500])
  }

  @Test func infoFieldsAndCommandCallsAreRead() {
    let text = """
      # Server\r
      redis_version:7.0.15\r
      process_id:4242\r
      \r
      # Stats\r
      total_commands_processed:1200\r
      total_net_input_bytes:50000\r
      \r
      # Commandstats\r
      cmdstat_publish:calls=300,usec=900,usec_per_call=3.00,rejected_calls=0,failed_calls=0\r
      cmdstat_hset:calls=310,usec=2000,usec_per_call=6.45,rejected_calls=0,failed_calls=0\r
      """
    let info = RedisInfo(parsing: text)
    #expect(info.int("process_id") == 4242)
    #expect(info.fields["redis_version"] == "7.0.15")
    #expect(info.int("total_commands_processed") == 1200)
    #expect(info.commandCalls("PUBLISH") == 300)
    #expect(info.commandCalls("hset") == 310)
    #expect(info.commandCalls("xadd") == 0)
    #expect(info.int("total_net_output_bytes") == 0)
  }

  @Test func trafficIsTheDifferenceOfTwoReadingsPerSecond() {
    let start = RedisInfo(
      parsing: """
        total_commands_processed:1000
        total_net_input_bytes:10000
        total_net_output_bytes:2000
        cmdstat_publish:calls=100,usec=1
        """)
    let end = RedisInfo(
      parsing: """
        total_commands_processed:1400
        total_net_input_bytes:50000
        total_net_output_bytes:82000
        cmdstat_publish:calls=120,usec=1
        """)
    let traffic = RedisTraffic(from: start, to: end, seconds: 20, deliveredTicks: 40)
    #expect(traffic.publishesPerSecond == 1)
    #expect(traffic.deliveriesPerSecond == 2)
    #expect(traffic.commandsPerSecond == 20)
    #expect(traffic.bytesInPerSecond == 2_000)
    #expect(traffic.bytesOutPerSecond == 4_000)
  }

  @Test func connectionsAreSharedInProportionToStreams() {
    #expect(FanoutCommand.share(100, of: 5_000, in: 10_000) == 50)
    #expect(FanoutCommand.share(20, of: 10, in: 1_000) == 1)  // never below one
    #expect(FanoutCommand.share(20, of: 0, in: 1_000) == 0)  // no streams, no connection
  }
}
