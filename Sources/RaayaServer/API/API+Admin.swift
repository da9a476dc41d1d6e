import Foundation
import RaayaCore
import SQLKit
import Vapor

/// What admins change: staff members and groups, macros, branding and the languages offered. Every change here is
/// admin-only, except macros, which supervisors keep too; reading is open to all staff (agents apply macros).
enum AdminAPI {
    @Sendable static func updateUser(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let id = try request.pathID(resource: "user")
        let input = try request.decodeJSON(UpdateUserRequest.self)
        var validation = Validation()
        let name = input.name.map { validation.requiredText($0, field: "name", maxCharacters: Limits.nameCharacters) }
        try validation.check()
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await AccountService(database: database, now: clock.now())
                .updateUser(id, name: name, role: input.role, groupIDs: input.groupIDs)
        }
        await request.raaya.principals.forget(userID: id)
        return try JSON.response(try await AccountQueries(database: request.db).user(id))
    }

    @Sendable static func updateGroup(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let id = try request.pathID(resource: "group")
        let input = try request.decodeJSON(UpdateGroupRequest.self)
        var validation = Validation()
        let name = input.name.map { validation.requiredText($0, field: "name", maxCharacters: Limits.nameCharacters) }
        if let tier = input.tier, !Limits.tiers.contains(tier) { validation.fail("tier", "must be from 1 to 9") }
        try validation.check()
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await AccountService(database: database, now: clock.now()).updateGroup(id, name: name, tier: input.tier)
        }
        return try JSON.response(try await AccountQueries(database: request.db).group(id))
    }

    // MARK: Macros

    @Sendable static func listMacros(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(Page(data: try await MacroQueries(sql: request.db.sqlDatabase()).all(), nextCursor: nil))
    }

    @Sendable static func createMacro(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let draft = try request.decodeJSON(MacroRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await MacroService(sql: database.sqlDatabase(), now: now).create(draft)
        } render: { id in
            try JSON.response(try await macro(id, request))
        }
    }

    @Sendable static func updateMacro(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "macro")
        let draft = try request.decodeJSON(MacroRequest.self).validated(over: try await macro(id, request))
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await MacroService(sql: database.sqlDatabase(), now: clock.now()).update(id, draft)
        }
        return try JSON.response(try await macro(id, request))
    }

    @Sendable static func deleteMacro(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let id = try request.pathID(resource: "macro")
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await MacroService(sql: database.sqlDatabase(), now: clock.now()).delete(id)
        }
        return Response(status: .noContent)
    }

    /// `POST /api/v1/tickets/{id}/macros/{macro_id}`: any agent who may see the ticket.
    @Sendable static func applyMacro(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let id = try request.pathID(resource: "ticket")
        try await apply(try request.pathID("macro_id", resource: "macro"), to: id, by: principal, request)
        return JSON.response(writing: try await TicketQueries(database: request.db, visibility: principal.visibility).detail(id))
    }

    /// Applies a macro as `principal` (the API and the ticket page both come here).
    static func apply(_ macroID: Int, to ticketID: Int, by principal: Principal, _ request: Request) async throws {
        let macro = try await macro(macroID, request)
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await TicketService(database: database, now: clock.now(), actor: principal).apply(macro, to: ticketID)
        }
    }

    private static func macro(_ id: Int, _ request: Request) async throws -> MacroDTO {
        guard let macro = try await MacroQueries(sql: request.db.sqlDatabase()).macro(id) else {
            throw DomainError.notFound(resource: "macro")
        }
        return macro
    }

    // MARK: Branding and languages

    @Sendable static func branding(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(try await Branding.load(on: request.db.sqlDatabase()).dto)
    }

    @Sendable static func updateBranding(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let input = try request.decodeJSON(BrandingRequest.self)
        return try JSON.response(try await saveBranding(request) { try input.validated(keeping: $0) }.dto)
    }

    /// `PUT /api/v1/settings/branding/logo` with the image as the body (PNG, JPEG, WebP or GIF, at most 512 KiB).
    @Sendable static func uploadLogo(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let type = request.headers.contentType.map { "\($0.type)/\($0.subType)".lowercased() } ?? ""
        guard Branding.logoTypes.contains(type) else {
            throw DomainError.invalid("logo", "must be sent as \(Branding.logoTypes.joined(separator: ", ")) (the Content-Type)")
        }
        guard let body = request.body.data, body.readableBytes > 0 else { throw DomainError.invalid("logo", "is empty") }
        guard body.readableBytes <= Branding.logoBytes else {
            throw DomainError.invalid("logo", "must be at most \(Branding.logoBytes / 1024) KiB")
        }
        let stored = try await request.raaya.files.store(Array(buffer: body))
        return try JSON.response(
            try await saveBranding(request) { current in
                var branding = current
                branding.logoPath = stored.path
                branding.logoType = type
                return branding
            }.dto)
    }

    @Sendable static func deleteLogo(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        return try JSON.response(
            try await saveBranding(request) { current in
                var branding = current
                branding.logoPath = nil
                branding.logoType = nil
                return branding
            }.dto)
    }

    /// Changes the stored branding inside one write, from what is stored at that moment.
    static func saveBranding(_ request: Request, _ change: @escaping @Sendable (Branding) throws -> Branding) async throws -> Branding {
        let clock = request.raaya.clock
        return try await request.raaya.writer.write { database in
            let sql = try database.sqlDatabase()
            let branding = try change(try await Branding.load(on: sql))
            try await StoredSetting.save(branding, as: Branding.key, on: sql, now: clock.now())
            return branding
        }
    }

    /// `GET /branding/logo`: public, the sign-in page and the portal show it too.
    @Sendable static func logo(_ request: Request) async throws -> Response {
        let branding = try await Branding.load(on: request.db.sqlDatabase())
        guard let path = branding.logoPath, let type = branding.logoType else { throw Abort(.notFound) }
        let bytes = try await request.raaya.files.read(path)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.cacheControl = .init(isPublic: true, maxAge: 300)
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }

    @Sendable static func languages(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(try await LanguageSettings.load(on: request.db.sqlDatabase()))
    }

    @Sendable static func updateLanguages(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let settings = try request.decodeJSON(LanguagesRequest.self).validated()
        try await saveLanguages(settings, request)
        return try JSON.response(settings)
    }

    /// `GET /api/v1/settings/escalation`: the automatic rules in force (staff may read them).
    @Sendable static func escalation(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(try await EscalationSettings.load(on: request.db.sqlDatabase()))
    }

    /// `PUT /api/v1/settings/escalation` {raise_priority_on_negative}: admins only.
    @Sendable static func updateEscalation(_ request: Request) async throws -> Response {
        try request.principal.require(.admin)
        let settings = try request.decodeJSON(EscalationSettings.self)
        try await saveEscalation(settings, request)
        return try JSON.response(settings)
    }

    static func saveEscalation(_ settings: EscalationSettings, _ request: Request) async throws {
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await StoredSetting.save(settings, as: EscalationSettings.key, on: database.sqlDatabase(), now: clock.now())
        }
    }

    static func saveLanguages(_ settings: LanguageSettings, _ request: Request) async throws {
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await StoredSetting.save(settings, as: LanguageSettings.key, on: database.sqlDatabase(), now: clock.now())
        }
    }
}
