import Foundation
import RaayaCore
import Vapor

/// Satisfaction for managers (`/agent/satisfaction`: CSAT, NPS, CES, response rate, per period, what unhappy
/// customers mention most, the latest comments; the same numbers as `GET /api/v1/satisfaction`), and the
/// close-the-loop tasks every agent works (`/agent/close-loop`).
enum SatisfactionPages {
    static func register(on app: Application) {
        app.get("agent", "satisfaction", use: satisfaction)
        app.get("agent", "close-loop", use: closeLoop)
        app.post("agent", "close-loop", ":id", "done", use: completeTask)
    }

    @Sendable static func satisfaction(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requireRole(.admin, .supervisor)
            let language = session.language
            let parameters = request.queryParameters
            let scope = try ReportScope(parameters, now: request.raaya.clock.now(), inclusiveTo: true)
            let (from, to, periodName) = (scope.range.lowerBound, scope.range.upperBound, scope.periodName)
            let sql = try request.db.sqlDatabase()
            let report = try await SatisfactionReport.make(
                range: scope.range, period: scope.period, calendar: scope.calendar, filter: scope.filter, on: sql)
            let themes = try await SatisfactionReport.negativeThemes(range: from..<to, on: sql)
            let comments = try await sql.raw("""
                SELECT r.score, r.kind, r.comment, r.comment_sentiment, r.ticket_id, r.answered_at FROM survey_responses r \
                WHERE r.comment IS NOT NULL AND r.answered_at >= \(bind: from) AND r.answered_at < \(bind: to) \
                ORDER BY r.answered_at DESC LIMIT 10
                """).all()

            let total = report.total
            func number(_ value: Double?, suffix: String = "") -> String {
                value.map { String(format: "%.1f", $0) + suffix } ?? "—"
            }
            let figures: HTML = """
                <div class="figures">\
                <section class="card" id="csat"><h2>\(Phrase.csatFigure, language)</h2><p class="figure">\(number(total.csat.percent, suffix: "%"))</p>\
                <p class="muted">\(Phrase.answersCount, language): \(total.csat.answers)</p></section>\
                <section class="card" id="nps"><h2>\(Phrase.npsFigure, language)</h2><p class="figure">\(number(total.nps.score))</p>\
                <p class="muted">\(Phrase.promoters, language) \(total.nps.promoters) · \(Phrase.passives, language) \(total.nps.passives) · \
                \(Phrase.detractors, language) \(total.nps.detractors)</p></section>\
                <section class="card" id="ces"><h2>\(Phrase.cesFigure, language)</h2><p class="figure">\(number(total.ces.average))</p>\
                <p class="muted">\(Phrase.answersCount, language): \(total.ces.answers)</p></section>\
                <section class="card" id="response-rate"><h2>\(Phrase.responseRate, language)</h2>\
                <p class="figure">\(number(total.responseRate.rate, suffix: "%"))</p>\
                <p class="muted">\(total.responseRate.answered) / \(total.responseRate.sent)</p></section></div>
                """
            let rows: [HTML] = report.periods.map { bucket in
                let f = bucket.figures
                return """
                    <tr><td><time datetime="\(JSON.rfc3339(bucket.start))">\(ReportPages.day(bucket.start, scope))</time></td>\
                    <td>\(number(f.csat.percent, suffix: "%"))</td><td>\(number(f.nps.score))</td><td>\(number(f.ces.average))</td>\
                    <td>\(number(f.responseRate.rate, suffix: "%"))</td></tr>
                    """
            }
            let themeLists: [HTML] = ["ar", "en"].compactMap { code in
                guard let list = themes[code], !list.isEmpty, let name = Language(rawValue: code)?.name(language) else { return nil }
                let items: [HTML] = list.map { "<li><span dir=\"auto\">\($0.text)</span> <span class=\"count\">\($0.comments)</span></li>" }
                return "<h3>\(name)</h3><ul class=\"plain\">\(items)</ul>"
            }
            let commentItems: [HTML] = try comments.map { row in
                let ticket = try row.decodeOptional(column: "ticket_id", as: Int.self)
                let sentiment = try row.decodeOptional(column: "comment_sentiment", as: String.self).flatMap(SentimentLabel.init(rawValue:))
                let link: HTML = ticket.map { "<a href=\"/agent/tickets/\($0)\">#\($0)</a> " } ?? ""
                return """
                    <li>\(link)<strong>\(try row.decode(column: "kind", as: String.self).uppercased()) \
                    \(try row.decode(column: "score", as: Int.self))</strong> \
                    \(sentiment.map { HTML("<span class=\"badge\">\($0.name(language))</span>") } ?? "") \
                    <span dir="auto">\(try row.decode(column: "comment", as: String.self))</span></li>
                    """
            }
            let periodOptions: [HTML] = ReportPeriodName.allCases.filter { $0 != .custom }.map { option in
                "<option value=\"\(option.rawValue)\"\(HTML(trusted: option == periodName ? " selected" : ""))>\(option.phrase, language)</option>"
            }
            let body: HTML = """
                <h1>\(Phrase.satisfaction, language)</h1>
                <form class="filters" method="get" action="/agent/satisfaction">\
                <label>\(Phrase.fromDate, language) <input type="date" name="from" value="\(ReportPages.day(from, scope))"></label>\
                <label>\(Phrase.toDate, language) <input type="date" name="to" value="\(ReportPages.day(to.addingTimeInterval(-1), scope))"></label>\
                <label>\(Phrase.period, language) <select name="period">\(periodOptions)</select></label>\
                <button class="primary" type="submit">\(Phrase.show, language)</button></form>
                \(figures)
                <section class="card"><table class="tickets" id="periods"><thead><tr><th>\(Phrase.period, language)</th>\
                <th>CSAT</th><th>NPS</th><th>CES</th><th>\(Phrase.responseRate, language)</th></tr></thead><tbody>\(rows)</tbody></table></section>
                <section class="card" id="themes"><h2>\(Phrase.negativeThemes, language)</h2>\
                \(themeLists.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noData, language)</p>") : HTML(trusted: themeLists.map(\.text).joined()))</section>
                <section class="card" id="comments"><h2>\(Phrase.recentComments, language)</h2>\
                \(commentItems.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noData, language)</p>") : "<ul class=\"plain\">\(commentItems)</ul>")</section>
                """
            return Layout.page(session, title: Phrase.satisfaction.text(language), body: body)
        }
    }

    @Sendable static func closeLoop(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requirePrincipal()
            let language = session.language
            let tasks = try await CloseLoopTasks.list(status: .open, for: principal, on: request.db.sqlDatabase())
            let items: [HTML] = tasks.map { task in
                let ticket: HTML = task.ticketID.map { id in
                    "<a href=\"/agent/tickets/\(id)\" dir=\"auto\">#\(id) \(task.ticketSubject ?? "")</a>"
                } ?? ""
                return """
                    <li class="card"><p>\(ticket) — <a href="/agent/customers/\(task.customerID)" dir="auto">\(task.customerName)</a></p>\
                    <p><strong>\(task.kind.rawValue.uppercased()) \(task.score)</strong> <span dir="auto">\(task.comment ?? "")</span></p>\
                    <form method="post" action="/agent/close-loop/\(task.id)/done"><input type="hidden" name="_csrf" value="\(session.csrf)">\
                    <button type="submit">\(Phrase.markDone, language)</button></form></li>
                    """
            }
            let body: HTML = """
                <h1>\(Phrase.closeLoop, language)</h1><p class="muted">\(Phrase.closeLoopHelp, language)</p>
                \(items.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noData, language)</p>") : "<ul class=\"plain\" id=\"tasks\">\(items)</ul>")
                """
            return Layout.page(session, title: Phrase.closeLoop.text(language), body: body)
        }
    }

    @Sendable static func completeTask(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "task")
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await CloseLoopTasks.complete(id, by: principal, on: database.sqlDatabase(), now: clock.now())
            }
            return Layout.redirect("/agent/close-loop")
        }
    }

    /// The panel beside the inbox: how many close-the-loop tasks wait, when any do.
    static func inboxNotice(_ request: Request, principal: Principal, language: Language) async throws -> HTML {
        let open = try await CloseLoopTasks.list(status: .open, for: principal, on: request.db.sqlDatabase()).count
        guard open > 0 else { return "" }
        return "<p class=\"card\" id=\"close-loop\"><a href=\"/agent/close-loop\">\(Phrase.closeLoop, language)</a> <span class=\"count\">\(open)</span></p>"
    }

}

extension ReportPeriodName {
    var phrase: Phrase {
        switch self {
        case .day: .periodDay
        case .week: .periodWeek
        case .fortnight: .periodFortnight
        case .month: .periodMonth
        case .custom: .period
        }
    }
}
