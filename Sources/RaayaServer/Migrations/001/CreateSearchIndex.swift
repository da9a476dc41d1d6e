import Fluent
import SQLKit

/// Full-text indexes over text normalized by `SearchText`: FTS5 on SQLite, a tsvector of the same tokens on
/// PostgreSQL. The database never re-tokenizes, so both engines see exactly the same words.
struct CreateSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        for table in SearchIndex.Table.allCases {
            switch sql.dialect.name {
            case "sqlite":
                try await sql.raw(
                    "CREATE VIRTUAL TABLE \(unsafeRaw: table.rawValue) USING fts5(content, tokenize = 'unicode61 remove_diacritics 0')"
                ).run()
            default:
                try await sql.raw("""
                    CREATE TABLE \(unsafeRaw: table.rawValue) (
                        rowid BIGINT PRIMARY KEY,
                        content TEXT NOT NULL,
                        document tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(content, ' '))) STORED
                    )
                    """).run()
                try await sql.raw(
                    "CREATE INDEX \(unsafeRaw: table.rawValue)_document ON \(unsafeRaw: table.rawValue) USING GIN (document)"
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        for table in SearchIndex.Table.allCases {
            try await sql.raw("DROP TABLE \(unsafeRaw: table.rawValue)").run()
        }
    }
}
