import Fluent
import SQLKit

extension SQLDatabase {
    /// Inserts one row and returns its generated id. Plain SQL: writes run inside the shared write transaction,
    /// where Fluent's per-model reflection would cost more than the insert.
    func insertReturningID(into table: String, _ values: KeyValuePairs<String, any Encodable & Sendable>) async throws -> Int {
        try await insertRows(into: table, columns: values.map(\.key), [values.map(\.value)], returningIDs: true)[0]
    }

    func insertRow(into table: String, _ values: KeyValuePairs<String, any Encodable & Sendable>) async throws {
        try await insertRows(into: table, columns: values.map(\.key), [values.map(\.value)])
    }
}

extension SQLDatabase {
    /// Inserts many rows with one statement. With `returningIDs`, returns their generated ids in the order of
    /// `rows`: ids are handed out in that order within one statement, so sorting them restores it (neither
    /// SQLite nor PostgreSQL promises RETURNING in VALUES order).
    @discardableResult
    func insertRows(
        into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], returningIDs: Bool = false
    ) async throws -> [Int] {
        guard !rows.isEmpty else { return [] }
        var insert = self.insert(into: table).columns(columns)
        for row in rows {
            insert = insert.values(row.map { SQLBind($0) as any SQLExpression })
        }
        guard returningIDs else {
            try await insert.run()
            return []
        }
        return try await insert.returning("id").all(decodingColumn: "id", as: Int.self).sorted()
    }
}
