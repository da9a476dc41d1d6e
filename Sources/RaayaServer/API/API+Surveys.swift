import Foundation
import RaayaCore
import SQLKit
import Vapor

/// Satisfaction surveys: admins keep the surveys (kind, questions per language, when they go out) and start
/// campaigns; supervisors read answers and the satisfaction numbers; everyone works the close-the-loop tasks
/// of their own tickets.
enum SurveysAPI {
    @Sendable static func list(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        return try JSON.response(Page(data: try await SurveyStore(sql: request.db.sqlDatabase()).all(), nextCursor: nil))
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        return try JSON.response(try await SurveyStore(sql: request.db.sqlDatabase()).find(request.pathID(resource: "survey")))
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let survey = try request.decodeJSON(SurveyRequest.self).validated(over: nil)
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await SurveyStore(sql: database.sqlDatabase()).create(survey, now: now)
        } render: { id in
            try JSON.response(try await SurveyStore(sql: request.db.sqlDatabase()).find(id), status: .created)
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        try request.principal.require(.admin)
        let id = try request.pathID(resource: "survey")
        let store = SurveyStore(sql: try request.db.sqlDatabase())
        let survey = try request.decodeJSON(SurveyRequest.self).validated(over: try await store.find(id))
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await SurveyStore(sql: database.sqlDatabase()).update(survey, now: clock.now())
        }
        return try JSON.response(try await store.find(id))
    }

    /// `GET /api/v1/surveys/{id}/responses?limit=&cursor=`: newest first.
    @Sendable static func responses(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "survey")
        let sql = try request.db.sqlDatabase()
        _ = try await SurveyStore(sql: sql).find(id)
        let parameters = request.queryParameters
        let limit = try parameters.limit
        let before = try parameters.string("cursor").map { cursor in
            guard let value = Int(cursor) else { throw DomainError.invalid("cursor", "is not a cursor this API gave") }
            return value
        }
        let cursorCondition: SQLQueryString = before.map { " AND r.id < \(bind: $0)" } ?? ""
        let rows = try await sql.raw("""
            SELECT r.id, r.invitation_id, r.kind, r.score, r.comment, r.comment_sentiment, r.comment_sentiment_score, \
            r.ticket_id, r.customer_id, r.agent_id, r.group_id, r.channel, r.answered_at, r.updated_at \
            FROM survey_responses r WHERE r.survey_id = \(bind: id)\(cursorCondition) ORDER BY r.id DESC LIMIT \(bind: limit + 1)
            """).all().map(SurveyResponseDTO.init)
        let page = Array(rows.prefix(limit))
        return try JSON.response(Page(data: page, nextCursor: rows.count > limit ? page.last.map { String($0.id) } : nil))
    }

    @Sendable static func campaigns(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "survey")
        let sql = try request.db.sqlDatabase()
        _ = try await SurveyStore(sql: sql).find(id)
        return try JSON.response(Page(data: try await SurveyCampaigns.list(surveyID: id, on: sql), nextCursor: nil))
    }

    /// `POST /api/v1/surveys/{id}/campaigns {organization?, tag?, contacted_after?, contacted_before?,
    /// every_days?}`: its first run happens at once.
    @Sendable static func createCampaign(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "survey")
        let input = try request.decodeJSON(CampaignRequest.self)
        var campaign = try input.validated()
        let sql = try request.db.sqlDatabase()
        _ = try await SurveyStore(sql: sql).find(id)
        if let name = input.organization?.trimmingWhitespace(), !name.isEmpty {
            guard let row = try await sql.raw("SELECT id FROM organizations WHERE name = \(bind: name)").first() else {
                throw DomainError.invalid("organization", "names no organization")
            }
            campaign.organizationID = try row.decode(column: "id", as: Int.self)
        }
        let segment = campaign
        return try await Idempotency.create(request, principal: principal) { database, now in
            let campaignID = try await SurveyCampaigns.create(segment, surveyID: id, on: database.sqlDatabase(), now: now)
            // The first run happens in the same write, so the answer already says how many were invited.
            try await SurveyCampaigns.runDue(on: database, now: now)
            return campaignID
        } render: { campaignID in
            guard let created = try await SurveyCampaigns.list(surveyID: id, on: sql).first(where: { $0.id == campaignID }) else {
                throw DomainError.notFound(resource: "campaign")
            }
            return try JSON.response(created, status: .created)
        }
    }

    /// `GET /api/v1/satisfaction?from=&to=&period=&time_zone=&group_id=&agent_id=&channel=…`: the satisfaction
    /// report, the same as `GET /api/v1/reports/satisfaction`.
    @Sendable static func satisfaction(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let report: any TabularReport = try await ReportsAPI.make(.satisfaction, request.queryParameters, request: request)
        return try JSON.response(report)
    }

    /// `GET /api/v1/satisfaction/themes?from=&to=`: what negative survey comments mention most, per language.
    @Sendable static func themes(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        let scope = try ReportScope(request.queryParameters, now: request.raaya.clock.now())
        return try JSON.response(try await SatisfactionReport.negativeThemes(range: scope.range, on: request.db.sqlDatabase()))
    }

    /// `GET /api/v1/close-loop-tasks?status=open|done`: an agent sees the tasks of tickets they may see.
    @Sendable static func closeLoopTasks(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let status = try request.queryParameters.value("status", as: CloseLoopTasks.Status.self) ?? .open
        return try JSON.response(
            Page(data: try await CloseLoopTasks.list(status: status, for: principal, on: request.db.sqlDatabase()), nextCursor: nil))
    }

    /// `POST /api/v1/close-loop-tasks/{id}/done`.
    @Sendable static func completeCloseLoopTask(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "task")
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await CloseLoopTasks.complete(id, by: principal, on: database.sqlDatabase(), now: clock.now())
        }
        guard let task = try await CloseLoopTasks.list(status: nil, for: principal, on: request.db.sqlDatabase(), id: id).first else {
            throw DomainError.notFound(resource: "task")
        }
        return try JSON.response(task)
    }
}

