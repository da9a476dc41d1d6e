import Fluent
import Foundation
import RaayaCore
import SQLKit

/// Invitations to answer a survey: scheduled when a ticket is solved (CSAT, CES) or by a campaign (NPS), and sent
/// when due by the way the customer came (a mail with one-click ratings, or a message in their chat), or skipped
/// with the reason (`SurveyRules`). Whether one goes out is decided when it is due, not when it was scheduled:
/// by then the customer may have written again.
enum SurveyInvitations {
    /// Schedules every enabled survey that follows resolutions for a ticket just solved, once per ticket and
    /// survey (a ticket solved again after a reopen is not asked again). Runs in the solving transaction.
    static func scheduleOnSolve(ticketID: Int, customerID: Int, on sql: any SQLDatabase, now: Date) async throws {
        let surveys = try await sql.raw("""
            SELECT id, delay_minutes FROM surveys WHERE enabled AND on_solve \
            AND id NOT IN (SELECT survey_id FROM survey_invitations WHERE ticket_id = \(bind: ticketID))
            """).all()
        for survey in surveys {
            let delay = try survey.decode(column: "delay_minutes", as: Int.self)
            try await sql.insertRow(
                into: "survey_invitations",
                [
                    "survey_id": try survey.decode(column: "id", as: Int.self), "ticket_id": ticketID,
                    "customer_id": customerID, "status": "scheduled", "due_at": now.addingTimeInterval(Double(delay) * 60),
                    "created_at": now,
                ])
        }
    }

    /// Sends or skips what is due now, at most `limit`; returns how many it settled. Runs inside a write.
    static func dispatchDue(services: RaayaServices, database: any Database, now: Date, limit: Int = 50) async throws -> Int {
        let sql = try database.sqlDatabase()
        let lock: SQLQueryString = database.isSQLite ? "" : " FOR UPDATE SKIP LOCKED"
        let due = try await sql.raw("""
            SELECT id, survey_id, ticket_id, customer_id, campaign_id FROM survey_invitations \
            WHERE status = 'scheduled' AND due_at <= \(bind: now) ORDER BY id LIMIT \(bind: limit)\(lock)
            """).all()
        var surveys: [Int: SurveyDTO] = [:]
        for row in due {
            let id = try row.decode(column: "id", as: Int.self)
            let surveyID = try row.decode(column: "survey_id", as: Int.self)
            let survey: SurveyDTO
            if let known = surveys[surveyID] {
                survey = known
            } else {
                survey = try await SurveyStore(sql: sql).find(surveyID)
                surveys[surveyID] = survey
            }
            let invitation = Invitation(
                id: id, survey: survey, ticketID: try row.decodeOptional(column: "ticket_id", as: Int.self),
                customerID: try row.decode(column: "customer_id", as: Int.self),
                fromCampaign: try row.decodeOptional(column: "campaign_id", as: Int.self) != nil)
            var decision = try await decide(invitation, on: sql, now: now)
            if case .send(let via) = decision,
                try await !send(invitation, via: via, services: services, database: database, now: now)
            {
                decision = .skip(.unreachable)
            }
            switch decision {
            case .skip(let reason):
                try await sql.update("survey_invitations").where("id", .equal, id)
                    .set("status", to: "skipped").set("reason", to: reason.rawValue).run()
            case .send(let via):
                try await sql.update("survey_invitations").where("id", .equal, id)
                    .set("status", to: "sent").set("via", to: via.rawValue).set("sent_at", to: now).run()
                if let ticketID = invitation.ticketID, !invitation.fromCampaign {
                    try await TicketService(database: database, now: now, actor: nil).record(
                        .surveySent, on: ticketID,
                        [
                            "survey_id": String(survey.id), "kind": survey.kind.rawValue, "invitation_id": String(id),
                            "via": via.rawValue,
                        ])
                }
            }
        }
        return due.count
    }

    struct Invitation {
        let id: Int
        let survey: SurveyDTO
        /// For a campaign's invitation, the customer's latest ticket: the mail goes through its mailbox.
        let ticketID: Int?
        let customerID: Int
        let fromCampaign: Bool
    }

