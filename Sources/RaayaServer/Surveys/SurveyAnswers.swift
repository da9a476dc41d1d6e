import Fluent
import Foundation
import RaayaCore
import SQLKit

/// A customer's answer to a survey invitation: one per invitation, changeable for a day, then locked. A low
/// answer opens a task for the ticket's agent (or its group's supervisors) to close the loop with the customer.
enum SurveyAnswers {
    /// The invitation behind a survey link, with what the customer may still do with it.
    struct Invitation: Sendable {
        let id: Int
        let survey: SurveyDTO
        /// The ticket the answer is about; nil for a campaign's (relationship) survey, which is about no ticket.
        let ticketID: Int?
        let customerID: Int
        let language: String?
        let sentAt: Date
        /// The answer so far.
        let score: Int?
        let comment: String?
        let firstAnsweredAt: Date?

        func state(now: Date) -> SurveyRules.AnswerState {
            SurveyRules.answerState(sentAt: sentAt, firstAnsweredAt: firstAnsweredAt, now: now)
        }
    }

    /// The sent invitation `id`, or nil (never sent, or no such invitation).
    static func invitation(_ id: Int, on sql: any SQLDatabase) async throws -> Invitation? {
        guard
            let row = try await sql.raw("""
                SELECT i.id, i.survey_id, i.ticket_id, i.campaign_id, i.customer_id, i.sent_at, c.language, \
                r.score, r.comment, r.answered_at \
                FROM survey_invitations i JOIN customers c ON c.id = i.customer_id \
                LEFT JOIN survey_responses r ON r.invitation_id = i.id \
                WHERE i.id = \(bind: id) AND i.status = 'sent'
                """).first(),
            let sentAt = try row.decodeOptional(column: "sent_at", as: Date.self)
        else { return nil }
        return Invitation(
            id: id, survey: try await SurveyStore(sql: sql).find(try row.decode(column: "survey_id", as: Int.self)),
            ticketID: try row.decodeOptional(column: "campaign_id", as: Int.self) == nil
                ? try row.decodeOptional(column: "ticket_id", as: Int.self) : nil,
            customerID: try row.decode(column: "customer_id", as: Int.self),
            language: try row.decodeOptional(column: "language", as: String.self), sentAt: sentAt,
            score: try row.decodeOptional(column: "score", as: Int.self),
            comment: try row.decodeOptional(column: "comment", as: String.self),
            firstAnsweredAt: try row.decodeOptional(column: "answered_at", as: Date.self))
    }

    /// An answer as the customer gave it, validated.
    struct Answer: Sendable {
        let score: Int
        /// nil keeps an earlier comment (a one-click rating carries none).
        let comment: String?
        /// The comment's sentiment, worked out before the write.
        let sentiment: Sentiment?

        init(score: Int, comment: String?) {
            self.score = score
            self.comment = comment
            sentiment = comment.map { SentimentModel.shared.analyze($0) }
        }
    }

    enum Outcome: Sendable, Equatable {
        case recorded
        case locked
        case expired
    }

    /// Stores `answer` for invitation `id`, inside a write; checks the answer window again there.
    static func record(_ answer: Answer, invitationID id: Int, database: any Database, now: Date) async throws -> Outcome {
        let sql = try database.sqlDatabase()
        guard let invitation = try await invitation(id, on: sql) else { throw DomainError.notFound(resource: "survey") }
        guard invitation.survey.kind.scale.contains(answer.score) else {
            let scale = invitation.survey.kind.scale
            throw DomainError.invalid("score", "must be from \(scale.lowerBound) to \(scale.upperBound)")
        }
        switch invitation.state(now: now) {
        case .locked: return .locked
        case .expired: return .expired
        case .open, .changeable: break
        }
        var ticket: (any SQLRow)?
        if let ticketID = invitation.ticketID {
            ticket = try await sql.raw("SELECT assignee_id, group_id, channel FROM tickets WHERE id = \(bind: ticketID)").first()
        }
        let responseID: Int
        if let existing = try await sql.raw("SELECT id FROM survey_responses WHERE invitation_id = \(bind: id)").first() {
            responseID = try existing.decode(column: "id", as: Int.self)
            var update = sql.update("survey_responses").where("id", .equal, responseID)
                .set("score", to: answer.score).set("updated_at", to: now)
            if let comment = answer.comment {
                update = update.set("comment", to: comment).set("comment_sentiment", to: answer.sentiment?.label.rawValue)
                    .set("comment_sentiment_score", to: answer.sentiment?.score)
                    .set("comment_language", to: answer.sentiment?.language.rawValue)
            }
            try await update.run()
        } else {
            responseID = try await sql.insertReturningID(
                into: "survey_responses",
                [
                    "invitation_id": id, "survey_id": invitation.survey.id, "kind": invitation.survey.kind.rawValue,
                    "direction": invitation.survey.direction.rawValue, "score": answer.score, "comment": answer.comment,
                    "comment_sentiment": answer.sentiment?.label.rawValue,
                    "comment_sentiment_score": answer.sentiment?.score,
                    "comment_language": answer.sentiment?.language.rawValue, "ticket_id": invitation.ticketID,
                    "customer_id": invitation.customerID,
                    "agent_id": try ticket?.decodeOptional(column: "assignee_id", as: Int.self),
                    "group_id": try ticket?.decodeOptional(column: "group_id", as: Int.self),
                    "channel": try ticket?.decodeOptional(column: "channel", as: String.self), "answered_at": now,
                    "updated_at": now,
                ])
        }
        let low = SurveyAnswer(kind: invitation.survey.kind, score: answer.score, direction: invitation.survey.direction).isLow
        if let ticketID = invitation.ticketID {
            try await TicketService(database: database, now: now, actor: nil).record(
                .surveyAnswered, on: ticketID,
                ["kind": invitation.survey.kind.rawValue, "score": String(answer.score), "low": String(low)])
        }
        if low, try await sql.raw("SELECT id FROM close_loop_tasks WHERE response_id = \(bind: responseID)").first() == nil {
            try await sql.insertRow(
                into: "close_loop_tasks",
                [
                    "response_id": responseID, "ticket_id": invitation.ticketID, "customer_id": invitation.customerID,
                    "assignee_id": try ticket?.decodeOptional(column: "assignee_id", as: Int.self),
                    "group_id": try ticket?.decodeOptional(column: "group_id", as: Int.self), "status": "open",
                    "created_at": now,
                ])
        }
        return .recorded
    }
}
