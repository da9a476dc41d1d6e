import Foundation
import RaayaCore
import SQLKit

/// Reads what the reports count from the stored tickets, their events and their messages: every figure derives
/// from this history, never from counters kept on the side.
enum TicketHistory {
    /// The events `TicketFacts` reads.
    static let eventKinds: [TicketEventKind] = [.created, .statusChanged, .reopened, .merged]

    /// The facts of the tickets a report over `range` needs: created before its end, and either unresolved now or
    /// with an event since its start. That holds every ticket created, answered, resolved, reopened or in the
    /// backlog during the range (a ticket unresolved at some instant of the range is either still unresolved or
    /// was resolved later, which is an event). The filter's plain columns are applied here; `TicketReport`
    /// applies all of it.
    static func facts(for range: Range<Date>, filter: ReportFilter, on sql: any SQLDatabase) async throws -> [TicketFacts] {
        // Two indexed lookups rather than one `OR`, which would probe the events of every ticket ever created:
        // the active tickets by status, and the tickets of the events since the start by `ticket_events_created`.
        let active = TicketStatus.allCases.filter(\.isActive).map(\.rawValue)
        return try await facts(of: """
            SELECT t.id FROM tickets t WHERE t.created_at < \(bind: range.upperBound) \
            AND t.status IN (\(binds: active))\(conditions(filter)) \
            UNION SELECT t.id FROM tickets t WHERE t.created_at < \(bind: range.upperBound) \
            AND t.id IN (SELECT e.ticket_id FROM ticket_events e WHERE e.created_at >= \(bind: range.lowerBound))\
            \(conditions(filter))
            """, on: sql)
    }

    /// The facts of up to `limit` tickets created in `range` with an id above `after`, by id: an export's page.
    static func facts(
        createdIn range: Range<Date>, filter: ReportFilter, after: Int, limit: Int, on sql: any SQLDatabase
    ) async throws -> [TicketFacts] {
        try await facts(of: """
            SELECT t.id FROM tickets t WHERE t.created_at >= \(bind: range.lowerBound) AND t.created_at < \(bind: range.upperBound) \
            AND t.id > \(bind: after)\(conditions(filter)) ORDER BY t.id LIMIT \(literal: limit)
            """, on: sql)
    }

    /// The facts of the tickets `selection` (`SELECT t.id FROM tickets t …`) picks, by id.
    private static func facts(of selection: SQLQueryString, on sql: any SQLDatabase) async throws -> [TicketFacts] {
        // The selection runs once; its tickets' rows are then read by id, a bounded number of ids per statement.
        let ids = try await sql.raw(selection).all(decodingColumn: "id", as: Int.self).sorted()
        var found: [TicketFacts] = []
        found.reserveCapacity(ids.count)
        for start in stride(from: 0, to: ids.count, by: idsPerStatement) {
            found += try await facts(ofIDs: Array(ids[start..<min(start + idsPerStatement, ids.count)]), on: sql)
        }
        return found
    }

    /// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound values a statement.
    static let idsPerStatement = 10_000

    private static func facts(ofIDs ids: [Int], on sql: any SQLDatabase) async throws -> [TicketFacts] {
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.raw("""
            SELECT t.id, t.created_at, t.channel, t.group_id, t.assignee_id, t.priority, c.organization_id \
            FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id IN (\(binds: ids)) ORDER BY t.id
            """).all()
        var events: [Int: [TicketFacts.Event]] = [:]
        let kinds = eventKinds.map(\.rawValue)
        for row in try await sql.raw("""
            SELECT ticket_id, kind, data, created_at FROM ticket_events \
            WHERE ticket_id IN (\(binds: ids)) AND kind IN (\(binds: kinds))
            """).all()
        {
            guard let kind = TicketEventKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            // Only a status change's details (`to`) make a fact.
            var details: [String: String] = [:]
            if kind == .statusChanged {
                details = TicketEvent.details(try row.decode(column: "data", as: String.self))
            }
            events[try row.decode(column: "ticket_id", as: Int.self), default: []].append(
                TicketFacts.Event(kind, at: try row.decode(column: "created_at", as: Date.self), details: details))
        }
        var replies: [Int: [TicketFacts.Message]] = [:]
        for row in try await sql.raw("""
            SELECT ticket_id, created_at FROM messages WHERE ticket_id IN (\(binds: ids)) \
            AND author_kind = \(bind: AuthorKind.agent.rawValue) AND internal = \(bind: false)
            """).all()
        {
            replies[try row.decode(column: "ticket_id", as: Int.self), default: []].append(
                TicketFacts.Message(author: .agent, isInternal: false, at: try row.decode(column: "created_at", as: Date.self)))
        }
        var tags: [Int: Set<String>] = [:]
        for row in try await sql.raw("SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (\(binds: ids))").all() {
            tags[try row.decode(column: "ticket_id", as: Int.self), default: []].insert(try row.decode(column: "tag", as: String.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return TicketFacts(
                id: id, createdAt: try row.decode(column: "created_at", as: Date.self),
                channel: try row.decodeRaw(column: "channel", as: Channel.self),
                groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                assigneeID: try row.decodeOptional(column: "assignee_id", as: Int.self), tags: tags[id] ?? [],
                priority: try row.decodeRaw(column: "priority", as: TicketPriority.self),
                organizationID: try row.decodeOptional(column: "organization_id", as: Int.self),
                events: events[id] ?? [], messages: replies[id] ?? [])
        }
    }

    /// ` AND …` conditions on `tickets t` for the filter's plain columns; tags match any of the filter's.
    static func conditions(_ filter: ReportFilter) -> SQLQueryString {
        var query: SQLQueryString = ""
        if !filter.channels.isEmpty { query += " AND t.channel IN (\(binds: filter.channels.map(\.rawValue).sorted()))" }
        if !filter.groups.isEmpty { query += " AND t.group_id IN (\(binds: filter.groups.sorted()))" }
        if !filter.agents.isEmpty { query += " AND t.assignee_id IN (\(binds: filter.agents.sorted()))" }
        if !filter.priorities.isEmpty { query += " AND t.priority IN (\(binds: filter.priorities.map(\.rawValue).sorted()))" }
        if !filter.organizations.isEmpty {
            query += " AND t.customer_id IN (SELECT id FROM customers WHERE organization_id IN (\(binds: filter.organizations.sorted())))"
        }
        if !filter.tags.isEmpty { query += " AND t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag IN (\(binds: filter.tags.sorted())))" }
        return query
    }
}
