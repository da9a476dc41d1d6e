import Fluent
import SQLKit

extension SQLDatabase {
    /// Inserts one row and returns its generated id. Plain SQL: the create path runs it several times per request
    /// inside the shared write transaction, where Fluent's per-model reflection would cost more than the insert.
    func insertReturningID(into table: String, _ values: KeyValuePairs<String, any Encodable & Sendable>) async throws -> Int {
        try await insert(into: table)
            .columns(values.map(\.key))
            .values(values.map { SQLBind($0.value) as any SQLExpression })
            .returning("id")
            .first(decodingColumn: "id", as: Int.self) ?? 0
    }

    func insertRow(into table: String, _ values: KeyValuePairs<String, any Encodable & Sendable>) async throws {
        try await insert(into: table)
            .columns(values.map(\.key))
            .values(values.map { SQLBind($0.value) as any SQLExpression })
            .run()
    }
}