/// What `POST` and `PATCH /api/v1/surveys` take; on PATCH, absent fields keep their value.
struct SurveyRequest: Decodable, Sendable {
    var kind: SurveyKind?
    var name: String?
    var enabled: Bool?
    var questions: [String: String]?
    var direction: EffortDirection?
    var onSolve: Bool?
    var delayMinutes: Int?
    var throttleDays: Int?
    var includeSelfService: Bool?
    var includeMerged: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, name, enabled, questions, direction
        case onSolve = "on_solve"
        case delayMinutes = "delay_minutes"
        case throttleDays = "throttle_days"
        case includeSelfService = "include_self_service"
        case includeMerged = "include_merged"
    }

    /// The survey this request makes of `current` (nil: a new survey, which needs a kind).
    func validated(over current: SurveyDTO?) throws -> SurveyDTO {
        var validation = Validation()
        if let current, let kind, kind != current.kind { validation.fail("kind", "cannot change; make a new survey") }
        guard let kind = current?.kind ?? kind else { throw DomainError.invalid("kind", "is required") }
        let standard = SurveyDTO.standardQuestions(kind)
        var wording = current?.questions ?? standard
        for (language, text) in (questions ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard language == "ar" || language == "en" else {
                validation.fail("questions.\(language)", "must be ar or en")
                continue
            }
            let question = validation.requiredText(text, field: "questions.\(language)", maxCharacters: 500)
            if language == "ar" { wording.ar = question } else { wording.en = question }
        }
        let name =
            name.map { validation.requiredText($0, field: "name", maxCharacters: Limits.nameCharacters) }
            ?? current?.name ?? kind.rawValue.uppercased()
        let delay = delayMinutes ?? current?.delayMinutes ?? 60
        if !SurveyPolicy.delayRange.contains(delay) { validation.fail("delay_minutes", "must be from 0 to 43200") }
        let throttle = throttleDays ?? current?.throttleDays ?? 7
        if !SurveyPolicy.throttleRange.contains(throttle) { validation.fail("throttle_days", "must be from 0 to 365") }
        let onSolve = onSolve ?? current?.onSolve ?? kind.followsResolution
        if onSolve && !kind.followsResolution {
            validation.fail("on_solve", "NPS asks about the relationship: send it with a campaign")
        }
        if let direction, kind != .ces, direction != .lowIsEasy {
            validation.fail("direction", "only a CES survey can be worded the other way round")
        }
        try validation.check()
        return SurveyDTO(
            id: current?.id ?? 0, kind: kind, name: name, enabled: enabled ?? current?.enabled ?? true,
            questions: wording, direction: direction ?? current?.direction ?? .lowIsEasy, onSolve: onSolve,
            delayMinutes: delay, throttleDays: throttle,
            includeSelfService: includeSelfService ?? current?.includeSelfService ?? false,
            includeMerged: includeMerged ?? current?.includeMerged ?? false)
    }
}

