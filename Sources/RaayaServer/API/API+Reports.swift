import Foundation
import RaayaCore
import SQLKit
import Vapor

/// Service reports for admins and supervisors: `GET /api/v1/reports/{name}` with the report scope's query
/// (`from`, `to`, `period`, `time_zone` and the filters, see `ReportScope`), as JSON or, with `format=csv`, as
/// CSV; and `GET /api/v1/reports/tickets`, every ticket created in the range with its metrics, streamed as CSV.
enum ReportsAPI {
    @Sendable static func report(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let name = try ReportName(path: request.parameters.get("name"))
        let parameters = request.queryParameters
        let csv = try parameters.value("format", as: Format.self) == .csv
        let report = try await make(name, parameters, request: request)
        guard csv else { return try JSON.response(report) }
        return csvResponse(name.rawValue, table: report.table)
    }

    /// A report's table as a CSV download.
    static func csvResponse(_ name: String, table: ReportTable) -> Response {
        var text = CSV.line(table.header)
        for row in table.rows { text += CSV.line(row) }
        return csvResponse(name, body: .init(string: text))
    }

    enum Format: String, CaseIterable {
        case json, csv
    }

    /// The report `name` over the query's scope; the pages use it too, so they show the API's numbers.
    static func make(_ name: ReportName, _ parameters: QueryParameters, request: Request, inclusiveTo: Bool = false) async throws
        -> any TabularReport
    {
        try await make([name], parameters, request: request, inclusiveTo: inclusiveTo)[0]
    }

    /// Several reports over one scope, in the order asked. The tickets' facts are read once for all of them.
    static func make(_ names: [ReportName], _ parameters: QueryParameters, request: Request, inclusiveTo: Bool = false)
        async throws -> [any TabularReport]
    {
        let now = request.raaya.clock.now()
        let scope = try ReportScope(parameters, now: now, inclusiveTo: inclusiveTo)
        let sql = try request.db.sqlDatabase()
        var loaded: TicketReport?
        func tickets() async throws -> TicketReport {
            if let loaded { return loaded }
            let report = TicketReport(try await TicketHistory.facts(for: scope.range, filter: scope.filter, on: sql), filter: scope.filter)
            loaded = report
            return report
        }
        var reports: [any TabularReport] = []
        for name in names {
            reports.append(try await make(name, scope, parameters, tickets: tickets, now: now, on: sql))
        }
        return reports
    }

    private static func make(
        _ name: ReportName, _ scope: ReportScope, _ parameters: QueryParameters, tickets: () async throws -> TicketReport,
        now: Date, on sql: any SQLDatabase
    ) async throws -> any TabularReport {
        switch name {
        case .satisfaction:
            return try await SatisfactionReport.make(
                range: scope.range, period: scope.period, calendar: scope.calendar, filter: scope.filter, on: sql)
        case .selfService:
            return try await SelfServiceReport.make(scope: scope, on: sql)
        case .volume:
            return try await VolumeReport.make(scope: scope, on: sql)
        case .responseTimes:
            let calendarID = try parameters.integer("calendar_id")
            var measure = TimeMeasure.calendar
            if try parameters.value("measure", as: MeasureName.self) == .business {
                guard let calendarID else { throw DomainError.invalid("calendar_id", "is required to measure in business time") }
                guard let calendar = try await BusinessCalendars.find(calendarID, on: sql)?.calendar else {
                    throw DomainError.invalid("calendar_id", "is not a business calendar")
                }
                measure = .business(calendar)
            }
            return await ResponseTimesReport(
                try await tickets(), scope: scope, measure: measure,
                calendarID: measure == .calendar ? nil : calendarID)
        case .reopens:
            return await ReopensReport(try await tickets(), scope: scope)
        case .agents:
            let names = try await sql.raw("SELECT id, name FROM users").all().reduce(into: [Int: String]()) { names, row in
                names[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "name", as: String.self)
            }
            return await AgentsReport(try await tickets(), scope: scope, names: names)
        case .capacity:
            let level = try parameters.integer("service_level", in: 1...99) ?? 80
            let within = try parameters.integer("answer_within", in: 1...3600) ?? 20
            let agents = try await sql.raw("""
                SELECT COUNT(*) AS agents FROM users WHERE role IN (\(binds: [Role.agent.rawValue, Role.supervisor.rawValue]))
                """).first()?.decode(column: "agents", as: Int.self) ?? 0
            let calls = try await sql.raw("""
                SELECT data FROM ticket_events WHERE kind = \(bind: TicketEventKind.callLogged.rawValue) \
                AND created_at >= \(bind: scope.range.lowerBound) AND created_at < \(bind: scope.range.upperBound)
                """).all().compactMap { row -> Double? in
                TicketEvent.details(try row.decode(column: "data", as: String.self))["duration_seconds"].flatMap(Double.init)
            }
            return await CapacityReport(
                try await tickets(), scope: scope, now: now, serviceLevel: Double(level) / 100,
                answerWithin: Double(within), agentsAvailable: agents, callDurations: calls)
        }
    }

    enum MeasureName: String, CaseIterable {
        case calendar, business
    }

    /// `GET /api/v1/reports/tickets?from=&to=&…`: the tickets created in the range that pass the filters, one CSV
    /// row each with its metrics in calendar seconds, oldest first, read and sent a page at a time.
    @Sendable static func ticketsCSV(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let scope = try ReportScope(request.queryParameters, now: request.raaya.clock.now())
        let sql = try request.db.sqlDatabase()
        let header = [
            "id", "created_at", "channel", "status", "priority", "group_id", "assignee_id", "organization_id", "tags",
            "first_response_at", "first_response_seconds", "first_resolved_at", "resolution_seconds", "reopens", "agent_replies",
            "merged",
        ]
        return csvResponse("tickets", body: .init(managedAsyncStream: { writer in
            try await writer.writeBuffer(ByteBuffer(string: CSV.line(header)))
            var after: TicketFacts?
            while true {
                let page = try await TicketHistory.facts(
                    createdIn: scope.range, filter: scope.filter, after: after, limit: exportPageSize, on: sql)
                guard let last = page.last else { break }
                after = last
                var text = ""
                for ticket in page where scope.filter.matches(ticket) {
                    let resolved = ticket.resolvedAt.first
                    text += CSV.line([
                        String(ticket.id), JSON.rfc3339(ticket.createdAt), ticket.channel.rawValue, ticket.status.rawValue,
                        ticket.priority.rawValue, ticket.groupID.map(String.init) ?? "", ticket.assigneeID.map(String.init) ?? "",
                        ticket.organizationID.map(String.init) ?? "", ticket.tags.sorted().joined(separator: " "),
                        ticket.firstPublicAgentReplyAt.map(JSON.rfc3339) ?? "",
                        cell(ticket.firstPublicAgentReplyAt.map { $0.timeIntervalSince(ticket.createdAt) }),
                        resolved.map(JSON.rfc3339) ?? "", cell(resolved.map { $0.timeIntervalSince(ticket.createdAt) }),
                        String(ticket.reopenedAt.count), String(ticket.publicAgentReplyCount), ticket.isMerged ? "true" : "false",
                    ])
                }
                try await writer.writeBuffer(ByteBuffer(string: text))
                if page.count < exportPageSize { break }
            }
        }))
    }

    static let exportPageSize = 2_000

    private static func csvResponse(_ name: String, body: Response.Body) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"raaya-\(name).csv\"")
        return Response(status: .ok, headers: headers, body: body)
    }
}
