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
    /// The text column `column` of every row `query` returns, in order (empty text for NULL).
    ///
    /// Both drivers are read directly, for a report's tens of thousands of rows: on SQLite the rows are collected
    /// on the connection's own thread, where SQLiteKit hands each row to an event loop as a task of its own; on
    /// PostgreSQL each value is read as text, where PostgresKit's row decoding goes through its general `Decodable`
    /// translation. Those were most of such a report's time.
    func texts(_ query: SQLQueryString, column: String) async throws -> [String] {
        if let postgres = self as? any PostgresDatabase, let texts = try await texts(query, column: column, on: postgres) {
            return texts
        }
        guard let sqlite = self as? any SQLiteDatabase else {
            return try await raw(query).all(decodingColumn: column, as: String.self)
        }
        let (text, rawBinds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        let binds = try rawBinds.map { try encoder.encode($0) }
        return try await sqlite.withConnection { connection in
            let rows = NIOLockedValueBox<[String]>([])
            try await connection.query(text, binds) { row in
                let value = row.column(column)?.string ?? ""
                rows.withLockedValue { $0.append(value) }
            }
            return rows.withLockedValue { $0 }
        }
    }

    /// `texts` on PostgreSQL; nil when a bound value is not one PostgresNIO encodes itself.
    private func texts(_ query: SQLQueryString, column: String, on postgres: any PostgresDatabase) async throws -> [String]? {
        let (text, rawBinds) = serialize(query)
        var binds = PostgresBindings(capacity: rawBinds.count)
        for bind in rawBinds {
            guard let value = bind as? any PostgresEncodable else { return nil }
            try binds.append(value)
        }
        let statement = PostgresQuery(unsafeSQL: text, binds: binds)
        let logger = postgres.logger
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var texts: [String] = []
                for try await row in try await connection.query(statement, logger: logger) {
                    texts.append(try row.makeRandomAccess()[column].decode(String?.self) ?? "")
                }
                return texts
            }
        }.get()
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