struct SurveyResponseDTO: Encodable, Sendable {
    let id: Int
    let invitationID: Int
    let kind: String
    let score: Int
    let comment: String?
    let commentSentiment: String?
    let commentSentimentScore: Double?
    let ticketID: Int?
    let customerID: Int
    let agentID: Int?
    let groupID: Int?
    let channel: String?
    let answeredAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, score, comment, channel
        case invitationID = "invitation_id"
        case commentSentiment = "comment_sentiment"
        case commentSentimentScore = "comment_sentiment_score"
        case ticketID = "ticket_id"
        case customerID = "customer_id"
        case agentID = "agent_id"
        case groupID = "group_id"
        case answeredAt = "answered_at"
        case updatedAt = "updated_at"
    }

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        invitationID = try row.decode(column: "invitation_id", as: Int.self)
        kind = try row.decode(column: "kind", as: String.self)
        score = try row.decode(column: "score", as: Int.self)
        comment = try row.decodeOptional(column: "comment", as: String.self)
        commentSentiment = try row.decodeOptional(column: "comment_sentiment", as: String.self)
        commentSentimentScore = try row.decodeOptional(column: "comment_sentiment_score", as: Double.self)
        ticketID = try row.decodeOptional(column: "ticket_id", as: Int.self)
        customerID = try row.decode(column: "customer_id", as: Int.self)
        agentID = try row.decodeOptional(column: "agent_id", as: Int.self)
        groupID = try row.decodeOptional(column: "group_id", as: Int.self)
        channel = try row.decodeOptional(column: "channel", as: String.self)
        answeredAt = try row.decode(column: "answered_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
    }
}

/// What `POST /api/v1/surveys/{id}/campaigns` takes.
struct CampaignRequest: Decodable, Sendable {
    /// The organization's name, as customers carry it.
    var organization: String?
    var tag: String?
    var contactedAfter: String?
    var contactedBefore: String?
    var everyDays: Int?

    enum CodingKeys: String, CodingKey {
        case tag, organization
        case contactedAfter = "contacted_after"
        case contactedBefore = "contacted_before"
        case everyDays = "every_days"
    }

    func validated() throws -> SurveyCampaign {
        var validation = Validation()
        if let days = everyDays, !SurveyCampaigns.everyDaysRange.contains(days) {
            validation.fail("every_days", "must be from 1 to 366")
        }
        let tag = validation.optionalText(tag, field: "tag", maxCharacters: Limits.tagCharacters)
        let utc = TimeZone(identifier: "UTC")!
        func instant(_ text: String?, _ field: String) -> Date? {
            guard let text, !text.trimmingWhitespace().isEmpty else { return nil }
            do {
                return try QueryParameters.instant(text, field: field, timeZone: utc)
            } catch {
                validation.fail(field, "must be a date (2026-12-01) or an RFC 3339 time (2026-12-01T09:00:00Z)")
                return nil
            }
        }
        let after = instant(contactedAfter, "contacted_after")
        let before = instant(contactedBefore, "contacted_before")
        if let after, let before, after >= before { validation.fail("contacted_before", "must be after contacted_after") }
        try validation.check()
        return SurveyCampaign(
            tag: tag, contactedAfter: after, contactedBefore: before, everyDays: everyDays)
    }
}
