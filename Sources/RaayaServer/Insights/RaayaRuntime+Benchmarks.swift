import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// What `report-bench` needs from a configured application: a bulk write and a report as the API answers it.
extension RaayaRuntime {
    /// Runs `work` as one write (one transaction, on SQLite through the single writer): for tools that fill a
    /// database in bulk with plain SQL.
    public func bulkWrite(_ work: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await app.raaya.writer.write { database in try await work(try database.sqlDatabase()) }
    }

    /// Builds the reports' pre-aggregate of the tickets that have none from the stored history, after a bulk fill
    /// in plain SQL.
    public func buildTicketFacts() async throws {
        try await bulkWrite { sql in try await TicketFactsTable.fillMissing(on: sql) }
    }

    /// How many rows each of `tables` holds, in order.
    public func counts(of tables: [String]) async throws -> [(table: String, rows: Int)] {
        let sql = try app.db.sqlDatabase()
        var counts: [(table: String, rows: Int)] = []
        for table in tables {
            let rows = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self)
            counts.append((table, rows ?? 0))
        }
        return counts
    }

    /// The JSON body `GET /api/v1/reports/{name}?{query}` answers, made the same way without HTTP and sign-in.
    public func report(_ name: String, query: String) async throws -> Data {
        let report = try ReportName(path: name)
        let request = Request(
            application: app, method: .GET, url: URI(string: "/api/v1/reports/\(name)?\(query)"),
            on: app.eventLoopGroup.next())
        let made: any TabularReport = try await ReportsAPI.make(report, request.queryParameters, request: request)
        return try JSON.encoder.encode(made)
    }
}
