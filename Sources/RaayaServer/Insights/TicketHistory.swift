import Foundation
import RaayaCore
import SQLKit

/// Reads what the reports count: the facts of the tickets from their pre-aggregate (`TicketFactsTable`), and the
/// same facts rebuilt from the stored events and messages (`rebuilt`), which keeps that table exact. Every figure
/// derives from this history, never from counters kept on the side.
enum TicketHistory {
    /// The events `TicketFacts` reads.
    static let eventKinds: [TicketEventKind] = [.created, .statusChanged, .reopened, .merged]

    /// The facts of the tickets a report over `range` needs: created before its end, and either unresolved now or
    /// with a fact since its start (`last_at`). That holds every ticket created, answered, resolved, reopened or in
    /// the backlog during the range (a ticket unresolved at some instant of the range is either still unresolved
    /// or was resolved later). The whole filter is applied here, tags included.
    static func facts(for range: Range<Date>, filter: ReportFilter, on sql: any SQLDatabase) async throws -> [TicketFacts] {
        // Two indexed lookups rather than one `OR`: the unresolved tickets, and the settled ones with a fact since
        // the start.
        let end = TicketFactsTable.seconds(range.upperBound)
        return try await facts(of: """
            \(selectFacts(indexedBy: "ticket_facts_unresolved", on: sql)) WHERE f.unresolved = \(bind: true) \
            AND f.created_at < \(bind: end)\(conditions(filter)) \
            UNION ALL \(selectFacts(indexedBy: "ticket_facts_settled", on: sql)) \
            WHERE f.last_at >= \(bind: TicketFactsTable.seconds(range.lowerBound)) \
            AND f.unresolved = \(bind: false) AND f.created_at < \(bind: end)\(conditions(filter))
            """, filter: filter, on: sql)
    }

    /// The facts of up to `limit` tickets created in `range`, oldest first (then by id), after the ticket `after`
    /// (nil: from the start), with all their tags: an export's page. Each page continues along the index on
    /// creation, however long the range.
    static func facts(
        createdIn range: Range<Date>, filter: ReportFilter, after: TicketFacts?, limit: Int, on sql: any SQLDatabase
    ) async throws -> [TicketFacts] {
        let from: SQLQueryString =
            if let after {
                "(f.created_at, f.ticket_id) > (\(bind: TicketFactsTable.seconds(after.createdAt)), \(bind: after.id))"
            } else {
                "f.created_at >= \(bind: TicketFactsTable.seconds(range.lowerBound))"
            }
        return try await facts(of: """
            \(selectFacts) WHERE \(from) AND f.created_at < \(bind: TicketFactsTable.seconds(range.upperBound))\(conditions(filter)) \
            ORDER BY f.created_at, f.ticket_id LIMIT \(literal: limit)
            """, allTags: true, filter: filter, on: sql)
    }

    /// **Volume** counted by the database: the tickets created in each of `buckets` (contiguous, in order) that
    /// pass the filter, per channel. The same counts as `TicketReport.volume` over the facts, without reading them.
    static func volume(_ buckets: [Range<Date>], filter: ReportFilter, on sql: any SQLDatabase) async throws -> [VolumeBucket] {
        let channels = filter.channels.isEmpty ? Channel.allCases : Channel.allCases.filter(filter.channels.contains)
        let counts = try await created(in: buckets, by: ["channel"], among: channels, filter: filter, on: sql)[0]
        return zip(buckets, counts).map { VolumeBucket(range: $0, byChannel: $1) }
    }

    /// Tickets counted by their customer's sentiment when they opened and now (`TicketSentiment`).
    typealias SentimentCounts = (opening: [SentimentLabel: Int], latest: [SentimentLabel: Int])

    /// The tickets created in each of `buckets` that pass the filter, by the customer's sentiment when the ticket
    /// opened and now; tickets without a labeled customer message are in neither.
    static func sentiment(_ buckets: [Range<Date>], filter: ReportFilter, on sql: any SQLDatabase) async throws
        -> [SentimentCounts]
    {
        let counts = try await created(
            in: buckets, by: ["opening_sentiment", "latest_sentiment"], among: SentimentLabel.allCases, filter: filter, on: sql)
        return zip(counts[0], counts[1]).map { ($0, $1) }
    }

