import Fluent
import RaayaCore
import SQLKit

/// Arabic-aware full-text search over tickets and customers.
///
/// Text is normalized and tokenized by `SearchText` before it is stored and before it is queried, so hamza
/// forms, ى/ي, ة/ه, diacritics, tatweel and the ال prefix match on SQLite (FTS5) and PostgreSQL alike.
enum SearchIndex {
    enum Table: String, CaseIterable {
        case tickets = "ticket_search"
        case customers = "customer_search"
    }

    /// Indexes new rows: (id, text) pairs, in one statement.
    static func add(_ rows: [(id: Int, text: String)], in table: Table, on sql: any SQLDatabase) async throws {
        try await add(indexed: rows.map { ($0.id, SearchText.indexText($0.text)) }, in: table, on: sql)
    }

    /// `add` for text already made into search text (`SearchText.indexText`).
    static func add(indexed rows: [(id: Int, content: String)], in table: Table, on sql: any SQLDatabase) async throws {
        try await sql.insertRows(into: table.rawValue, columns: ["rowid", "content"], rows.map { [$0.id, $0.content] })
    }

    /// Adds text to what is indexed for one row (a new message on a ticket).
    static func append(_ text: String, for id: Int, in table: Table, on sql: any SQLDatabase) async throws {
        let content = SearchText.indexText(text)
        guard !content.isEmpty else { return }
        try await sql.raw(
            "UPDATE \(unsafeRaw: table.rawValue) SET content = content || ' ' || \(bind: content) WHERE rowid = \(bind: id)"
        ).run()
    }

    /// Replaces what is indexed for one row (a customer's changed profile).
    static func replace(_ text: String, for id: Int, in table: Table, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE \(unsafeRaw: table.rawValue) SET content = \(bind: SearchText.indexText(text)) WHERE rowid = \(bind: id)"
        ).run()
    }

    /// The query's tokens, each matched as a word prefix, all required. Nil when the query has no words.
    struct Query {
        let tokens: [String]

        init?(_ text: String) {
            let tokens = Array(Set(SearchText.tokens(text))).sorted().prefix(16)
            guard !tokens.isEmpty else { return nil }
            self.tokens = Array(tokens)
        }

        /// FTS5 syntax: `"tok1"* "tok2"*` (implicit AND).
        var fts5: String { tokens.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ") }

        /// tsquery syntax over exact lexemes: `'tok1':* & 'tok2':*`.
        var tsquery: String {
            tokens.map { "'\($0.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\\", with: "\\\\"))':*" }
                .joined(separator: " & ")
        }
    }

    /// How many of the newest matches are ranked by relevance. Ranking every match of a common word among
    /// 100,000 tickets cost 40–130 ms; the newest 500 give the answer in a few milliseconds, and the ranking is
    /// exact whenever fewer match.
    static let rankingWindow = 500

    /// Ids of the rows of `table` matching `query`, best first (newer first among equals).
    ///
    /// `join` and `filter` narrow the candidates before the window is taken (`JOIN tickets t ON t.id =
    /// ticket_search.rowid` with ` AND t.group_id …`), so a filtered caller still gets their best matches.
    static func ranked(
        _ query: Query, in table: Table, limit: Int, join: SQLQueryString = "", filter: SQLQueryString = "",
        on database: any Database
    ) async throws -> [Int] {
        let sql = try database.sqlDatabase()
        let name = table.rawValue
        let candidates: SQLQueryString
        if sql.dialect.name == "sqlite" {
            candidates = """
                SELECT \(unsafeRaw: name).rowid AS rowid, bm25(\(unsafeRaw: name)) AS rank FROM \(unsafeRaw: name) \(join) \
                WHERE \(unsafeRaw: name) MATCH \(bind: query.fts5)\(filter) \
                ORDER BY \(unsafeRaw: name).rowid DESC LIMIT \(unsafeRaw: String(rankingWindow))
                """
        } else {
            candidates = """
                SELECT \(unsafeRaw: name).rowid AS rowid, -ts_rank(\(unsafeRaw: name).document, q) AS rank \
                FROM \(unsafeRaw: name) \(join), CAST(\(bind: query.tsquery) AS tsquery) q \
                WHERE \(unsafeRaw: name).document @@ q\(filter) \
                ORDER BY \(unsafeRaw: name).rowid DESC LIMIT \(unsafeRaw: String(rankingWindow))
                """
        }
        let rows = try await sql.raw(
            "SELECT rowid FROM (\(candidates)) m ORDER BY rank, rowid DESC LIMIT \(bind: limit)"
        ).all()
        return try rows.map { try $0.decode(column: "rowid", as: Int.self) }
    }
}

extension SearchIndex {
    /// What is indexed for one row, already normalized.
    static func content(of id: Int, in table: Table, on sql: any SQLDatabase) async throws -> String {
        let row = try await sql.raw("SELECT content FROM \(unsafeRaw: table.rawValue) WHERE rowid = \(bind: id)").first()
        return try row?.decode(column: "content", as: String.self) ?? ""
    }
}
