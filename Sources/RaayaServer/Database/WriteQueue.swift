import Fluent
import Logging
import SQLKit

/// The one way Raaya writes: every write runs in a transaction, and concurrent writes share one.
///
/// Requests queue their work; a single drainer runs everything queued in one transaction, each piece in its own
/// savepoint (so one failure rolls back only itself), commits once, and only then answers every request.
/// One fsync acknowledges a whole batch (group commit), and on SQLite there is exactly one writer, so writers
/// never spin on the file lock.
actor WriteQueue {
    typealias Completion = @Sendable ((any Error)?) -> Void

    private struct Pending: Sendable {
        /// Runs the work; returns whether it succeeded and how to answer its caller once the batch is settled.
        let perform: @Sendable (any Database) async -> (succeeded: Bool, complete: Completion)
        /// Answers a caller whose work never ran because its batch failed first.
        let fail: Completion
    }

    private let database: any Database
    private let logger: Logger
    private let maxBatch: Int
    private var pending: [Pending] = []
    private var draining = false

    init(database: any Database, logger: Logger, maxBatch: Int = 256) {
        self.database = database
        self.logger = logger
        self.maxBatch = maxBatch
    }

    /// Runs `work` inside a transaction and returns its result once the transaction is durably committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(
                Pending { database in
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
                } fail: { error in
                    continuation.resume(throwing: error ?? CancellationError())
                })
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
        let outcome: (completions: [Completion], error: (any Error)?)
        do {
            outcome = try await database.withConnection { connection in
                var completions: [Completion] = []
                completions.reserveCapacity(batch.count)
                let sql = try connection.sqlDatabase()
                do {
                    try await sql.raw("BEGIN").run()
                    for item in batch {
                        try await sql.raw("SAVEPOINT raaya_write").run()
                        let (succeeded, complete) = await item.perform(connection)
                        if !succeeded {
                            try await sql.raw("ROLLBACK TO SAVEPOINT raaya_write").run()
                        }
                        try await sql.raw("RELEASE SAVEPOINT raaya_write").run()
                        completions.append(complete)
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
}