    /// The tickets created in each of `buckets` that pass the filter, per value among `values` of each of `columns`
    /// (values without tickets are left out of a bucket's counts): for each column, for each bucket. Each column
    /// has an index on `(column, created_at)`.
    ///
    /// Without a tag filter, each column is counted per value and bucket from its index, the columns side by side
    /// (below). A tag filter's tickets are counted in one join for all the columns (`created(in:on:…)`).
    private static func created<Value: RawRepresentable & Hashable & Sendable>(
        in buckets: [Range<Date>], by columns: [String], among values: [Value], filter: ReportFilter, on sql: any SQLDatabase
    ) async throws -> [[[Value: Int]]] where Value.RawValue == String {
        if !filter.tags.isEmpty, let grid = buckets.grid {
            return try await created(in: buckets, on: grid, by: columns, among: values, filter: filter, on: sql)
        }
        return try await withThrowingTaskGroup(of: (Int, [[Value: Int]]).self) { group in
            for (index, column) in columns.enumerated() {
                group.addTask { (index, try await created(in: buckets, by: column, among: values, filter: filter, on: sql)) }
            }
            var counts = Array(repeating: [[Value: Int]](), count: columns.count)
            for try await (index, column) in group { counts[index] = column }
            return counts
        }
    }

    /// One column's counts without a tag filter: a count per value and bucket, each a range of the column's index,
    /// about the work of reading the range's entries once. Grouping the range's rows by a computed bucket sorted
    /// them first, 0.56 of a year's 0.6 s on SQLite. Binds are cast so that PostgreSQL knows the lists' types.
    private static func created<Value: RawRepresentable & Hashable>(
        in buckets: [Range<Date>], by column: String, among values: [Value], filter: ReportFilter, on sql: any SQLDatabase
    ) async throws -> [[Value: Int]] where Value.RawValue == String {
        guard !buckets.isEmpty else { return [] }
        let bucketRows = buckets.enumerated().map { index, bucket -> SQLQueryString in
            """
            (\(literal: index), CAST(\(bind: TicketFactsTable.seconds(bucket.lowerBound)) AS DOUBLE PRECISION), \
            CAST(\(bind: TicketFactsTable.seconds(bucket.upperBound)) AS DOUBLE PRECISION))
            """
        }.joined(separator: ", ")
        let valueRows = values.map { value -> SQLQueryString in "(CAST(\(bind: value.rawValue) AS TEXT))" }.joined(separator: ", ")
        var counts = Array(repeating: [Value: Int](), count: buckets.count)
        for row in try await sql.raw("""
            WITH b (i, lo, hi) AS (VALUES \(bucketRows)), v (value) AS (VALUES \(valueRows)) \
            SELECT v.value, b.i AS bucket, (SELECT COUNT(*) FROM ticket_facts f \
            WHERE f.\(ident: column) = v.value AND f.created_at >= b.lo AND f.created_at < b.hi\(conditions(filter))) AS tickets \
            FROM v, b
            """).all()
        {
            let tickets = try row.decode(column: "tickets", as: Int.self)
            guard tickets > 0 else { continue }
            counts[try row.decode(column: "bucket", as: Int.self)][try row.decodeRaw(column: "value", as: Value.self)] = tickets
        }
        return counts
    }

