import Fluent
import SQLKit

/// Mail that belongs to no ticket (the weekly digest to supervisors) goes through the same outbox: its
/// `ticket_id` becomes optional. And `digest_runs` records each week's digest once, whichever instance sends it.
struct UpdateOutboxForDigests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase()
        if database.isSQLite {
            // SQLite cannot drop a NOT NULL: the table is rebuilt from its own definition, its indexes after it.
            guard
                let table = try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").first()?
                    .decode(column: "sql", as: String.self),
                let column = table.range(of: #""ticket_id" INTEGER NOT NULL"#)
            else { throw MigrationFailure("outbox.ticket_id is not the NOT NULL column this migration expects") }
            var rebuilt = table.replacingCharacters(in: column, with: #""ticket_id" INTEGER"#)
            rebuilt = rebuilt.replacingOccurrences(of: #"CREATE TABLE "outbox""#, with: #"CREATE TABLE "outbox_rebuilt""#)
            let indexes = try await sql.raw(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL"
            ).all().map { try $0.decode(column: "sql", as: String.self) }
            try await sql.raw("\(unsafeRaw: rebuilt)").run()
            try await sql.raw("INSERT INTO outbox_rebuilt SELECT * FROM outbox").run()
            try await sql.raw("DROP TABLE outbox").run()
            try await sql.raw("ALTER TABLE outbox_rebuilt RENAME TO outbox").run()
            for index in indexes { try await sql.raw("\(unsafeRaw: index)").run() }
        } else {
            try await sql.raw("ALTER TABLE outbox ALTER COLUMN ticket_id DROP NOT NULL").run()
        }
        try await database.schema("digest_runs")
            .field("id", .int, .identifier(auto: true))
            .field("week_start", .datetime, .required)
            .field("recipients", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "week_start")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("digest_runs").delete()
    }

    struct MigrationFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
