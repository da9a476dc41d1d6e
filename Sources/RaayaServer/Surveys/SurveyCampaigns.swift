import Fluent
import Foundation
import RaayaCore
import SQLKit

/// A relationship survey (NPS) sent to a segment of customers — those of an organization, those with a ticket
/// tagged so, those last in touch within some dates — once, or again every so many days. Each run schedules an
/// invitation for every customer of the segment with an email address; the survey's throttle window keeps a
/// customer from being asked twice too soon (checked when each invitation is due).
struct SurveyCampaign: Encodable, Sendable, Equatable {
    var id: Int?
    var surveyID: Int?
    var organizationID: Int?
    var tag: String?
    /// Customers whose latest ticket activity is at or after this instant.
    var contactedAfter: Date?
    /// … and before this one.
    var contactedBefore: Date?
    /// Runs again this many days after each run; nil runs once.
    var everyDays: Int?
    var nextRunAt: Date?
    var lastRunAt: Date?
    /// Invitations scheduled by all its runs so far.
    var invited: Int?

    enum CodingKeys: String, CodingKey {
        case id, tag, invited
        case surveyID = "survey_id"
        case organizationID = "organization_id"
        case contactedAfter = "contacted_after"
        case contactedBefore = "contacted_before"
        case everyDays = "every_days"
        case nextRunAt = "next_run_at"
        case lastRunAt = "last_run_at"
    }
}

enum SurveyCampaigns {
    static let everyDaysRange = 1...366

    /// Stores a campaign whose first run is due now; returns its id.
    static func create(_ campaign: SurveyCampaign, surveyID: Int, on sql: any SQLDatabase, now: Date) async throws -> Int {
        try await sql.insertReturningID(
            into: "survey_campaigns",
            [
                "survey_id": surveyID, "organization_id": campaign.organizationID, "tag": campaign.tag,
                "contacted_after": campaign.contactedAfter, "contacted_before": campaign.contactedBefore,
                "every_days": campaign.everyDays, "next_run_at": now, "invited": 0, "created_at": now,
            ])
    }

    static func list(surveyID: Int, on sql: any SQLDatabase) async throws -> [SurveyCampaign] {
        try await sql.raw("""
            SELECT id, survey_id, organization_id, tag, contacted_after, contacted_before, every_days, next_run_at, \
            last_run_at, invited FROM survey_campaigns WHERE survey_id = \(bind: surveyID) ORDER BY id
            """).all().map { row in
            SurveyCampaign(
                id: try row.decode(column: "id", as: Int.self), surveyID: try row.decode(column: "survey_id", as: Int.self),
                organizationID: try row.decodeOptional(column: "organization_id", as: Int.self),
                tag: try row.decodeOptional(column: "tag", as: String.self),
                contactedAfter: try row.decodeOptional(column: "contacted_after", as: Date.self),
                contactedBefore: try row.decodeOptional(column: "contacted_before", as: Date.self),
                everyDays: try row.decodeOptional(column: "every_days", as: Int.self),
                nextRunAt: try row.decodeOptional(column: "next_run_at", as: Date.self),
                lastRunAt: try row.decodeOptional(column: "last_run_at", as: Date.self),
                invited: try row.decode(column: "invited", as: Int.self))
        }
    }

    /// Runs every campaign that is due, inside a write.
    static func runDue(on database: any Database, now: Date) async throws {
        let sql = try database.sqlDatabase()
        let lock: SQLQueryString = database.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
        let due = try await sql.raw("""
            SELECT id, survey_id, organization_id, tag, contacted_after, contacted_before, every_days, invited \
            FROM survey_campaigns WHERE next_run_at <= \(bind: now) ORDER BY id\(lock)
            """).all()
        for row in due {
            let id = try row.decode(column: "id", as: Int.self)
            let customers = try await segment(
                organizationID: try row.decodeOptional(column: "organization_id", as: Int.self),
                tag: try row.decodeOptional(column: "tag", as: String.self),
                after: try row.decodeOptional(column: "contacted_after", as: Date.self),
                before: try row.decodeOptional(column: "contacted_before", as: Date.self), on: sql)
            let surveyID = try row.decode(column: "survey_id", as: Int.self)
            try await sql.insertRows(
                into: "survey_invitations",
                columns: ["survey_id", "ticket_id", "customer_id", "campaign_id", "status", "due_at", "created_at"],
                customers.map { [surveyID, $0.ticketID, $0.customerID, id, "scheduled", now, now] })
            let every = try row.decodeOptional(column: "every_days", as: Int.self)
            try await sql.update("survey_campaigns").where("id", .equal, id)
                .set("next_run_at", to: every.map { now.addingTimeInterval(Double($0) * 86_400) })
                .set("last_run_at", to: now)
                .set("invited", to: try row.decode(column: "invited", as: Int.self) + customers.count).run()
        }
    }

    /// Customers of the segment who have an email address, each with their latest ticket (whose mailbox the
    /// survey is mailed from).
    private static func segment(
        organizationID: Int?, tag: String?, after: Date?, before: Date?, on sql: any SQLDatabase
    ) async throws -> [(customerID: Int, ticketID: Int)] {
        var query: SQLQueryString = """
            SELECT c.id AS customer_id, MAX(t.id) AS ticket_id FROM customers c JOIN tickets t ON t.customer_id = c.id \
            WHERE EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'email')
            """
        if let organizationID { query += " AND c.organization_id = \(bind: organizationID)" }
        if let tag {
            query += " AND EXISTS (SELECT 1 FROM ticket_tags g JOIN tickets tt ON tt.id = g.ticket_id WHERE tt.customer_id = c.id AND g.tag = \(bind: tag))"
        }
        query += " GROUP BY c.id HAVING 1 = 1"
        if let after { query += " AND MAX(t.updated_at) >= \(bind: after)" }
        if let before { query += " AND MAX(t.updated_at) < \(bind: before)" }
        query += " ORDER BY c.id"
        return try await sql.raw(query).all().map {
            (try $0.decode(column: "customer_id", as: Int.self), try $0.decode(column: "ticket_id", as: Int.self))
        }
    }
}