    /// The counts with a tag filter: the range's tickets that pass it are joined with the tag once and counted per
    /// cell of `grid` (`[Range<Date>].grid`) and values of `columns`, and the cells are summed per bucket here. Per
    /// bucket and value, PostgreSQL looked the tags up once per ticket (a year by month with one tag, 1.75 s); one
    /// hash join of the year's tickets with the tag's took 0.3 s. Reading the matching tickets themselves cost more
    /// in decoding them (a year, 39,000 rows) than the join. Values are picked here, not in SQL: SQLite read the
    /// range from each column's index for `a IN (…) OR b IN (…)`, twice the year's rows, instead of looking up the
    /// tag's tickets (0.61 s against 0.26 s).
    private static func created<Value: RawRepresentable & Hashable>(
        in buckets: [Range<Date>], on grid: (origin: Date, unit: TimeInterval), by columns: [String], among values: [Value],
        filter: ReportFilter, on sql: any SQLDatabase
    ) async throws -> [[[Value: Int]]] where Value.RawValue == String {
        guard let first = buckets.first, let last = buckets.last else { return columns.map { _ in [] } }
        // The cell's number: the grid's origin is at or before the range's start, so the quotient is not negative
        // and SQLite's CAST (which truncates) floors it; PostgreSQL's CAST rounds, so it floors first.
        let quotient: SQLQueryString = """
            (f.created_at - CAST(\(bind: TicketFactsTable.seconds(grid.origin)) AS DOUBLE PRECISION)) / \
            CAST(\(bind: grid.unit) AS DOUBLE PRECISION)
            """
        let cell: SQLQueryString = sql.dialect.name == "sqlite" ? "CAST(\(quotient) AS INTEGER)" : "CAST(FLOOR(\(quotient)) AS BIGINT)"
        let selected = columns.enumerated().map { index, column -> SQLQueryString in "f.\(ident: column) AS \(ident: "v\(index)")" }
        var counts = Array(repeating: Array(repeating: [Value: Int](), count: buckets.count), count: columns.count)
        for row in try await sql.raw("""
            SELECT \(selected.joined(separator: ", ")), \(cell) AS cell, COUNT(*) AS tickets FROM ticket_facts f \
            WHERE f.created_at >= \(bind: TicketFactsTable.seconds(first.lowerBound)) \
            AND f.created_at < \(bind: TicketFactsTable.seconds(last.upperBound))\(conditions(filter)) \
            GROUP BY \(unsafeRaw: (1...columns.count + 1).map(String.init).joined(separator: ", "))
            """).all()
        {
            // The cell's start, or the range's start in the first cell: either lies in the bucket of every ticket
            // of the cell.
            let start = grid.origin.addingTimeInterval(Double(try row.decode(column: "cell", as: Int.self)) * grid.unit)
            guard let bucket = buckets.index(holding: max(start, first.lowerBound)) else { continue }
            let tickets = try row.decode(column: "tickets", as: Int.self)
            for index in columns.indices {
                let column = "v\(index)"
                guard !(try row.decodeNil(column: column)), let value = Value(rawValue: try row.decode(column: column, as: String.self)),
                    values.contains(value)
                else { continue }
                counts[index][bucket][value, default: 0] += tickets
            }
        }
        return counts
    }

    /// A ticket's pre-aggregated facts with the attributes reports filter on, as one line; `f` for conditions.
    private static var selectFacts: SQLQueryString { "SELECT f.facts FROM ticket_facts f" }

    /// `selectFacts` through `index` on SQLite. Its planner has no statistics to go by, and took the
    /// `(unresolved, created_at)` index for the settled tickets with a fact since a date: it read every settled
    /// ticket's row to check `last_at`, ten times the work of the report's own rows. On SQLite
    /// `ticket_facts_settled` holds all the query reads, so the table is not visited (migration 027).
    private static func selectFacts(indexedBy index: String, on sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "sqlite" ? "\(selectFacts) INDEXED BY \(ident: index)" : selectFacts
    }

