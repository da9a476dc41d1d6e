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
/// all of them: each statement costs a round trip to the database thread, so that is what lets one writer keep
/// up with many clients.
actor WriteQueue {
    typealias Completion = @Sendable ((any Error)?) -> Void
    private typealias ApplyRun = @Sendable ([Pending], any Database) async throws -> [Completion]

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
    private let eventLoop: any EventLoop
    private let logger: Logger
    private let maxBatch: Int
    private var pending: [Pending] = []
    private var draining = false

    /// `database` must be bound to `eventLoop`: the queue runs on that loop, so each statement's answer resumes
    /// the drainer where it arrives instead of hopping to another thread first.
    init(database: any Database, eventLoop: any EventLoop, logger: Logger, maxBatch: Int = 256) {
        self.database = database
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
        let applyRun: ApplyRun = { run, database in
            var items: [W] = []
            var finishes: [Finish] = []
            for pending in run {
                guard case .combined(_, let item, let finish, _) = pending.work else { continue }
                items.append(item as! W)
                finishes.append(finish as! Finish)
            }
            let results = try await W.apply(items, on: database)
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
        let outcome: (completions: [Completion], error: (any Error)?)
        do {
            outcome = try await database.withConnection { connection in
                var completions: [Completion] = []
                completions.reserveCapacity(batch.count)
                let sql = try connection.sqlDatabase()
                do {
                    try await sql.raw("BEGIN").run()
                    var index = 0
                    while index < batch.count {
                        switch batch[index].work {
                        case .combined(let kind, _, _, let applyRun):
                            var end = index + 1
                            while end < batch.count && batch[end].kind == kind { end += 1 }
                            completions += try await Self.apply(
                                Array(batch[index..<end]), applyRun, wholeTransaction: index == 0 && end == batch.count,
                                on: connection)
                            index = end
                        case .alone(let perform):
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
                    try await sql.raw("COMMIT").run()
                    return (completions, nil)
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    return (completions, error)
                }
            }
        } catch {
            outcome = ([], error)
        }
        if let error = outcome.error {
            logger.error("write batch failed; nothing of it was stored", metadata: ["error": "\(String(reflecting: error))"])
            for complete in outcome.completions { complete(error) }
            for item in batch.dropFirst(outcome.completions.count) { item.fail(error) }
        } else {
            for complete in outcome.completions { complete(nil) }
        }
    }

    /// Applies a run of combinable writes together; if that fails as a whole, applies each alone so that one
    /// bad write fails only itself. A run that is the whole transaction needs no savepoint of its own: on
    /// failure the transaction itself starts over (two statements fewer per batch in the common case).
    private static func apply(
        _ run: [Pending], _ applyRun: ApplyRun, wholeTransaction: Bool, on connection: any Database
    ) async throws -> [Completion] {
        let sql = try connection.sqlDatabase()
        if wholeTransaction {
            do {
                return try await applyRun(run, connection)
            } catch {
                try await sql.raw("ROLLBACK").run()
                try await sql.raw("BEGIN").run()
            }
        } else {
            try await sql.raw("SAVEPOINT raaya_run").run()
            do {
                let completions = try await applyRun(run, connection)
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
                completions += try await applyRun([single], connection)
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
    static func apply(_ items: [Self], on database: any Database) async throws -> [Result<Output, any Error>]
}
