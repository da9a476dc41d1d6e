import Foundation
import RaayaCore
import RaayaMail
import SQLKit
import Vapor

/// Every week, once the week (Sunday to Saturday, UTC) is over, a mail to each admin and supervisor with its key
/// numbers beside the week before's, in Arabic and English, and a link to the dashboard for that week. It goes
/// through the outbox from the first mailbox; a week's digest is recorded in `digest_runs` in the same write, so
/// it goes once whichever instance gets there first. Weeks before the first account existed get none.
enum WeeklyDigest {
    /// A new job for an application.
    static var job: PeriodicJob { PeriodicJob(interval: .seconds(600)) { await runDue($0) } }

    static let calendar = ReportCalendar(timeZone: TimeZone(identifier: "UTC")!)

    /// The week whose digest is due at `now`: the last one that has ended.
    static func lastWeek(before now: Date) -> Range<Date>? {
        guard let current = calendar.bucket(.week, containing: now) else { return nil }
        return calendar.previous(.week, before: current)
    }

    /// Sends the digest of the last week if it has not gone yet; returns how many mails were queued.
    @discardableResult
    static func runDue(_ app: Application) async -> Int {
        let services = app.raaya
        do {
            let now = services.clock.now()
            guard let week = lastWeek(before: now) else { return 0 }
            let sql = try app.db.sqlDatabase()
            // Most rounds it has gone already: a read says so without a write.
            guard try await sql.raw("SELECT id FROM digest_runs WHERE week_start = \(bind: week.lowerBound)").first() == nil,
                let firstAccount = try await sql.raw("SELECT MIN(created_at) AS first FROM users").first()?
                    .decodeOptional(column: "first", as: Date.self),
                firstAccount < week.lowerBound
            else { return 0 }
            let text = try await compose(week, on: sql, now: now, publicURL: services.configuration.publicURL)
            return try await services.writer.write { database in
                let sql = try database.sqlDatabase()
                guard try await sql.raw("SELECT id FROM digest_runs WHERE week_start = \(bind: week.lowerBound)").first() == nil else {
                    return 0
                }
                let recipients = try await enqueue(text, on: sql, now: now)
                try await sql.insertRow(
                    into: "digest_runs", ["week_start": week.lowerBound, "recipients": recipients, "created_at": now])
                return recipients
            }
        } catch {
            app.logger.error("weekly digest failed", metadata: ["error": "\(String(reflecting: error))"])
            return 0
        }
    }

