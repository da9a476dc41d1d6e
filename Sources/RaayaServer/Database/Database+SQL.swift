import Fluent
import NIOConcurrencyHelpers
import PostgresNIO
import RaayaCore
import SQLKit
import SQLiteKit

extension Database {
    /// The SQL interface of a Fluent database; both drivers Raaya supports provide one.
    func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw UnsupportedDatabase()
        }
        return sql
    }

    var isSQLite: Bool { (self as? any SQLDatabase)?.dialect.name == "sqlite" }
}

struct UnsupportedDatabase: Error, CustomStringConvertible {
    var description: String { "Raaya needs an SQL database (SQLite or PostgreSQL)" }
}

extension SQLDatabase {
    /// The text column `column`, the only one `query` selects, of every row it returns, in order (empty text for
    /// NULL), in chunks of up to `chunk` as the database hands them over: the caller works on one chunk while the
    /// next is being read, on the connection's thread.
    ///
    /// Both drivers are read directly, for a report's tens of thousands of rows: on SQLite the rows are collected
    /// on the connection's own thread, where SQLiteKit hands each row to an event loop as a task of its own; on
    /// PostgreSQL each value is read as text, where PostgresKit's row decoding goes through its general `Decodable`
    /// translation. Those were most of such a report's time.
    func texts(_ query: SQLQueryString, column: String, chunk: Int = 4_096) -> AsyncThrowingStream<[String], any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [String].self)
        let reading = Task {
            do {
                try await texts(query, column: column, chunk: chunk) { continuation.yield($0) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in reading.cancel() }
        return stream
    }

    /// `texts` handing each chunk to `deliver`, from whichever thread reads it.
    private func texts(
        _ query: SQLQueryString, column: String, chunk: Int, deliver: @escaping @Sendable ([String]) -> Void
    ) async throws {
        if let postgres = self as? any PostgresDatabase, try await texts(query, column: column, chunk: chunk, on: postgres, deliver: deliver) {
            return
        }
        guard let sqlite = self as? any SQLiteDatabase else {
            deliver(try await raw(query).all(decodingColumn: column, as: String.self))
            return
        }
        let (text, rawBinds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        let binds = try rawBinds.map { try encoder.encode($0) }
        try await sqlite.withConnection { connection in
            let rows = NIOLockedValueBox<[String]>([])
            try await connection.query(text, binds) { row in
                let value = row.column(column)?.string ?? ""
                let full: [String]? = rows.withLockedValue { rows in
                    rows.append(value)
                    guard rows.count >= chunk else { return nil }
                    defer { rows = [] }
                    return rows
                }
                if let full { deliver(full) }
            }
            let rest = rows.withLockedValue { $0 }
            if !rest.isEmpty { deliver(rest) }
        }
    }

    /// `texts` on PostgreSQL; false, having read nothing, when a bound value is not one PostgresNIO encodes itself.
    private func texts(
        _ query: SQLQueryString, column: String, chunk: Int, on postgres: any PostgresDatabase,
        deliver: @escaping @Sendable ([String]) -> Void
    ) async throws -> Bool {
        let (text, rawBinds) = serialize(query)
        var binds = PostgresBindings(capacity: rawBinds.count)
        for bind in rawBinds {
            guard let value = bind as? any PostgresEncodable else { return false }
            try binds.append(value)
        }
        let statement = PostgresQuery(unsafeSQL: text, binds: binds)
        let logger = postgres.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var texts: [String] = []
                for try await row in try await connection.query(statement, logger: logger) {
                    // By position: the only column. A random-access row costs an allocation a row.
                    texts.append(try row.decode(String?.self) ?? "")
                    if texts.count >= chunk {
                        deliver(texts)
                        texts = []
                    }
                }
                if !texts.isEmpty { deliver(texts) }
            }
        }.get()
        return true
    }
}

extension SQLRow {
    /// A nullable column. The drivers convert plain types (Int, String, Date) directly but build a nested decoder
    /// for every `Optional`, which cost more than the rest of a list's row; reading NULL first avoids that.
    func decodeOptional<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }

    /// A column holding a string enumeration's raw value (status, priority, channel…), read as a plain string.
    func decodeRaw<E: RawRepresentable>(column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let value = E(rawValue: raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "column \(column) holds \(raw), not a \(E.self)"))
        }
        return value
    }
}

extension SQLDatabase {
    /// Refuses a reference to a row that does not exist (`group_id` naming no group): 422 naming `field`.
    /// Nil refers to nothing and passes.
    func requireRow(in table: String, id: Int?, field: String, names noun: String) async throws {
        guard let id else { return }
        guard try await raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id)").first() != nil else {
            throw DomainError.invalid(field, "names no \(noun)")
        }
    }
}
