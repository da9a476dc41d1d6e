import Fluent
import Logging
import NIOCore
import SQLKit

/// The one way Raaya writes: every write runs in a transaction, and concurrent writes share one.
///
/// Requests queue their work; a single drainer runs everything queued in one transaction, each piece in its own
/// savepoint (so one failure rolls back only itself), commits once, and only then answers every request.
/// One fsync acknowledges a whole batch (group commit), and on SQLite there is exactly one writer, so writers
/// never spin on the file lock.
///
/// Writes of one `CombinableWrite` kind that queue up together are applied together, with a few statements for
/// all of them. On SQLite those runs go to `SQLiteWriterDatabase`, which answers each statement on its own thread
/// without a round trip; a batch then alternates between its transactions there and Fluent's connection for the
/// other writes, in queue order, never both at once.
actor WriteQueue {
    typealias Completion = @Sendable ((any Error)?) -> Void
    private typealias ApplyRun = @Sendable ([Pending], any SQLDatabase) async throws -> [Completion]

    private struct Pending: Sendable {
        enum Work: Sendable {
            /// Runs the work; returns whether it succeeded and how to answer its caller once the batch is settled.
            case alone(@Sendable (any Database) async -> (succeeded: Bool, complete: Completion))
            /// A combinable write: its kind, the item, how to answer it, and how to apply a run of its kind.
            case combined(kind: ObjectIdentifier, item: any Sendable, finish: any Sendable, applyRun: ApplyRun)
        }

        let work: Work
        /// Answers a caller whose work never ran because its batch failed first.
        let fail: Completion

        var kind: ObjectIdentifier? {
            if case .combined(let kind, _, _, _) = work { return kind }
            return nil
        }
    }

    private let database: any Database
    private let sqliteWriter: SQLiteWriterDatabase?
    private let eventLoop: any EventLoop
    private let logger: Logger
    private let maxBatch: Int
    /// Run just before each COMMIT (PostgreSQL: `NOTIFY`, which is delivered on commit).
    private let commitNotice: SQLQueryString?
    /// Called after each commit (SQLite: pokes the live feed).
    private let afterCommit: (@Sendable () -> Void)?
    private var pending: [Pending] = []
    private var draining = false

    /// `database` must be bound to `eventLoop`: the queue runs on that loop, so each statement's answer resumes
    /// the drainer where it arrives instead of hopping to another thread first.
    init(
        database: any Database, sqliteWriter: SQLiteWriterDatabase? = nil, eventLoop: any EventLoop, logger: Logger,
        maxBatch: Int = 256, commitNotice: SQLQueryString? = nil, afterCommit: (@Sendable () -> Void)? = nil
    ) {
        self.commitNotice = commitNotice
        self.afterCommit = afterCommit
        self.database = database
        self.sqliteWriter = sqliteWriter
        self.eventLoop = eventLoop
        self.logger = logger
        self.maxBatch = maxBatch
    }

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        eventLoop.executor.asUnownedSerialExecutor()
    }

    /// Runs `work` inside a transaction and returns its result once the transaction is durably committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(
                Pending(work: .alone { database in
                    do {
                        let value = try await work(database)
                        return (true, { commitError in
                            if let commitError {
                                continuation.resume(throwing: commitError)
                            } else {
                                continuation.resume(returning: value)
                            }
                        })
                    } catch {
                        return (false, { _ in continuation.resume(throwing: error) })
                    }
                }, fail: { error in
                    continuation.resume(throwing: error ?? CancellationError())
                }))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    /// Queues one write of a kind that is applied together with its neighbours of the same kind.
    func write<W: CombinableWrite>(_ item: W) async throws -> W.Output {
        typealias Finish = @Sendable (Result<W.Output, any Error>) -> Completion
        let applyRun: ApplyRun = { run, sql in
            var items: [W] = []
            var finishes: [Finish] = []
            for pending in run {
                guard case .combined(_, let item, let finish, _) = pending.work else { continue }
                items.append(item as! W)
                finishes.append(finish as! Finish)
            }
            let results = try await W.apply(items, on: sql)
            return zip(finishes, results).map { finish, result in finish(result) }
        }
        return try await withCheckedThrowingContinuation { continuation in
            let finish: Finish = { result in
                { commitError in
                    if let commitError {
                        continuation.resume(throwing: commitError)
                    } else {
                        continuation.resume(with: result)
                    }
                }
            }
            pending.append(
                Pending(
                    work: .combined(kind: ObjectIdentifier(W.self), item: item, finish: finish, applyRun: applyRun),
                    fail: { error in continuation.resume(throwing: error ?? CancellationError()) }))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            await run(batch)
        }
        draining = false
    }

    private func run(_ batch: [Pending]) async {
        let started = ContinuousClock.now
        defer {
            logger.trace("write batch", metadata: ["writes": "\(batch.count)", "duration": "\(ContinuousClock.now - started)"])
        }
        guard let sqliteWriter else {
            settle(batch, await transact(batch))
            return
        }
        var start = 0
        while start < batch.count {
            let combined = batch[start].kind != nil
            var end = start + 1
            while end < batch.count && (batch[end].kind != nil) == combined { end += 1 }
            let segment = Array(batch[start..<end])
            if combined {
                settle(segment, await withTaskExecutorPreference(sqliteWriter.thread) {
                    await Self.transact(segment, sql: sqliteWriter, connection: nil, notice: nil)
                })
            } else {
                settle(segment, await transact(segment))
            }
            start = end
        }
    }

    /// Runs `batch` in one transaction on Fluent's connection.
    private func transact(_ batch: [Pending]) async -> (completions: [Completion], error: (any Error)?) {
        let notice = commitNotice
        do {
            return try await database.withConnection { connection in
                await Self.transact(batch, sql: try connection.sqlDatabase(), connection: connection, notice: notice)
            }
        } catch {
            return ([], error)
        }
    }

    /// Answers every caller of `batch` once its transaction has settled.
    private func settle(_ batch: [Pending], _ outcome: (completions: [Completion], error: (any Error)?)) {
        if let error = outcome.error {
            logger.error("write batch failed; nothing of it was stored", metadata: ["error": "\(String(reflecting: error))"])
            for complete in outcome.completions { complete(error) }
            for item in batch.dropFirst(outcome.completions.count) { item.fail(error) }
        } else {
            for complete in outcome.completions { complete(nil) }
            afterCommit?()
        }
    }

    /// Runs `batch` in one transaction on `sql`. Work that runs alone needs Fluent's `connection` (the same
    /// database as `sql`); a batch of combinable runs only does not. Not isolated to the queue, so that on the
    /// SQLite writer's thread it runs there from BEGIN to COMMIT.
    private static func transact(
        _ batch: [Pending], sql: any SQLDatabase, connection: (any Database)?, notice: SQLQueryString?
    ) async -> (completions: [Completion], error: (any Error)?) {
        var completions: [Completion] = []
        completions.reserveCapacity(batch.count)
        do {
            try await sql.raw("BEGIN").run()
            var index = 0
            while index < batch.count {
                switch batch[index].work {
                case .combined(let kind, _, _, let applyRun):
                    var end = index + 1
                    while end < batch.count && batch[end].kind == kind { end += 1 }
                    completions += try await apply(
                        Array(batch[index..<end]), applyRun, wholeTransaction: index == 0 && end == batch.count, on: sql)
                    index = end
                case .alone(let perform):
                    guard let connection else { throw UnsupportedDatabase() }
                    try await sql.raw("SAVEPOINT raaya_write").run()
                    let (succeeded, complete) = await perform(connection)
                    if !succeeded {
                        try await sql.raw("ROLLBACK TO SAVEPOINT raaya_write").run()
                    }
                    try await sql.raw("RELEASE SAVEPOINT raaya_write").run()
                    completions.append(complete)
                    index += 1
                }
            }
            if let notice { try await sql.raw(notice).run() }
            try await sql.raw("COMMIT").run()
            return (completions, nil)
        } catch {
            try? await sql.raw("ROLLBACK").run()
            return (completions, error)
        }
    }

    /// Applies a run of combinable writes together; if that fails as a whole, applies each alone so that one
    /// bad write fails only itself. A run that is the whole transaction needs no savepoint of its own: on
    /// failure the transaction itself starts over (two statements fewer per batch in the common case).
    private static func apply(
        _ run: [Pending], _ applyRun: ApplyRun, wholeTransaction: Bool, on sql: any SQLDatabase
    ) async throws -> [Completion] {
        if wholeTransaction {
            do {
                return try await applyRun(run, sql)
            } catch {
                try await sql.raw("ROLLBACK").run()
                try await sql.raw("BEGIN").run()
            }
        } else {
            try await sql.raw("SAVEPOINT raaya_run").run()
            do {
                let completions = try await applyRun(run, sql)
                try await sql.raw("RELEASE SAVEPOINT raaya_run").run()
                return completions
            } catch {
                try await sql.raw("ROLLBACK TO SAVEPOINT raaya_run").run()
                try await sql.raw("RELEASE SAVEPOINT raaya_run").run()
            }
        }
        var completions: [Completion] = []
        for single in run {
            try await sql.raw("SAVEPOINT raaya_run").run()
            do {
                completions += try await applyRun([single], sql)
                try await sql.raw("RELEASE SAVEPOINT raaya_run").run()
            } catch {
                try await sql.raw("ROLLBACK TO SAVEPOINT raaya_run").run()
                try await sql.raw("RELEASE SAVEPOINT raaya_run").run()
                let fail = single.fail
                completions.append { _ in fail(error) }
            }
        }
        return completions
    }
}

/// A write of which many can be applied at once with a few statements for all (see `WriteQueue`).
protocol CombinableWrite: Sendable {
    associatedtype Output: Sendable
    /// Applies every item and returns one result per item, in order. An item that fails must have written
    /// nothing; throwing means the whole run is retried item by item.
    static func apply(_ items: [Self], on sql: any SQLDatabase) async throws -> [Result<Output, any Error>]
}