    /// The digest's subject and text for `week`, from the same reports as the dashboard.
    static func compose(_ week: Range<Date>, on sql: any SQLDatabase, now: Date, publicURL: String) async throws
        -> (subject: String, body: String)
    {
        // The dashboard's reports over the week, so the mail's numbers are the page's.
        let scope = ReportScope(range: week, periodName: .custom, calendar: calendar, filter: .all)
        let tickets = TicketReport(try await TicketHistory.facts(for: week, filter: .all, on: sql))
        let volume = try await VolumeReport.make(scope: scope, on: sql)
        let times = await ResponseTimesReport(tickets, scope: scope, measure: .calendar, calendarID: nil).total
        let reopens = await ReopensReport(tickets, scope: scope).total
        let satisfaction = try await SatisfactionReport.make(range: week, period: .custom(week), calendar: calendar, filter: .all, on: sql)
        let selfService = try await SelfServiceReport.make(scope: scope, on: sql).total
        let goals = try await Goals.list(on: sql, now: now).filter { $0.deadline > week.lowerBound }

        let first = ReportPages.day(week.lowerBound, scope)
        let last = ReportPages.day(week.upperBound.addingTimeInterval(-1), scope)
        func hours(_ seconds: Double?, _ unit: String) -> String { seconds.map { String(format: "%.1f %@", $0 / 3600, unit) } ?? "—" }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0) } ?? "—" }
        func channels(_ language: Language) -> String {
            Channel.allCases.compactMap { channel in
                volume.byChannel[channel.rawValue].flatMap { $0 > 0 ? "\(channel.name(language)) \($0)" : nil }
            }.joined(separator: language == .ar ? "، " : ", ")
        }
        // "Customer sentiment of new tickets — When the ticket opened: Negative 1, Neutral 2, Positive 0; Now: …"
        func sentiment(_ language: Language) -> String {
            func counts(_ phrase: Phrase, _ labels: [String: Int]) -> String {
                "\(phrase.text(language)): " + SentimentLabel.allCases.map { "\($0.name(language)) \(labels[$0.rawValue] ?? 0)" }
                    .joined(separator: language == .ar ? "، " : ", ")
            }
            let tickets = satisfaction.total.customerSentiment
            return "\(Phrase.customerSentiment.text(language)) — \(counts(.sentimentAtOpening, tickets.opening))"
                + (language == .ar ? "؛ " : "; ") + counts(.sentimentNow, tickets.latest)
        }
        let csat = satisfaction.total.csat
        let nps = satisfaction.total.nps.score.map { String(format: "%.0f", $0) } ?? "—"
        let link = "\(publicURL)/agent/reports?from=\(first)&to=\(last)&period=day"
        let arabicGoals = goals.map { "- \($0.name): \($0.progress?.status.name(.ar) ?? "")" }
        let englishGoals = goals.map { "- \($0.name): \($0.progress?.status.name(.en) ?? "")" }
        let arabic = """
            ملخص أسبوع خدمة العملاء من \(first) إلى \(last) (بتوقيت UTC)

            التذاكر الجديدة: \(volume.total) (الأسبوع السابق: \(volume.previous.total))
            حسب القناة: \(channels(.ar).isEmpty ? "—" : channels(.ar))
            وسيط زمن الرد الأول: \(hours(times.firstResponse.median, "ساعة"))
            وسيط زمن الحل: \(hours(times.resolution.median, "ساعة"))
            نسبة إعادة الفتح: \(percent(reopens.reopenRate.percent))
            الحل من أول تواصل: \(percent(reopens.firstContactResolution.percent))
            التذاكر المتراكمة في نهاية الأسبوع: \(reopens.backlog)
            رضا العملاء: \(percent(csat.percent)) (\(csat.answers) إجابة)، صافي نقاط الترويج: \(nps)
            \(sentiment(.ar))
            حلّها المساعد الآلي: \(selfService.botSolved)، وحوّلها إلى موظف: \(selfService.botHandedOff)
            \(arabicGoals.isEmpty ? "" : "الأهداف:\n" + arabicGoals.joined(separator: "\n") + "\n")
            لوحة التقارير: \(link)
            """
        let english = """
            Customer care week from \(first) to \(last) (UTC)

            New tickets: \(volume.total) (week before: \(volume.previous.total))
            By channel: \(channels(.en).isEmpty ? "—" : channels(.en))
            Median first response: \(hours(times.firstResponse.median, "h"))
            Median resolution time: \(hours(times.resolution.median, "h"))
            Reopen rate: \(percent(reopens.reopenRate.percent))
            First-contact resolution: \(percent(reopens.firstContactResolution.percent))
            Backlog at the week's end: \(reopens.backlog)
            Customer satisfaction (CSAT): \(percent(csat.percent)) (\(csat.answers) answers), NPS: \(nps)
            \(sentiment(.en))
            Solved by the bot: \(selfService.botSolved), handed to a person: \(selfService.botHandedOff)
            \(englishGoals.isEmpty ? "" : "Goals:\n" + englishGoals.joined(separator: "\n") + "\n")
            Reports dashboard: \(link)
            """
        return ("ملخص الأسبوع — Weekly digest \(first) – \(last)", arabic + "\n\n———\n\n" + english + "\n")
    }

    /// Queues the digest for every admin and supervisor, from the first mailbox; returns how many were queued
    /// (none without a mailbox to send from).
    private static func enqueue(_ text: (subject: String, body: String), on sql: any SQLDatabase, now: Date) async throws -> Int {
        guard let mailbox = try await sql.raw("SELECT address, name FROM mailboxes ORDER BY id LIMIT 1").first() else { return 0 }
        let from = MailAddress(
            name: try mailbox.decode(column: "name", as: String.self), address: try mailbox.decode(column: "address", as: String.self))
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "raaya.invalid"
        let people = try await sql.raw("""
            SELECT name, email FROM users WHERE role IN (\(binds: [Role.admin.rawValue, Role.supervisor.rawValue])) ORDER BY id
            """).all()
        for person in people {
            let to = MailAddress(name: try person.decode(column: "name", as: String.self), address: try person.decode(column: "email", as: String.self))
            let messageID = "raaya.digest.\(UUID().uuidString.lowercased())@\(domain)"
            var composer = MailComposer(
                from: from, to: [to], subject: text.subject, date: Int64(now.timeIntervalSince1970), messageID: messageID, text: text.body)
            composer.isAutomatic = true
            try await sql.insertRow(
                into: "outbox",
                [
                    "kind": "digest", "mail_message_id": messageID, "sender": from.address, "recipient": to.address,
                    "payload": Data(composer.compose()), "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now,
                ])
        }
        return people.count
    }
}
