import Foundation
import RaayaCore
import Vapor

/// The managers' dashboard (`/agent/reports`): the key figures of a range against the range before, charts of
/// volume by channel, response and resolution times and satisfaction per period, the agents' table, capacity
/// against demand and self-service, each with its CSV (`/agent/reports/export/{name}`). It reads the same
/// reports as `GET /api/v1/reports/{name}`, so the numbers are the API's.
enum ReportPages {
    static func register(on app: Application) {
        app.get("agent", "reports", use: dashboard)
        app.get("agent", "reports", "export", ":name", use: export)
        app.post("agent", "reports", "goals", use: addGoal)
    }

    @Sendable static func dashboard(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requireRole(.admin, .supervisor)
            let language = session.language
            let parameters = request.queryParameters
            let scope = try ReportScope(parameters, now: request.raaya.clock.now(), inclusiveTo: true)
            // One read of the tickets' history for all of them.
            let reports = try await ReportsAPI.make(
                [.volume, .responseTimes, .reopens, .satisfaction, .agents, .capacity, .selfService], parameters, request: request,
                inclusiveTo: true)
            func report<T>(_ index: Int, as type: T.Type) throws -> T {
                guard let report = reports[index] as? T else { throw Abort(.internalServerError) }
                return report
            }
            let volume = try report(0, as: VolumeReport.self)
            let times = try report(1, as: ResponseTimesReport.self)
            let reopens = try report(2, as: ReopensReport.self)
            let satisfaction = try report(3, as: SatisfactionReport.self)
            let agents = try report(4, as: AgentsReport.self)
            let capacity = try report(5, as: CapacityReport.self)
            let selfService = try report(6, as: SelfServiceReport.self)
            let goals = try await Goals.list(on: request.db.sqlDatabase(), now: request.raaya.clock.now())

            let labels = volume.periods.map { label($0.start, scope.periodName, zone: scope.calendar.timeZone) }
            let rightToLeft = language == .ar
            func hours(_ seconds: Double?) -> String { seconds.map { String(format: "%.1f", $0 / 3600) + " " + Phrase.hoursShort.text(language) } ?? "—" }
            func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0) } ?? "—" }
            let change: HTML = volume.changePercent.map { change in
                "<p class=\"muted\">\(change >= 0 ? "+" : "")\(String(format: "%.0f%%", change)) \(Phrase.vsPrevious, language) (\(volume.previous.total))</p>"
            } ?? "<p class=\"muted\">\(Phrase.vsPrevious, language): \(volume.previous.total)</p>"
            func figure(_ id: String, _ phrase: Phrase, _ value: String, _ note: HTML = "") -> HTML {
                "<section class=\"card\" id=\"\(id)\"><h2>\(phrase, language)</h2><p class=\"figure\" dir=\"ltr\">\(value)</p>\(note)</section>"
            }
            let figures: [HTML] = [
                figure("new-tickets", .newTickets, String(volume.total), change),
                figure("first-response", .firstResponseMedian, hours(times.total.firstResponse.median)),
                figure("resolution", .resolutionMedian, hours(times.total.resolution.median)),
                figure("reopen-rate", .reopenRate, percent(reopens.total.reopenRate.percent)),
                figure("fcr", .firstContactResolution, percent(reopens.total.firstContactResolution.percent)),
                figure("backlog", .backlog, String(reopens.total.backlog)),
                figure("csat", .csatFigure, percent(satisfaction.total.csat.percent)),
                figure("nps", .npsFigure, satisfaction.total.nps.score.map { String(format: "%.0f", $0) } ?? "—"),
            ]
            let volumeChart = SVGChart(
                kind: .stackedBars, title: Phrase.volumeByChannel.text(language), labels: labels,
                series: Channel.allCases.compactMap { channel in
                    let values = volume.periods.map { Double($0.byChannel[channel.rawValue] ?? 0) }
                    return values.contains { $0 > 0 } ? SVGChart.Series(name: channel.name(language), values: values) : nil
                }, rightToLeft: rightToLeft)
            let timesChart = SVGChart(
                kind: .lines, title: Phrase.timesInHours.text(language), labels: labels,
                series: [
                    SVGChart.Series(name: Phrase.firstResponse.text(language), values: times.periods.map { $0.figures.firstResponse.median.map { $0 / 3600 } }),
                    SVGChart.Series(name: Phrase.resolution.text(language), values: times.periods.map { $0.figures.resolution.median.map { $0 / 3600 } }),
                ], rightToLeft: rightToLeft)
            let csatChart = SVGChart(
                kind: .lines, title: Phrase.csatTrend.text(language), labels: labels,
                series: [SVGChart.Series(name: "CSAT", values: satisfaction.periods.map(\.figures.csat.percent))], rightToLeft: rightToLeft)
            let sentimentChart = SVGChart(
                kind: .stackedBars, title: Phrase.customerSentiment.text(language), labels: labels,
                series: SentimentLabel.allCases.map { label in
                    SVGChart.Series(
                        name: label.name(language),
                        values: satisfaction.periods.map { Double($0.figures.customerSentiment.opening[label.rawValue] ?? 0) },
                        colour: label.chartColour)
                }, rightToLeft: rightToLeft)
            func sentimentTotals(_ phrase: Phrase, _ counts: [String: Int]) -> HTML {
                let parts = SentimentLabel.allCases.map { "\($0.face) \($0.name(language)): \(counts[$0.rawValue] ?? 0)" }
                return "<p>\(phrase, language): \(parts.joined(separator: " · "))</p>"
            }
            let query = request.url.query.map { "?" + $0 } ?? ""
            func csv(_ name: ReportName) -> HTML {
                "<p><a class=\"csv\" href=\"/agent/reports/export/\(name.rawValue)\(query)\">\(Phrase.downloadCSV, language)</a></p>"
            }
            let agentRows: [HTML] = agents.agents.map { row in
                """
                <tr><td dir="auto">\(row.name)</td><td>\(row.solved)</td><td dir="ltr">\(hours(row.firstResponse.median))</td>\
                <td dir="ltr">\(hours(row.resolution.median))</td><td dir="ltr">\(percent(row.reopenRate.percent))</td></tr>
                """
            }
            let live: [HTML] = capacity.live.compactMap { channel in
                guard let name = Channel(rawValue: channel.channel)?.name(language) else { return nil }
                return """
                    <tr><td>\(name)</td><td dir="ltr">\(channel.averageHandleTime.map { String(format: "%.0f min", $0 / 60) } ?? "—")</td>\
                    <td>\(channel.peakAgentsNeeded.map(String.init) ?? "—")</td></tr>
                    """
            }
            let email = capacity.email
            let periodOptions: [HTML] = ReportPeriodName.allCases.filter { $0 != .custom }.map { option in
                "<option value=\"\(option.rawValue)\"\(HTML(trusted: option == scope.periodName ? " selected" : ""))>\(option.phrase, language)</option>"
            }
            let groupOptions: [HTML] = try await request.db.sqlDatabase().raw("SELECT id, name FROM groups ORDER BY name").all().map { row in
                let id = try row.decode(column: "id", as: Int.self)
                let selected = HTML(trusted: scope.filter.groups == [id] ? " selected" : "")
                return "<option value=\"\(id)\"\(selected)>\(try row.decode(column: "name", as: String.self))</option>"
            }
            let channelOptions: [HTML] = Channel.allCases.map { channel in
                "<option value=\"\(channel.rawValue)\"\(HTML(trusted: scope.filter.channels == [channel] ? " selected" : ""))>\(channel.name(language))</option>"
            }
            let s = selfService.total
            func amount(_ value: Double?, _ metric: GoalMetric) -> String {
                guard let value else { return "—" }
                let unit = metric.pageUnit
                return SVGChart.number(((value / unit.scale) * 10).rounded() / 10) + (unit.phrase.map { " " + $0.text(language) } ?? "")
            }
            let goalRows: [HTML] = goals.map { goal in
                let status = goal.progress?.status ?? .onTrack
                return """
                    <tr><td dir="auto">\(goal.name)</td><td>\(goal.metric.name(language))\
                    \(goal.channel.map { HTML(" · \($0.name(language))") } ?? "")</td>\
                    <td>\(goal.direction.name(language)) <span dir="ltr">\(amount(goal.target, goal.metric))</span></td>\
                    <td dir="ltr">\(amount(goal.progress?.value, goal.metric))</td>\
                    <td><span class="badge goal-\(status.rawValue)">\(status.name(language))</span></td>\
                    <td><time datetime="\(JSON.rfc3339(goal.deadline))">\(day(goal.deadline, scope))</time></td></tr>
                    """
            }
            let metricOptions: [HTML] = GoalMetric.allCases.map { "<option value=\"\($0.rawValue)\">\($0.name(language))</option>" }
            let goalChannels: [HTML] = Channel.allCases.map { "<option value=\"\($0.rawValue)\">\($0.name(language))</option>" }
            let goalsSection: HTML = """
                <section class="card" id="goals"><h2>\(Phrase.goals, language)</h2>\
                \(goalRows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noData, language)</p>") : """
                    <table class="tickets"><thead><tr><th>\(Phrase.name, language)</th><th>\(Phrase.goalMetric, language)</th>\
                    <th>\(Phrase.goalTarget, language)</th><th>\(Phrase.goalValue, language)</th><th>\(Phrase.status, language)</th>\
                    <th>\(Phrase.goalDeadline, language)</th></tr></thead><tbody>\(goalRows)</tbody></table>
                    """)\
                <details><summary>\(Phrase.addGoal, language)</summary>\
                <form class="filters" method="post" action="/agent/reports/goals"><input type="hidden" name="_csrf" value="\(session.csrf)">\
                <label>\(Phrase.name, language) <input name="name" required maxlength="200"></label>\
                <label>\(Phrase.goalMetric, language) <select name="metric">\(metricOptions)</select></label>\
                <label>\(Phrase.goalTarget, language) <input name="target" type="number" min="0" step="any" required></label>\
                <label>\(Phrase.channel, language) <select name="channel"><option value="">\(Phrase.any, language)</option>\(goalChannels)</select></label>\
                <label>\(Phrase.goalStart, language) <input type="date" name="start" required></label>\
                <label>\(Phrase.goalDeadline, language) <input type="date" name="deadline" required></label>\
                <button class="primary" type="submit">\(Phrase.addGoal, language)</button>\
                <p class="muted">\(Phrase.goalTargetHelp, language)</p></form></details></section>
                """
            let body: HTML = """
                <h1>\(Phrase.reports, language)</h1>
                <form class="filters" method="get" action="/agent/reports">\
                <label>\(Phrase.fromDate, language) <input type="date" name="from" value="\(day(scope.range.lowerBound, scope))"></label>\
                <label>\(Phrase.toDate, language) <input type="date" name="to" value="\(day(scope.range.upperBound.addingTimeInterval(-1), scope))"></label>\
                <label>\(Phrase.period, language) <select name="period">\(periodOptions)</select></label>\
                <label>\(Phrase.channel, language) <select name="channel"><option value="">\(Phrase.any, language)</option>\(channelOptions)</select></label>\
                <label>\(Phrase.group, language) <select name="group_id"><option value="">\(Phrase.any, language)</option>\(groupOptions)</select></label>\
                <button class="primary" type="submit">\(Phrase.show, language)</button></form>
                <div class="figures">\(figures)</div>
                \(goalsSection)
                <section class="card" id="volume"><h2>\(Phrase.volumeByChannel, language)</h2>\(volumeChart.html)\(csv(.volume))</section>
                <section class="card" id="times"><h2>\(Phrase.timesInHours, language)</h2>\(timesChart.html)\(csv(.responseTimes))</section>
                <section class="card" id="satisfaction-trend"><h2>\(Phrase.csatTrend, language)</h2>\(csatChart.html)\(csv(.satisfaction))</section>
                <section class="card" id="customer-sentiment"><h2>\(Phrase.customerSentiment, language)</h2>\(sentimentChart.html)\
                \(sentimentTotals(.sentimentAtOpening, satisfaction.total.customerSentiment.opening))\
                \(sentimentTotals(.sentimentNow, satisfaction.total.customerSentiment.latest))</section>
                <section class="card" id="agents"><h2>\(Phrase.agentsTable, language)</h2>\
                \(agentRows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noData, language)</p>") : """
                    <table class="tickets"><thead><tr><th>\(Phrase.name, language)</th><th>\(Phrase.solvedCount, language)</th>\
                    <th>\(Phrase.firstResponseMedian, language)</th><th>\(Phrase.resolutionMedian, language)</th><th>\(Phrase.reopenRate, language)</th>\
                    </tr></thead><tbody>\(agentRows)</tbody></table>
                    """)\(csv(.agents))</section>
                <section class="card" id="capacity"><h2>\(Phrase.capacity, language)</h2>\
                <p>\(Phrase.agentsAvailable, language): <strong>\(capacity.agentsAvailable)</strong> · \
                \(String(format: "%.0f%%", capacity.serviceLevelPercent)) / \(Int(capacity.answerWithinSeconds)) s</p>\
                <table class="tickets"><thead><tr><th>\(Phrase.channel, language)</th><th>\(Phrase.averageHandleTime, language)</th>\
                <th>\(Phrase.peakAgentsNeeded, language)</th></tr></thead><tbody>\(live)</tbody></table>\
                <h3>\(Phrase.emailBacklogProjection, language)</h3><p>\(Phrase.backlog, language): <strong>\(email.current)</strong> · \
                \(Phrase.arrivalsPerDay, language): \(String(format: "%.1f", email.arrivalsPerDay)) · \
                \(Phrase.resolutionsPerDay, language): \(String(format: "%.1f", email.resolutionsPerDay)) · \
                \(Phrase.daysToClear, language): \(email.daysToClear.map(String.init) ?? Phrase.never.text(language))</p>\(csv(.capacity))</section>
                <section class="card" id="self-service"><h2>\(Phrase.selfService, language)</h2><p>\
                \(Phrase.botSolved, language): <strong>\(s.botSolved)</strong> · \(Phrase.botHandedOff, language): <strong>\(s.botHandedOff)</strong> · \
                \(Phrase.selfServiceSolvedCount, language): <strong>\(s.articleSolved)</strong> · \
                \(Phrase.articleViews, language): <strong>\(s.articleViews)</strong> · \
                \(Phrase.helpfulVotes, language): <strong>\(s.helpfulVotes)</strong> / \(s.helpfulVotes + s.unhelpfulVotes)</p>\(csv(.selfService))</section>
                """
            return Layout.page(session, title: Phrase.reports.text(language), body: body)
        }
    }

    /// `POST /agent/reports/goals`: a goal from the dashboard's form, its target in hours or percent as shown.
    @Sendable static func addGoal(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requireRole(.admin, .supervisor)
            try session.checkCSRF(request)
            func field(_ name: String) -> String? {
                (try? request.content.get(String.self, at: name)).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let metric = field("metric")
            var target: Double?
            if let raw = field("target") {
                guard let typed = Double(Identity.withASCIIDigits(raw)) else {
                    throw DomainError.invalid("target", "must be a number")
                }
                target = typed * (metric.flatMap(GoalMetric.init(rawValue:))?.pageUnit.scale ?? 1)
            }
            let goal = try GoalRequest(
                name: field("name"), metric: metric, direction: nil, target: target, groupID: nil, channel: field("channel"),
                start: field("start"), deadline: field("deadline"), timeZone: nil
            ).validated()
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await Goals.create(goal, by: principal.userID, on: database.sqlDatabase(), now: clock.now())
            }
            return Layout.redirect("/agent/reports#goals")
        }
    }

    /// `GET /agent/reports/export/{name}?…`: the report as CSV for a signed-in manager, with the page's query.
    @Sendable static func export(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requireRole(.admin, .supervisor)
            let name = try ReportName(path: request.parameters.get("name"))
            let report = try await ReportsAPI.make(name, request.queryParameters, request: request, inclusiveTo: true)
            return ReportsAPI.csvResponse(name.rawValue, table: report.table)
        }
    }

    /// A bucket's start as the axis shows it: day/month, or month/year for months.
    private static func label(_ start: Date, _ period: ReportPeriodName, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: start)
        return period == .month ? "\(parts.month ?? 1)/\(parts.year ?? 1970)" : "\(parts.day ?? 1)/\(parts.month ?? 1)"
    }

    /// The local day of an instant, as a date input wants it.
    static func day(_ instant: Date, _ scope: ReportScope) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = scope.calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
