import Foundation
import RaayaCore
import SQLKit

/// A canned reply: a text with placeholders (`MacroText`), posted as a public reply or an internal note, that can
/// also set the ticket's status and add tags. Admins and supervisors keep them; every agent applies them.
struct MacroDTO: Codable, Sendable, Equatable {
    let id: Int
    let title: String
    let body: String?
    let isInternal: Bool
    let setStatus: TicketStatus?
    let addTags: [String]

    enum CodingKeys: String, CodingKey {
        case id, title, body
        case isInternal = "internal"
        case setStatus = "set_status"
        case addTags = "add_tags"
    }

    /// Every key, `null` included.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(body, forKey: .body)
        try container.encode(isInternal, forKey: .isInternal)
        try container.encode(setStatus, forKey: .setStatus)
        try container.encode(addTags, forKey: .addTags)
    }
}

/// A macro's fields as written by an admin, validated.
struct MacroDraft: Sendable {
    var title: String
    var body: String?
    var isInternal: Bool
    var setStatus: TicketStatus?
    var addTags: [String]
}

struct MacroRequest: Decodable {
    let title: String?
    let body: String?
    let isInternal: Bool?
    let setStatus: String?
    let addTags: [String]?

    enum CodingKeys: String, CodingKey {
        case title, body
        case isInternal = "internal"
        case setStatus = "set_status"
        case addTags = "add_tags"
    }

    /// The macro this request makes, over `current` for a change (fields left out stay as they are).
    func validated(over current: MacroDTO? = nil) throws -> MacroDraft {
        var validation = Validation()
        let title = validation.requiredText(self.title ?? current?.title, field: "title", maxCharacters: Limits.nameCharacters)
        var body = current?.body
        if let raw = self.body {
            body = raw.trimmingWhitespace().isEmpty ? nil : validation.requiredBody(raw, field: "body")
        }
        if let body {
            let unknown = MacroText.unknownPlaceholders(in: body)
            if !unknown.isEmpty {
                validation.fail(
                    "body", "has unknown placeholders \(unknown.map { "{{\($0)}}" }.joined(separator: ", ")); "
                        + "known: \(MacroText.names.map { "{{\($0)}}" }.joined(separator: ", "))")
            }
        }
        var status = current?.setStatus
        if let raw = setStatus {
            status = raw.isEmpty ? nil : TicketStatus(rawValue: raw)
            if !raw.isEmpty && status == nil { validation.fail("set_status", "is not a status") }
            if status == .new || status == .closed { validation.fail("set_status", "must be open, pending, on_hold or solved") }
        }
        let tags = addTags.map { Tags.validated($0, into: &validation) } ?? current?.addTags ?? []
        if body == nil && status == nil && tags.isEmpty {
            validation.fail("body", "is required when the macro sets no status and adds no tags")
        }
        try validation.check()
        return MacroDraft(
            title: title, body: body, isInternal: isInternal ?? current?.isInternal ?? false, setStatus: status, addTags: tags)
    }
}

/// Storing and applying macros; runs inside a write.
struct MacroService {
    let sql: any SQLDatabase
    let now: Date

    func create(_ draft: MacroDraft) async throws -> Int {
        try await refuseDuplicate(draft.title, except: nil)
        let values = columns(draft) + [("created_at", now)]
        return try await sql.insertRows(into: "macros", columns: values.map(\.0), [values.map(\.1)], returningIDs: true)[0]
    }

    func update(_ id: Int, _ draft: MacroDraft) async throws {
        guard try await MacroQueries(sql: sql).macro(id) != nil else { throw DomainError.notFound(resource: "macro") }
        try await refuseDuplicate(draft.title, except: id)
        var query = sql.update("macros").where("id", .equal, id)
        for (column, value) in columns(draft) { query = query.set(column, to: value) }
        try await query.run()
    }

    func delete(_ id: Int) async throws {
        guard try await MacroQueries(sql: sql).macro(id) != nil else { throw DomainError.notFound(resource: "macro") }
        try await sql.delete(from: "macros").where("id", .equal, id).run()
    }

    private func columns(_ draft: MacroDraft) -> [(String, any Encodable & Sendable)] {
        [
            ("title", draft.title), ("body", draft.body), ("internal", draft.isInternal),
            ("set_status", draft.setStatus?.rawValue), ("add_tags", Self.encode(draft.addTags)), ("updated_at", now),
        ]
    }

    private func refuseDuplicate(_ title: String, except id: Int?) async throws {
        guard let row = try await sql.raw("SELECT id FROM macros WHERE title = \(bind: title)").first() else { return }
        let existing = try row.decode(column: "id", as: Int.self)
        if existing != id { throw DomainError.duplicate(resource: "macro", field: "title", existingID: existing) }
    }

    static func encode(_ tags: [String]) -> String {
        String(decoding: (try? JSON.encoder.encode(tags)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

struct MacroQueries {
    let sql: any SQLDatabase

    func all() async throws -> [MacroDTO] {
        try await sql.raw("SELECT * FROM macros ORDER BY title").all().map(Self.dto)
    }

    func macro(_ id: Int) async throws -> MacroDTO? {
        try await sql.raw("SELECT * FROM macros WHERE id = \(bind: id)").first().map(Self.dto)
    }

    private static func dto(_ row: any SQLRow) throws -> MacroDTO {
        MacroDTO(
            id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
            body: try row.decodeOptional(column: "body", as: String.self),
            isInternal: try row.decode(column: "internal", as: Bool.self),
            setStatus: try row.decodeOptional(column: "set_status", as: String.self).flatMap(TicketStatus.init(rawValue:)),
            addTags: (try? JSON.decoder.decode([String].self, from: Data(try row.decode(column: "add_tags", as: String.self).utf8))) ?? [])
    }
}

extension TicketService {
    /// Applies a macro to a ticket in one transaction: its text (placeholders filled) as a reply or note from the
    /// acting agent, then its status, then its tags added to the ticket's.
    func apply(_ macro: MacroDTO, to id: Int) async throws {
        let sql = try database.sqlDatabase()
        let ticket = try await TicketReader(database).tickets(where: "t.id = \(bind: id)", limit: 1).first
        guard let ticket, actor.map({ $0.visibility.canSee(groupID: ticket.group?.id, assigneeID: ticket.assignee?.id) }) ?? true
        else { throw DomainError.notFound(resource: "ticket") }
        if let body = macro.body {
            var agentName = ""
            if let actor {
                agentName = try await sql.raw("SELECT name FROM users WHERE id = \(bind: actor.userID)").first()?
                    .decode(column: "name", as: String.self) ?? ""
            }
            let text = MacroText.render(
                body,
                values: [
                    "customer.name": ticket.customer.name, "customer.email": ticket.customer.emails.first ?? "",
                    "ticket.id": String(ticket.id), "ticket.subject": ticket.subject, "agent.name": agentName,
                ])
            _ = try await addMessage(to: id, NewMessage(body: text, isInternal: macro.isInternal, author: .agent, channel: nil))
        }
        var changes = TicketChanges()
        changes.status = macro.setStatus
        if !macro.addTags.isEmpty {
            let tags = ticket.tags + macro.addTags.filter { !ticket.tags.contains($0) }
            if tags != ticket.tags { changes.tags = tags }
        }
        if changes.status != nil || changes.tags != nil { try await update(id, changes) }
    }
}
