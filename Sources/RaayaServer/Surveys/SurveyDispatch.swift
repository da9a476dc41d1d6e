import Foundation
import Vapor

/// A job run by `PeriodicJob` every few seconds: runs the survey campaigns that are due, then sends (or skips)
/// the survey invitations that are due. Each round is one write; on PostgreSQL the rows are taken with `FOR
/// UPDATE SKIP LOCKED`, so several instances share the work without sending anything twice.
enum SurveyDispatch {
    /// A new job for an application (each application runs its own).
    static var job: PeriodicJob { PeriodicJob(interval: .seconds(5)) { await runDue($0) } }

    /// One round; returns how many invitations it settled (0 when nothing was due or it failed).
    @discardableResult
    static func runDue(_ app: Application) async -> Int {
        let services = app.raaya
        do {
            let now = services.clock.now()
            // Most rounds nothing is due: a read says so without a write transaction.
            let sql = try app.db.sqlDatabase()
            let invitationDue =
                try await sql.raw(
                    "SELECT id FROM survey_invitations WHERE status = 'scheduled' AND due_at <= \(bind: now) LIMIT 1"
                ).first() != nil
            let campaignDue =
                try await sql.raw("SELECT id FROM survey_campaigns WHERE next_run_at <= \(bind: now) LIMIT 1").first() != nil
            guard invitationDue || campaignDue else { return 0 }
            if campaignDue {
                try await services.writer.write { database in
                    try await SurveyCampaigns.runDue(on: database, now: now)
                }
            }
            return try await services.writer.write { database in
                try await SurveyInvitations.dispatchDue(services: services, database: database, now: now)
            }
        } catch {
            app.logger.error("survey dispatch failed", metadata: ["error": "\(String(reflecting: error))"])
            return 0
        }
    }
}
