import Fluent
import Foundation
import RaayaCore
import SQLKit

/// The demo's satisfaction history: two months of solved requests, each answered with a CSAT rating (some with
/// comments, in Arabic and English, a few unhappy), an NPS campaign's answers, and the surveys themselves — CSAT
/// sent an hour after each solve, CES ready but off, NPS for campaigns.
extension DemoData {
    static let historyDays = 60

    /// Solved requests spread over the last `historyDays` days; stored before any survey exists, so they
    /// schedule none. Returns their ids, oldest first.
    static func seedHistory(agents: [Principal], groups: [Int], on database: any Database, now: Date) async throws -> [Int] {
        let customers: [(String, String)] = [
            ("سلمى الدوسري", "salma.d@example.com"), ("Michael Brown", "michael.b@example.com"),
            ("منى العنزي", "mona@example.com"), ("ياسر الغامدي", "yasser@example.com"),
            ("Fatima Al-Sayed", "fatima.s@example.com"), ("بدر القرني", "badr@example.com"),
        ]
        let channels: [Channel] = [.email, .chat, .web, .email, .phone, .chat]
        var ids: [Int] = []
        let count = 36
        for n in 0..<count {
            let created = now.addingTimeInterval(-Double(historyDays) * 86_400 * Double(count - n) / Double(count))
            let topic = topics[n % topics.count]
            let agent = agents[n % agents.count]
            let customer = customers[n % customers.count]
            let channel = channels[n % channels.count]
            let id = try await TicketService(database: database, now: created, actor: agent).create(
                NewTicket(
                    subject: topic.subject, body: topic.body, channel: channel, priority: .normal,
                    customerID: nil, customer: CustomerDraft(name: customer.0, email: customer.1),
                    groupID: groups[n % groups.count], assigneeID: agent.userID, tags: []))
            // E-mail and portal: first answers take from ten minutes to a few hours, solving one to thirty hours. Chats
            // and calls: answered within three minutes, handled in five to twenty-five.
            let live = channel == .chat || channel == .phone
            let answered = created.addingTimeInterval(live ? Double(30 + (n * 37) % 150) : Double(600 + (n * 2_437) % 14_400))
            func reply(_ service: TicketService, _ arabic: String, _ english: String) async throws {
                _ = try await service.addMessage(
                    to: id, NewMessage(body: n % 2 == 0 ? arabic : english, isInternal: false, author: .agent, channel: nil))
            }
            try await reply(
                TicketService(database: database, now: answered, actor: agent), "شكراً لتواصلك، نعمل على طلبك الآن.",
                "Thanks for reaching out, we are on it.")
            let solved = answered.addingTimeInterval(live ? Double(300 + (n * 131) % 1_200) : Double(3_600 + (n * 7_919) % 104_400))
            // Every third customer writes back before the solve, pleased: the reports' customer sentiment then moves
            // between opening and now.
            if n % 3 == 1 {
                _ = try await TicketService(database: database, now: answered.addingTimeInterval(answered.distance(to: solved) / 2), actor: agent)
                    .addMessage(
                        to: id,
                        NewMessage(
                            body: n % 2 == 0 ? "شكرًا جزيلًا، تم حل المشكلة والخدمة ممتازة 👍" : "Thank you, that fixed it. Great service!",
                            isInternal: false, author: .customer, channel: channel))
            }
            try await TicketService(database: database, now: min(solved, now), actor: agent)
                .update(id, TicketChanges(status: .solved))
            // Every seventh request comes back a day later and is solved again, so the reopen rate means something.
            let reopened = solved.addingTimeInterval(86_400)
            if n % 7 == 3, reopened.addingTimeInterval(7_200) < now {
                try await TicketService(database: database, now: reopened, actor: agent).update(id, TicketChanges(status: .open))
                try await reply(
                    TicketService(database: database, now: reopened.addingTimeInterval(1_800), actor: agent),
                    "أعدنا فتح طلبك وأرسلنا البديل اليوم.", "We reopened your request and sent the replacement today.")
                try await TicketService(database: database, now: reopened.addingTimeInterval(7_200), actor: agent)
                    .update(id, TicketChanges(status: .solved))
            }
            ids.append(id)
        }
        return ids
    }

