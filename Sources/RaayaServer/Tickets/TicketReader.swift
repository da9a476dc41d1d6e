import Fluent
import Foundation
import RaayaCore
import SQLKit

/// Reads tickets with their customer (and identities), assignee, group and tags in one query, straight into DTOs.
///
/// Hot paths (lists, search, the answer to every create) read here rather than through Fluent models: building
/// models reflects over their properties for every row, which cost ~0.1 ms a row.
struct TicketReader {
    let sql: any SQLDatabase

    init(_ database: any Database) throws {
        sql = try database.sqlDatabase()
    }

    /// The ticket columns with everything its answer shows; tags and identities come as one string each,
    /// parts separated by U+001F.
    private var columns: SQLQueryString {
        """
        SELECT t.id, t.subject, t.status, t.priority, t.channel, t.group_id, t.assignee_id, \
        t.created_at, t.updated_at, t.first_response_at, t.solved_at, t.reopen_count, t.follow_up_of_id, \
        t.merged_into_id, \(CustomerReader.columns(on: sql)), u.name AS assignee_name, \
        u.email AS assignee_email, g.name AS group_name, g.tier AS group_tier, \
        (SELECT \(Self.joined("tag", order: "tag", on: sql)) FROM ticket_tags WHERE ticket_id = t.id) AS tags \
        FROM tickets t JOIN customers c ON c.id = t.customer_id \
        LEFT JOIN organizations o ON o.id = c.organization_id \
        LEFT JOIN users u ON u.id = t.assignee_id LEFT JOIN "groups" g ON g.id = t.group_id
        """
    }

    /// An aggregate joining `expression` over rows in `order`, separated by U+001F.
    static func joined(_ expression: String, order: String, on sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "sqlite"
            ? "group_concat(\(unsafeRaw: expression), char(31) ORDER BY \(unsafeRaw: order))"
            : "string_agg(\(unsafeRaw: expression), chr(31) ORDER BY \(unsafeRaw: order))"
    }

    static func parts(_ joined: String?) -> [String] {
        joined.map { $0.split(separator: "\u{1F}").map(String.init) } ?? []
    }

    /// Tickets matching `condition` (over alias `t`), newest activity first.
    func tickets(where condition: SQLQueryString, order: TicketOrder = .activity, limit: Int) async throws -> [TicketDTO] {
        let sorting: SQLQueryString =
            switch order {
            case .activity: "t.updated_at DESC, t.id DESC"
            case .age: "t.id ASC"
            }
        let rows = try await sql.raw("\(columns) WHERE \(condition) ORDER BY \(sorting) LIMIT \(bind: limit)").all()
        return try assemble(rows)
    }

    /// The tickets with these ids, in the order given.
    func tickets(ids: [Int]) async throws -> [TicketDTO] {
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.raw("\(columns) WHERE t.id IN (\(Self.list(ids)))").all()
        let byID = Dictionary(uniqueKeysWithValues: try assemble(rows).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    /// A literal list of integers for `IN (…)`: safe to inline. Empty becomes `NULL`, which matches nothing
    /// (PostgreSQL refuses `IN ()`).
    static func list(_ ids: [Int]) -> SQLQueryString {
        "\(unsafeRaw: ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ","))"
    }

    private func assemble(_ rows: [any SQLRow]) throws -> [TicketDTO] {
        try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let customer = try CustomerReader.customer(from: row)
            let assignee = try row.decodeOptional(column: "assignee_id", as: Int.self).map { assigneeID in
                TicketDTO.Person(
                    id: assigneeID, name: try row.decode(column: "assignee_name", as: String.self),
                    email: try row.decodeOptional(column: "assignee_email", as: String.self))
            }
            let group = try row.decodeOptional(column: "group_id", as: Int.self).map { groupID in
                GroupDTO(
                    id: groupID, name: try row.decode(column: "group_name", as: String.self),
                    tier: try row.decode(column: "group_tier", as: Int.self))
            }
            return TicketDTO(
                id: id, subject: try row.decode(column: "subject", as: String.self),
                status: try row.decodeRaw(column: "status", as: TicketStatus.self),
                priority: try row.decodeRaw(column: "priority", as: TicketPriority.self),
                channel: try row.decodeRaw(column: "channel", as: Channel.self),
                customer: customer, assignee: assignee, group: group,
                tags: Self.parts(try row.decodeOptional(column: "tags", as: String.self)),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self),
                firstResponseAt: try row.decodeOptional(column: "first_response_at", as: Date.self),
                solvedAt: try row.decodeOptional(column: "solved_at", as: Date.self),
                reopenCount: try row.decode(column: "reopen_count", as: Int.self),
                followUpOf: try row.decodeOptional(column: "follow_up_of_id", as: Int.self),
                mergedInto: try row.decodeOptional(column: "merged_into_id", as: Int.self))
        }
    }
}

/// Reads customers straight into DTOs (see `TicketReader` for why not through models).
struct CustomerReader {
    let sql: any SQLDatabase

    struct Identities {
        var emails: [String] = []
        var phones: [String] = []

        /// From `kind:value` parts joined by `TicketReader.joined`.
        init(_ joined: String?) {
            for part in TicketReader.parts(joined) {
                guard let colon = part.firstIndex(of: ":") else { continue }
                let value = String(part[part.index(after: colon)...])
                switch IdentityKind(rawValue: String(part[..<colon])) {
                case .email: emails.append(value)
                case .phone: phones.append(value)
                case .social, nil: continue
                }
            }
        }
    }

    /// The columns `customer(from:)` reads, over `customers c` joined with `organizations o`.
    static func columns(on sql: any SQLDatabase) -> SQLQueryString {
        """
        c.id AS customer_id, c.name AS customer_name, c.language AS customer_language, \
        c.created_at AS customer_created_at, o.name AS organization_name, \
        (SELECT \(TicketReader.joined("kind || ':' || value", order: "id", on: sql)) FROM customer_identities \
        WHERE customer_id = c.id) AS identities
        """
    }

    static func customer(from row: any SQLRow) throws -> CustomerDTO {
        let known = Identities(try row.decodeOptional(column: "identities", as: String.self))
        return CustomerDTO(
            id: try row.decode(column: "customer_id", as: Int.self),
            name: try row.decode(column: "customer_name", as: String.self), email: known.emails.first,
            phone: known.phones.first, emails: known.emails, phones: known.phones,
            organization: try row.decodeOptional(column: "organization_name", as: String.self),
            language: try row.decodeOptional(column: "customer_language", as: String.self),
            createdAt: try row.decode(column: "customer_created_at", as: Date.self))
    }

    /// Customers matching `condition` (over alias `c`) in `order`.
    func customers(where condition: SQLQueryString, order: SQLQueryString, limit: Int) async throws -> [CustomerDTO] {
        try await sql.raw("""
            SELECT \(Self.columns(on: sql)) FROM customers c LEFT JOIN organizations o ON o.id = c.organization_id \
            WHERE \(condition) ORDER BY \(order) LIMIT \(bind: limit)
            """).all().map(Self.customer(from:))
    }
}
