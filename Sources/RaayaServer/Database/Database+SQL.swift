import Fluent
import SQLKit

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
