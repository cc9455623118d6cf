import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct TradeJournalFileTests {
  /// Writes one of everything the journal keeps: a filled order, an intent, a decision, state, a
  /// highest price and a paper order.
  private func writeEverything(to journal: TradeJournal) throws {
    var filled = JournalFixtures.everyFieldOrder("filled-1")
    filled.status = .filled
    try journal.insertIntent(JournalFixtures.order("intent-1", at: 50))
    try journal.insertIntent(filled)
    try journal.record(JournalFixtures.decision("dec-1"))
    try journal.setState("autobuy.started_at", "1700000000")
    try journal.setHighestPrice(JournalFixtures.longMantissa, symbol: "ETHUSDT")
    _ = try journal.paperVenue.insertIfAbsent(JournalFixtures.order("paper-1"))
  }

  /// Checks that `journal` holds what `writeEverything(to:)` wrote.
  private func expectEverything(in journal: TradeJournal) throws {
    var filled = JournalFixtures.everyFieldOrder("filled-1")
    filled.status = .filled
    #expect(try journal.order(clientOrderId: "filled-1") == filled)
    #expect(try journal.nonFinalOrders().map(\.clientOrderId) == ["intent-1"])
    #expect(try journal.allFills() == filled.fills)
    #expect(try journal.decisions(DecisionQuery()).items == [JournalFixtures.decision("dec-1")])
    #expect(try journal.state("autobuy.started_at") == "1700000000")
    #expect(try journal.highestPrices() == ["ETHUSDT": JournalFixtures.longMantissa])
    #expect(try journal.paperVenue.order(clientOrderId: "paper-1") == JournalFixtures.order("paper-1"))
  }

  @Test func theFileIsInWALModeWithFullSynchronousWritesAndForeignKeys() throws {
    let folder = try JournalFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("a/b/journal.sqlite").path  // folders are created
    let journal = try TradeJournal(path: path)
    #expect(journal.path == path)
    #expect(try journal.pragma("journal_mode") == "wal")
    #expect(try journal.pragma("synchronous") == "2")  // FULL
    #expect(try journal.pragma("foreign_keys") == "1")
    #expect(try TradeJournal.inMemory().path == nil)
  }

  @Test func closingAndReopeningKeepsEverything() throws {
    let folder = try JournalFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("journal.sqlite").path
    do {
      let journal = try TradeJournal(path: path)
      try writeEverything(to: journal)
    }  // released: closed
    let reopened = try TradeJournal(path: path)
    try expectEverything(in: reopened)
    #expect(throws: JournalError.duplicateClientOrderId("intent-1")) {
      try reopened.insertIntent(JournalFixtures.order("intent-1"))
    }
  }

  /// What SIGKILL leaves: the database file and its WAL as they are while the journal is open,
  /// never checkpointed nor closed. A copy of those two files (the shared-memory index is rebuilt)
  /// must open with every acknowledged write.
  @Test func theFilesAsACrashLeavesThemRecoverEveryAcknowledgedWrite() throws {
    let folder = try JournalFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("journal.sqlite").path
    let crashed = folder.appendingPathComponent("crashed")
    try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: true)
    let journal = try TradeJournal(path: path)
    try writeEverything(to: journal)
    let walSize = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
    #expect(walSize > 0)  // the writes are in the WAL, not yet in the main file
    for suffix in ["", "-wal"] {
      try FileManager.default.copyItem(
        atPath: path + suffix, toPath: crashed.appendingPathComponent("journal.sqlite" + suffix).path)
    }
    let recovered = try TradeJournal(path: crashed.appendingPathComponent("journal.sqlite").path)
    try expectEverything(in: recovered)
    withExtendedLifetime(journal) {}
  }

  @Test func aSecondConnectionSeesWritesOfAJournalThatWasNeverClosed() throws {
    let folder = try JournalFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("journal.sqlite").path
    var first: TradeJournal? = try TradeJournal(path: path)
    try writeEverything(to: try #require(first))
    let second = try TradeJournal(path: path)
    try expectEverything(in: second)
    first = nil  // dropped while the other is open: nothing is checkpointed away
    try second.insertIntent(JournalFixtures.order("after-drop", at: 60))
    #expect(try TradeJournal(path: path).nonFinalOrders().map(\.clientOrderId) == ["intent-1", "after-drop"])
  }

  @Test func aFileWrittenByANewerVersionIsRefused() throws {
    let folder = try JournalFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("journal.sqlite").path
    try TradeJournal(path: path).executeRawSQL("INSERT INTO grdb_migrations (identifier) VALUES ('v99 future')")
    let error = #expect(throws: JournalError.self) { try TradeJournal(path: path) }
    guard case .storage(let message) = error else {
      Issue.record("expected a storage error, got \(String(describing: error))")
      return
    }
    #expect(message.contains(path) && message.contains("newer version"))
  }

  @Test func aPathThatCannotBeAJournalIsAStorageError() throws {
    let folder = try JournalFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let notADatabase = folder.appendingPathComponent("notes.txt")
    try Data("hello, this is not SQLite at all, just text long enough".utf8).write(to: notADatabase)
    let error = #expect(throws: JournalError.self) { try TradeJournal(path: notADatabase.path) }
    guard case .storage(let message) = error else {
      Issue.record("expected a storage error, got \(String(describing: error))")
      return
    }
    #expect(message.contains("notes.txt"))
    #expect(throws: JournalError.self) { try TradeJournal(path: "") }
  }
}
