import Foundation
import RaayaCore
import SQLKit
import Vapor

/// Chat settings as admins see and send them, with whether chat is available right now.
struct ChatSettingsDTO: Encodable, Sendable {
    let settings: ChatSettings
    let available: Bool
    let reason: ChatAvailability.Reason?
    let agentsOnline: Int

    enum CodingKeys: String, CodingKey {
        case available, reason
        case agentsOnline = "agents_online"
    }

    func encode(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(available, forKey: .available)
        try container.encode(reason, forKey: .reason)
        try container.encode(agentsOnline, forKey: .agentsOnline)
    }
}

/// A PATCH-like PUT: absent keys keep their value; `null` clears the calendar (always open) or the group.
struct ChatSettingsRequest: Decodable {
    var enabled: Bool?
    var calendarID: Int??
    var groupID: Int??
    var waitAlertSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case enabled
        case calendarID = "calendar_id"
        case groupID = "group_id"
        case waitAlertSeconds = "wait_alert_seconds"
    }

    init(enabled: Bool?, calendarID: Int??, groupID: Int??, waitAlertSeconds: Int?) {
        self.enabled = enabled
        self.calendarID = calendarID
        self.groupID = groupID
        self.waitAlertSeconds = waitAlertSeconds
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled)
        waitAlertSeconds = try c.decodeIfPresent(Int.self, forKey: .waitAlertSeconds)
        if c.contains(.calendarID) { calendarID = .some(try c.decodeNil(forKey: .calendarID) ? nil : try c.decode(Int.self, forKey: .calendarID)) }
        if c.contains(.groupID) { groupID = .some(try c.decodeNil(forKey: .groupID) ? nil : try c.decode(Int.self, forKey: .groupID)) }
    }
}