    /// The tickets `selection` (`selectFacts` with conditions) reads. Tags are read for the filter only (the
    /// reports read no other), unless `allTags`.
    private static func facts(of selection: SQLQueryString, allTags: Bool = false, filter: ReportFilter, on sql: any SQLDatabase)
        async throws -> [TicketFacts]
    {
        var facts: [TicketFacts] = []
        // Each chunk is parsed while the database reads the next.
        for try await lines in sql.texts(selection, column: "facts") {
            for line in lines {
                guard let ticket = TicketFactsTable.Line.facts(line) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "ticket_facts line \(line)"))
                }
                facts.append(ticket)
            }
        }
        guard allTags || !filter.tags.isEmpty else { return facts }
        let only: SQLQueryString = allTags ? "" : " AND tag IN (\(binds: filter.tags.sorted()))"
        var tags: [Int: Set<String>] = [:]
        for row in try await inPages(facts.map(\.id), { page in
            try await sql.raw("SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (\(binds: page))\(only)").all()
        }) {
            tags[try row.decode(column: "ticket_id", as: Int.self), default: []].insert(try row.decode(column: "tag", as: String.self))
        }
        for index in facts.indices { facts[index].tags = tags[facts[index].id] ?? [] }
        return facts
    }

    /// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound values a statement.
    static let idsPerStatement = 10_000

    /// The `ticket_facts` rows of the tickets `ids` rebuilt from their stored events and messages, by id, in
    /// statements of at most `idsPerStatement` ids: what `TicketFactsTable` stores, and what tests check it against.
    static func rebuilt(ofIDs ids: [Int], on sql: any SQLDatabase) async throws -> [TicketFactsTable.Row] {
        try await inPages(ids.sorted()) { try await rebuilt(page: $0, on: sql) }
    }

    /// `read` of `ids` in pages of at most `idsPerStatement`, one after the other, joined in order.
    private static func inPages<T>(_ ids: [Int], _ read: ([Int]) async throws -> [T]) async throws -> [T] {
        var found: [T] = []
        for start in stride(from: 0, to: ids.count, by: idsPerStatement) {
            found += try await read(Array(ids[start..<min(start + idsPerStatement, ids.count)]))
        }
        return found
    }

    private static func rebuilt(page ids: [Int], on sql: any SQLDatabase) async throws -> [TicketFactsTable.Row] {
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
        // One read of the messages for both: the agents' public replies (the facts) and the customer's labels
        // (the sentiment).
        var replies: [Int: [TicketFacts.Message]] = [:]
        var customerMessages: [Int: [TicketSentiment.Message]] = [:]
        for row in try await sql.raw("""
            SELECT id, ticket_id, author_kind, internal, created_at, sentiment FROM messages \
            WHERE ticket_id IN (\(binds: ids)) AND author_kind IN (\(binds: [AuthorKind.agent.rawValue, AuthorKind.customer.rawValue]))
            """).all()
        {
            let ticket = try row.decode(column: "ticket_id", as: Int.self)
            let at = try row.decode(column: "created_at", as: Date.self)
            if try row.decodeRaw(column: "author_kind", as: AuthorKind.self) == .customer {
                customerMessages[ticket, default: []].append(
                    TicketSentiment.Message(
                        id: try row.decode(column: "id", as: Int.self), at: at,
                        label: try row.decodeNil(column: "sentiment") ? nil : try row.decodeRaw(column: "sentiment", as: SentimentLabel.self)))
            } else if try !row.decode(column: "internal", as: Bool.self) {
                replies[ticket, default: []].append(TicketFacts.Message(author: .agent, isInternal: false, at: at))
            }
        }
        var tags: [Int: Set<String>] = [:]
        for row in try await sql.raw("SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (\(binds: ids))").all() {
            tags[try row.decode(column: "ticket_id", as: Int.self), default: []].insert(try row.decode(column: "tag", as: String.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let facts = TicketFacts(
                id: id, createdAt: try row.decode(column: "created_at", as: Date.self),
                channel: try row.decodeRaw(column: "channel", as: Channel.self),
                groupID: try row.decodeOptional(column: "group_id", as: Int.self),
                assigneeID: try row.decodeOptional(column: "assignee_id", as: Int.self), tags: tags[id] ?? [],
                priority: try row.decodeRaw(column: "priority", as: TicketPriority.self),
                organizationID: try row.decodeOptional(column: "organization_id", as: Int.self),
                events: events[id] ?? [], messages: replies[id] ?? [])
            return TicketFactsTable.Row(facts: facts, sentiment: TicketSentiment(messages: customerMessages[id] ?? []))
        }
    }

    /// ` AND …` conditions on `ticket_facts f` for the filter, from the attributes the table keeps (tags from
    /// `ticket_tags`: a ticket matches any of the filter's). Reports that count other rows join their tickets'
    /// `ticket_facts f` to apply it.
    static func conditions(_ filter: ReportFilter) -> SQLQueryString {
        var query: SQLQueryString = ""
        if !filter.channels.isEmpty { query += " AND f.channel IN (\(binds: filter.channels.map(\.rawValue).sorted()))" }
        if !filter.groups.isEmpty { query += " AND f.group_id IN (\(binds: filter.groups.sorted()))" }
        if !filter.agents.isEmpty { query += " AND f.assignee_id IN (\(binds: filter.agents.sorted()))" }
        if !filter.priorities.isEmpty { query += " AND f.priority IN (\(binds: filter.priorities.map(\.rawValue).sorted()))" }
        if !filter.organizations.isEmpty { query += " AND f.organization_id IN (\(binds: filter.organizations.sorted()))" }
        if !filter.tags.isEmpty {
            query += " AND f.ticket_id IN (SELECT ticket_id FROM ticket_tags WHERE tag IN (\(binds: filter.tags.sorted())))"
        }
        return query
    }
}