    private static func decide(_ invitation: Invitation, on sql: any SQLDatabase, now: Date) async throws -> SurveyDecision {
        let lastSurveyed = try await sql.raw("""
            SELECT MAX(i.sent_at) AS last FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id \
            WHERE i.customer_id = \(bind: invitation.customerID) AND s.kind = \(bind: invitation.survey.kind.rawValue) \
            AND i.status = 'sent'
            """).first()?.decodeOptional(column: "last", as: Date.self)
        let hasEmail =
            try await sql.raw(
                "SELECT id FROM customer_identities WHERE customer_id = \(bind: invitation.customerID) AND kind = 'email' LIMIT 1"
            ).first() != nil
        guard let ticketID = invitation.ticketID,
            let ticket = try await sql.raw("""
                SELECT status, channel, merged_into_id, \
                (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind IN ('bot_solved', 'self_service_solved')) AS self_service \
                FROM tickets t WHERE t.id = \(bind: ticketID)
                """).first()
        else { return .skip(.unreachable) }
        if invitation.fromCampaign {
            // A relationship survey does not depend on the ticket it is mailed through.
            let facts = SurveyTicketFacts(status: .closed, lastSurveyedAt: lastSurveyed, channel: .email, hasEmail: hasEmail)
            return SurveyRules.decide(facts, policy: invitation.survey.policy, enabled: invitation.survey.enabled, now: now)
        }
        let facts = SurveyTicketFacts(
            status: try ticket.decodeRaw(column: "status", as: TicketStatus.self),
            solvedBySelfService: try ticket.decode(column: "self_service", as: Int.self) > 0,
            merged: try ticket.decodeOptional(column: "merged_into_id", as: Int.self) != nil,
            lastSurveyedAt: lastSurveyed, channel: try ticket.decodeRaw(column: "channel", as: Channel.self),
            hasEmail: hasEmail)
        return SurveyRules.decide(facts, policy: invitation.survey.policy, enabled: invitation.survey.enabled, now: now)
    }

    /// Returns whether it went out: a mail needs a mailbox to come from.
    private static func send(
        _ invitation: Invitation, via: SurveyDelivery, services: RaayaServices, database: any Database, now: Date
    ) async throws -> Bool {
        guard let ticketID = invitation.ticketID else { return false }
        let link = SurveyLink(invitationID: invitation.id)
        let publicURL = services.configuration.publicURL
        let key = services.secretKey
        let survey = invitation.survey
        switch via {
        case .email:
            return try await MailOutbox.enqueueSurvey(ticketID: ticketID, on: database.sqlDatabase(), now: now) { language, name in
                SurveyMail.text(survey, language: language, name: name) { link.url(publicURL: publicURL, key: key, score: $0) }
            }
        case .chat:
            let language = try await database.sqlDatabase().raw(
                "SELECT c.language FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = \(bind: ticketID)"
            ).first()?.decodeOptional(column: "language", as: String.self)
            let text = SurveyMail.chatText(survey, language: language, url: link.url(publicURL: publicURL, key: key))
            _ = try await TicketService(database: database, now: now, actor: nil).addMessage(
                to: ticketID, NewMessage(body: text, isInternal: false, author: .bot, channel: .chat))
            return true
        }
    }
}

/// What a survey invitation says, by mail or in chat, in the customer's language (both when it is unknown).
enum SurveyMail {
    static func text(
        _ survey: SurveyDTO, language: String?, name: String, url: (Int?) -> String
    ) -> (subject: String, body: String) {
        let languages = languages(language)
        let subject = languages.map { $0 == "ar" ? "رأيك يهمنا" : "How did we do?" }.joined(separator: " — ")
        let body = languages.map { language -> String in
            let arabic = language == "ar"
            let lines = SurveyScale.points(survey.kind, direction: survey.direction, language: language).map { point -> String in
                "  \(point.score)\(point.label.map { " — \($0)" } ?? ""): \(url(point.score))"
            }
            let greeting = arabic ? "مرحباً \(name)،" : "Hello \(name),"
            let how = arabic ? "اختر تقييمك بنقرة واحدة:" : "Choose your rating with one click:"
            let after =
                arabic
                ? "بعد التقييم يمكنك أن تكتب لنا تعليقاً. شكراً لوقتك."
                : "After rating you can leave us a comment. Thank you for your time."
            return "\(greeting)\n\n\(survey.question(language))\n\n\(how)\n\(lines.joined(separator: "\n"))\n\n\(after)"
        }.joined(separator: "\n\n")
        return (subject, body)
    }

    static func chatText(_ survey: SurveyDTO, language: String?, url: String) -> String {
        languages(language).map { language -> String in
            language == "ar"
                ? "\(survey.question(language))\nقيّم المحادثة من هنا: \(url)"
                : "\(survey.question(language))\nRate this conversation here: \(url)"
        }.joined(separator: "\n\n")
    }

    private static func languages(_ language: String?) -> [String] {
        switch language?.split(separator: "-").first {
        case "ar": ["ar"]
        case "en": ["en"]
        default: ["ar", "en"]
        }
    }
}