enum ChatAPI {
    @Sendable static func widgetScript(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 300)
        return Response(status: .ok, headers: headers, body: .init(string: ChatWidget.script))
    }

    @Sendable static func samplePage(_ request: Request) async throws -> Response {
        let language = (try? request.query.get(String.self, at: "lang")) == "ar" ? "ar" : "en"
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: ChatWidget.samplePage(language: language)))
    }

    /// The visitor's websocket: open to anyone; the visitor's token is checked in the conversation.
    @Sendable static func visitorSocket(_ request: Request) async throws -> Response {
        LiveSocket.accept(request, tickInterval: .seconds(15)) { request, socket in
            try ChatVisitorConnection(socket: socket, request: request)
        }
    }

    /// An agent's websocket. The token comes as `Authorization: Bearer` or, from browsers (which cannot set
    /// headers on a websocket), as `?access_token=`.
    @Sendable static func agentSocket(_ request: Request) async throws -> Response {
        var token = request.headers.bearerAuthorization?.token ?? (try? request.query.get(String.self, at: "access_token"))
        // The workspace's own pages connect with their session cookie, from our own origin only.
        if token == nil, let session = request.cookies[WebSession.cookie]?.string, Self.isOwnOrigin(request) {
            token = session
        }
        guard let token, !token.isEmpty else {
            throw DomainError.unauthenticated("send Authorization: Bearer <token> or ?access_token=<token>")
        }
        let principal = try await BearerAuthenticator.principal(token: token, request: request)
        return LiveSocket.accept(request, tickInterval: ChatDesk.presenceRefresh) { request, socket in
            try ChatAgentConnection(socket: socket, request: request, principal: principal)
        }
    }

    /// A browser's websocket comes with the page's origin: a cookie is only taken from pages of this Raaya.
    private static func isOwnOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers.first(name: .origin), let host = request.headers.first(name: .host) else {
            return false
        }
        return origin == "http://\(host)" || origin == "https://\(host)"
            || origin == request.raaya.configuration.publicURL.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// Chats waiting for an agent, longest first, each marked `overdue` past the settings' alert time.
    @Sendable static func waiting(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let settings = try await ChatSettings.load(on: request.db.sqlDatabase())
        let waiting = try await TicketQueries(database: request.db, visibility: principal.visibility)
            .waitingChats(now: request.raaya.clock.now(), alertAfter: settings.waitAlertSeconds)
        return try JSON.response(Page(data: waiting, nextCursor: nil))
    }

    @Sendable static func settings(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        return try JSON.response(try await settingsDTO(request))
    }

    /// Replaces the chat settings; fields left out keep their value.
    @Sendable static func updateSettings(_ request: Request) async throws -> Response {
        try request.principal.require(.admin)
        try await apply(try request.decodeJSON(ChatSettingsRequest.self), request)
        return try JSON.response(try await settingsDTO(request))
    }

    /// Stores a change of the chat settings and tells the widgets (the API and the admin page both come here).
    static func apply(_ input: ChatSettingsRequest, _ request: Request) async throws {
        if let seconds = input.waitAlertSeconds, !ChatSettings.waitAlertRange.contains(seconds) {
            throw DomainError.invalid(
                "wait_alert_seconds",
                "must be from \(ChatSettings.waitAlertRange.lowerBound) to \(ChatSettings.waitAlertRange.upperBound)")
        }
        let now = request.raaya.clock.now()
        try await request.raaya.writer.write { database in
            let sql = try database.sqlDatabase()
            var settings = try await ChatSettings.load(on: sql)
            if let enabled = input.enabled { settings.enabled = enabled }
            if let calendarID = input.calendarID {
                try await sql.requireRow(in: "business_calendars", id: calendarID, field: "calendar_id", names: "calendar")
                settings.calendarID = calendarID
            }
            if let groupID = input.groupID {
                try await sql.requireRow(in: "groups", id: groupID, field: "group_id", names: "group")
                settings.groupID = groupID
            }
            if let seconds = input.waitAlertSeconds { settings.waitAlertSeconds = seconds }
            try await StoredSetting.save(settings, as: ChatSettings.key, on: sql, now: now)
        }
        await request.raaya.chat.forget()
        await request.raaya.live.send(LiveSignal(kind: .presence))
    }

    private static func settingsDTO(_ request: Request) async throws -> ChatSettingsDTO {
        let sql = try request.db.sqlDatabase()
        await request.raaya.chat.forget()
        let availability = try await request.raaya.chat.availability(on: sql)
        let online = try await sql.raw("""
            SELECT COUNT(DISTINCT user_id) AS agents FROM chat_agents \
            WHERE seen_at > \(bind: request.raaya.clock.now().addingTimeInterval(-ChatDesk.presenceTimeout))
            """).first()?.decode(column: "agents", as: Int.self) ?? 0
        return ChatSettingsDTO(
            settings: availability.settings, available: availability.available, reason: availability.reason, agentsOnline: online)
    }

    @Sendable static func listCalendars(_ request: Request) async throws -> Response {
        try request.principal.require(.admin, .supervisor)
        return try JSON.response(Page(data: try await BusinessCalendars.all(on: request.db.sqlDatabase()), nextCursor: nil))
    }

    @Sendable static func createCalendar(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let (name, calendar) = try request.decodeJSON(BusinessCalendarRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await BusinessCalendars.create(name: name, calendar, on: try database.sqlDatabase(), now: now)
        } render: { id in
            guard let stored = try await BusinessCalendars.find(id, on: request.db.sqlDatabase()) else {
                throw DomainError.notFound(resource: "calendar")
            }
            return try JSON.response(stored, status: .created)
        }
    }

    @Sendable static func replaceCalendar(_ request: Request) async throws -> Response {
        try request.principal.require(.admin)
        let id = try request.pathID(resource: "calendar")
        let (name, calendar) = try request.decodeJSON(BusinessCalendarRequest.self).validated()
        let now = request.raaya.clock.now()
        try await request.raaya.writer.write { database in
            try await BusinessCalendars.replace(id, name: name, calendar, on: try database.sqlDatabase(), now: now)
        }
        await request.raaya.chat.forget()
        await request.raaya.live.send(LiveSignal(kind: .presence))
        guard let stored = try await BusinessCalendars.find(id, on: request.db.sqlDatabase()) else {
            throw DomainError.notFound(resource: "calendar")
        }
        return try JSON.response(stored)
    }
}