    /// The demo's surveys, and CSAT and NPS answers for the history's tickets and customers.
    static func seedSurveys(history: [Int], on database: any Database, now: Date) async throws {
        let sql = try database.sqlDatabase()
        let store = SurveyStore(sql: sql)
        func survey(_ kind: SurveyKind, enabled: Bool, onSolve: Bool) async throws -> SurveyDTO {
            let id = try await store.create(
                SurveyDTO(
                    id: 0, kind: kind, name: kind.rawValue.uppercased(), enabled: enabled,
                    questions: SurveyDTO.standardQuestions(kind), direction: .lowIsEasy, onSolve: onSolve, delayMinutes: 60,
                    throttleDays: kind == .nps ? 90 : 7, includeSelfService: false, includeMerged: false), now: now)
            return try await store.find(id)
        }
        let csat = try await survey(.csat, enabled: true, onSolve: true)
        _ = try await survey(.ces, enabled: false, onSolve: true)
        let nps = try await survey(.nps, enabled: true, onSolve: false)

        // Mostly content, a few not; every fourth answer says why.
        let scores = [5, 4, 5, 3, 5, 4, 2, 5, 4, 5, 1, 4]
        let comments = [
            5: "خدمة ممتازة وسريعة، شكراً لكم", 4: "Quick and friendly help, thank you",
            3: "The answer was fine but it took two days", 2: "التوصيل متأخر والمندوب ما رد على اتصالاتي",
            1: "التوصيل متأخر أسبوع ولا أحد يرد، تجربة سيئة",
        ]
        for (n, ticketID) in history.enumerated() {
            guard
                let ticket = try await sql.raw(
                    "SELECT customer_id, solved_at FROM tickets WHERE id = \(bind: ticketID) AND solved_at IS NOT NULL"
                ).first()
            else { continue }
            let sent = try ticket.decode(column: "solved_at", as: Date.self).addingTimeInterval(3_600)
            guard sent < now, n % 6 != 5 else { continue }  // one in six never answers
            let score = scores[n % scores.count]
            let comment = n % 4 == 0 || score <= 2 ? comments[score] : nil
            try await answer(
                csat, ticketID: ticketID, customerID: try ticket.decode(column: "customer_id", as: Int.self), sent: sent,
                score: score, comment: comment, on: database, now: now)
        }
        // Last month's NPS campaign to everyone who wrote in.
        let customers = try await sql.raw(
            "SELECT customer_id, MAX(id) AS ticket_id FROM tickets GROUP BY customer_id ORDER BY customer_id"
        ).all()
        let npsScores = [10, 9, 7, 10, 6, 9, 8, 3, 10, 9]
        let campaignSent = now.addingTimeInterval(-20 * 86_400)
        let campaign = try await sql.insertReturningID(
            into: "survey_campaigns",
            ["survey_id": nps.id, "invited": customers.count, "last_run_at": campaignSent, "created_at": campaignSent])
        for (n, row) in customers.enumerated() {
            try await answer(
                nps, ticketID: try row.decode(column: "ticket_id", as: Int.self),
                customerID: try row.decode(column: "customer_id", as: Int.self), sent: campaignSent, score: npsScores[n % npsScores.count],
                comment: n % 5 == 4 ? "الأسعار مرتفعة مقارنة بالمنافسين" : nil, campaignID: campaign, on: database, now: now)
        }
    }

    private static func answer(
        _ survey: SurveyDTO, ticketID: Int, customerID: Int, sent: Date, score: Int, comment: String?, campaignID: Int? = nil,
        on database: any Database, now: Date
    ) async throws {
        let invitation = try await database.sqlDatabase().insertReturningID(
            into: "survey_invitations",
            [
                "survey_id": survey.id, "ticket_id": ticketID, "customer_id": customerID, "campaign_id": campaignID,
                "status": "sent", "via": SurveyDelivery.email.rawValue, "due_at": sent, "sent_at": sent, "created_at": sent,
            ])
        _ = try await SurveyAnswers.record(
            .init(score: score, comment: comment), invitationID: invitation, database: database,
            now: min(sent.addingTimeInterval(Double(1_800 + (invitation * 977) % 20_000)), now))
    }
}
