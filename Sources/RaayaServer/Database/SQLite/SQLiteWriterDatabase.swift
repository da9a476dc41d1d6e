import Logging
import NIOCore
import SQLKit
import SQLiteKit
// The SQLite library sqlite-nio builds into the binary (its functions carry a `sqlite_nio_` prefix). The writer
// calls it directly to run a whole batch on one thread with prepared statements kept between batches.
import VaporCSQLite

/// SQLite's writing connection as an `SQLDatabase` that runs every statement at once on `SQLiteWriterThread`.
///
/// Used for the writes that matter for throughput (see `WriteQueue`); SQLKit's builders and row decoding work on it
/// as on any other database. Statements are prepared once and kept. Called from anywhere else than its thread,
/// a statement first moves there.
final class SQLiteWriterDatabase: SQLDatabase, @unchecked Sendable {
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect = SQLiteDialect()
    let thread: SQLiteWriterThread

    // Touched only on `thread`.
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private static let statementCacheLimit = 512
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    private init(thread: SQLiteWriterThread, eventLoop: any EventLoop, logger: Logger) {
        self.thread = thread
        self.eventLoop = eventLoop
        self.logger = logger
    }

    /// Opens `path` (creating it) on a new writer thread, in WAL mode with durable commits.
    static func open(path: String, eventLoop: any EventLoop, logger: Logger) async throws -> SQLiteWriterDatabase {
        let database = SQLiteWriterDatabase(thread: SQLiteWriterThread(), eventLoop: eventLoop, logger: logger)
        do {
            try await database.onThread { try database.openHandle(path: path) }
            for pragma in ["journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"] {
                try await database.raw("PRAGMA \(unsafeRaw: pragma)").run()
            }
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Closes the connection and ends the thread.
    func close() async {
        try? await onThread {
            for statement in self.statements.values { sqlite_nio_sqlite3_finalize(statement) }
            self.statements.removeAll()
            if let handle = self.handle { sqlite_nio_sqlite3_close_v2(handle) }
            self.handle = nil
        }
        thread.stop()
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        let values = try binds.map { try encoder.encode($0) }
        if thread.isCurrent {
            try run(sql, values, onRow)
        } else {
            try await onThread { try self.run(sql, values, onRow) }
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    private func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withTaskExecutorPreference(thread) {
            try await Self.call(work)
        }
    }

    /// Nonisolated, so it runs on the preferred task executor: the writer thread.
    private static func call<T: Sendable>(_ work: @Sendable () throws -> T) async throws -> T { try work() }

    private func openHandle(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw SQLiteWriterError(code: code, message: message, sql: "open \(path)")
        }
        self.handle = handle
    }

    private func run(_ sql: String, _ binds: [SQLiteData], _ onRow: (any SQLRow) -> Void) throws {
        guard let handle else { throw SQLiteWriterError(code: SQLITE_MISUSE, message: "the writer is closed", sql: sql) }
        let statement = try prepared(sql, handle)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch value {
            case .integer(let integer): code = sqlite_nio_sqlite3_bind_int64(statement, position, Int64(integer))
            case .float(let double): code = sqlite_nio_sqlite3_bind_double(statement, position, double)
            case .text(let text):
                code = sqlite_nio_sqlite3_bind_text64(
                    statement, position, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
            case .blob(let buffer):
                code = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, position, $0.baseAddress, UInt64($0.count), Self.transient)
                }
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, position)
            }
            guard code == SQLITE_OK else { throw error(code, handle, sql) }
        }
        var columns: [String]?
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, handle, sql) }
            let count = sqlite_nio_sqlite3_column_count(statement)
            if columns == nil {
                columns = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
            }
            onRow(SQLiteWriterRow(columns: columns!, values: (0..<count).map { column(statement, $0) }, decoder: decoder))
        }
    }

    private func prepared(_ sql: String, _ handle: OpaquePointer) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.statementCacheLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements.removeAll(keepingCapacity: true)
        }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, handle, sql) }
        statements[sql] = statement
        return statement
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, index)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, index) else { return .text("") }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard let bytes = sqlite_nio_sqlite3_column_blob(statement, index), length > 0 else {
                return .blob(ByteBuffer())
            }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: length)))
        default: return .null
        }
    }

    private func error(_ code: Int32, _ handle: OpaquePointer, _ sql: String) -> SQLiteWriterError {
        SQLiteWriterError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)), sql: sql)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

struct SQLiteWriterError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let sql: String

    var description: String { "SQLite error \(code): \(message) (in: \(sql.prefix(200)))" }
}

/// One result row of `SQLiteWriterDatabase`, decoded as sqlite-nio's rows are.
private struct SQLiteWriterRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.firstIndex(of: column) else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.firstIndex(of: column) else {
            throw DecodingError.keyNotFound(
                SQLiteWriterColumn(column), .init(codingPath: [], debugDescription: "no column \(column)"))
        }
        return try decoder.decode(D.self, from: values[index])
    }
}

private struct SQLiteWriterColumn: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
