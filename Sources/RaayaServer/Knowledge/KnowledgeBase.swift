import Foundation
import RaayaCore
import SQLKit

/// One language's text of an article: the Markdown as written, and its HTML (rendered by `Markdown` when shown or
/// encoded, not for lists and the search index, which never show it).
struct ArticleTranslationDTO: Encodable, Sendable, Equatable {
    let title: String
    let body: String

    var html: String { Markdown.html(body) }

    enum CodingKeys: String, CodingKey {
        case title, body, html
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(body, forKey: .body)
        try container.encode(html, forKey: .html)
    }
}

struct ArticleDTO: Encodable, Sendable {
    let id: Int
    let categoryID: Int?
    let state: ArticleState
    let tags: [String]
    let related: [Int]
    let translations: [String: ArticleTranslationDTO]
    let helpful: Int
    let notHelpful: Int
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, state, tags, related, translations, helpful
        case categoryID = "category_id"
        case notHelpful = "not_helpful"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The translation in `language`, else the other one.
    func translation(_ language: String) -> (language: String, text: ArticleTranslationDTO)? {
        if let text = translations[language] { return (language, text) }
        return translations.sorted { $0.key < $1.key }.first.map { ($0.key, $0.value) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(categoryID, forKey: .categoryID)
        try container.encode(state, forKey: .state)
        try container.encode(tags, forKey: .tags)
        try container.encode(related, forKey: .related)
        try container.encode(translations, forKey: .translations)
        try container.encode(helpful, forKey: .helpful)
        try container.encode(notHelpful, forKey: .notHelpful)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

struct CategoryDTO: Codable, Sendable {
    let id: Int
    let nameArabic: String
    let nameEnglish: String
    let position: Int

    enum CodingKeys: String, CodingKey {
        case id, position
        case nameArabic = "name_ar"
        case nameEnglish = "name_en"
    }

    func name(_ language: String) -> String { language == "ar" ? nameArabic : nameEnglish }
}

/// `POST /api/v1/kb/articles` and `PATCH /api/v1/kb/articles/{id}`: on a change, fields left out stay, and the
/// translations given replace those languages (others stay).
struct ArticleRequest: Decodable {
    struct Text: Decodable {
        let title: String?
        let body: String?
    }

    let categoryID: Int?
    let state: String?
    let tags: [String]?
    let related: [Int]?
    let translations: [String: Text]?

    enum CodingKeys: String, CodingKey {
        case state, tags, related, translations
        case categoryID = "category_id"
    }

    func validated(over current: ArticleDTO? = nil) throws -> ArticleDraft {
        var validation = Validation()
        var state = current?.state ?? .draft
        if let raw = self.state {
            if let given = ArticleState(rawValue: raw) {
                state = given
            } else {
                validation.fail("state", "must be draft, published or internal")
            }
        }
        let tags = self.tags.map { Tags.validated($0, as: .phrase, into: &validation) } ?? current?.tags ?? []
        var texts = current?.translations.mapValues { (title: $0.title, body: $0.body) } ?? [:]
        for (language, text) in (translations ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard language == "ar" || language == "en" else {
                validation.fail("translations.\(language)", "must be ar or en")
                continue
            }
            let title = validation.requiredText(text.title, field: "translations.\(language).title", maxCharacters: Limits.subjectCharacters)
            let body = validation.requiredBody(text.body, field: "translations.\(language).body")
            texts[language] = (title, body)
        }
        if texts.isEmpty { validation.fail("translations", "needs an Arabic or an English text (ar, en)") }
        try validation.check()
        return ArticleDraft(
            categoryID: categoryID ?? current?.categoryID, state: state, tags: tags, related: related ?? current?.related ?? [],
            translations: texts)
    }
}

struct ArticleDraft: Sendable {
    var categoryID: Int?
    var state: ArticleState
    var tags: [String]
    var related: [Int]
    var translations: [String: (title: String, body: String)]
}

/// Writes the knowledge base inside a write of the `WriteQueue`. Every change bumps `kb_version`, which tells
/// each instance's `KnowledgeSearch` to rebuild its index.
struct KnowledgeBaseService {
    static let versionKey = "kb_version"
    /// The admin's synonym groups, `[[String]]`.
    static let synonymsKey = "kb_synonyms"

    let sql: any SQLDatabase
    let now: Date

    func createCategory(nameArabic: String, nameEnglish: String, position: Int) async throws -> Int {
        try await sql.insertReturningID(
            into: "kb_categories", ["name_ar": nameArabic, "name_en": nameEnglish, "position": position, "created_at": now])
    }

    func createArticle(_ draft: ArticleDraft, authorID: Int?) async throws -> Int {
        try await checkReferences(draft, id: nil)
        let id = try await sql.insertReturningID(
            into: "kb_articles",
            [
                "category_id": draft.categoryID, "state": draft.state.rawValue, "tags": Self.json(draft.tags),
                "related": Self.json(draft.related), "author_id": authorID, "created_at": now, "updated_at": now,
            ])
        try await saveTranslations(draft, of: id)
        try await bumpVersion()
        return id
    }

    func updateArticle(_ id: Int, _ draft: ArticleDraft) async throws {
        try await checkReferences(draft, id: id)
        try await sql.update("kb_articles").where("id", .equal, id)
            .set("category_id", to: draft.categoryID).set("state", to: draft.state.rawValue)
            .set("tags", to: Self.json(draft.tags)).set("related", to: Self.json(draft.related)).set("updated_at", to: now)
            .set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
            .run()
        try await sql.delete(from: "kb_translations").where("article_id", .equal, id).run()
        try await saveTranslations(draft, of: id)
        try await bumpVersion()
    }

    /// Replaces the synonym groups (each of two or more words or phrases, any language).
    func saveSynonyms(_ groups: [[String]]) async throws {
        try await StoredSetting.save(groups, as: Self.synonymsKey, on: sql, now: now)
        try await bumpVersion()
    }

    func vote(_ id: Int, helpful: Bool, language: String) async throws {
        try await sql.requireRow(in: "kb_articles", id: id, field: "article", names: "article")
        try await sql.insertRow(into: "kb_votes", ["article_id": id, "helpful": helpful, "language": language, "created_at": now])
    }

    /// A customer opened the published article `id` in `language`: counted by the self-service report.
    func recordView(_ id: Int, language: String) async throws {
        try await sql.insertRow(into: "kb_article_views", ["article_id": id, "language": language, "created_at": now])
    }

    private func checkReferences(_ draft: ArticleDraft, id: Int?) async throws {
        try await sql.requireRow(in: "kb_categories", id: draft.categoryID, field: "category_id", names: "category")
        for (index, related) in draft.related.enumerated() {
            if related == id { throw DomainError.invalid("related[\(index)]", "must be another article") }
            try await sql.requireRow(in: "kb_articles", id: related, field: "related[\(index)]", names: "article")
        }
    }

    private func saveTranslations(_ draft: ArticleDraft, of id: Int) async throws {
        try await sql.insertRows(
            into: "kb_translations", columns: ["article_id", "language", "title", "body", "updated_at"],
            draft.translations.sorted { $0.key < $1.key }.map { [id, $0.key, $0.value.title, $0.value.body, now] })
    }

    private func bumpVersion() async throws {
        try await StoredSetting.save(UUID().uuidString, as: Self.versionKey, on: sql, now: now)
    }

    static func json(_ value: some Encodable) -> String {
        String(decoding: (try? JSON.encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// Reads of the knowledge base.
struct KnowledgeQueries {
    let sql: any SQLDatabase

    func categories() async throws -> [CategoryDTO] {
        try await sql.raw("SELECT id, name_ar, name_en, position FROM kb_categories ORDER BY position, id").all().map { row in
            CategoryDTO(
                id: try row.decode(column: "id", as: Int.self), nameArabic: try row.decode(column: "name_ar", as: String.self),
                nameEnglish: try row.decode(column: "name_en", as: String.self), position: try row.decode(column: "position", as: Int.self))
        }
    }

    /// Articles in these states, newest change first; all of them when `states` is nil.
    func articles(states: [ArticleState]? = nil, ids: [Int]? = nil) async throws -> [ArticleDTO] {
        var condition: SQLQueryString = "1 = 1"
        if let states { condition += " AND a.state IN (\(binds: states.map(\.rawValue)))" }
        if let ids { condition += " AND a.id IN (\(TicketReader.list(ids)))" }
        let rows = try await sql.raw("""
            SELECT a.id, a.category_id, a.state, a.tags, a.related, a.created_at, a.updated_at, \
            (SELECT COUNT(*) FROM kb_votes v WHERE v.article_id = a.id AND v.helpful = \(bind: true)) AS helpful, \
            (SELECT COUNT(*) FROM kb_votes v WHERE v.article_id = a.id AND v.helpful = \(bind: false)) AS not_helpful \
            FROM kb_articles a WHERE \(condition) ORDER BY a.updated_at DESC, a.id DESC
            """).all()
        guard !rows.isEmpty else { return [] }
        let articleIDs = try rows.map { try $0.decode(column: "id", as: Int.self) }
        var texts: [Int: [String: ArticleTranslationDTO]] = [:]
        for row in try await sql.raw(
            "SELECT article_id, language, title, body FROM kb_translations WHERE article_id IN (\(TicketReader.list(articleIDs)))"
        ).all() {
            let body = try row.decode(column: "body", as: String.self)
            texts[try row.decode(column: "article_id", as: Int.self), default: [:]][try row.decode(column: "language", as: String.self)] =
                ArticleTranslationDTO(title: try row.decode(column: "title", as: String.self), body: body)
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return ArticleDTO(
                id: id, categoryID: try row.decodeOptional(column: "category_id", as: Int.self),
                state: try row.decodeRaw(column: "state", as: ArticleState.self),
                tags: Self.list(try row.decode(column: "tags", as: String.self)),
                related: Self.list(try row.decode(column: "related", as: String.self)), translations: texts[id] ?? [:],
                helpful: try row.decode(column: "helpful", as: Int.self), notHelpful: try row.decode(column: "not_helpful", as: Int.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
        }
    }

    func article(_ id: Int) async throws -> ArticleDTO {
        guard let article = try await articles(ids: [id]).first else { throw DomainError.notFound(resource: "article") }
        return article
    }

    private static func list<T: Decodable>(_ text: String) -> [T] {
        (try? JSON.decoder.decode([T].self, from: Data(text.utf8))) ?? []
    }
}

/// The knowledge-base index of one instance, built from the database on first use and brought up to date when
/// `kb_version` changes (any instance's write changes it). Drafts are never indexed; who may see internal
/// articles is decided per search.
///
/// Only what changed is indexed again: articles whose `revision` differs from the indexed copy's, and synonyms
/// apply at query time. Indexing costs about 3 ms
/// per article, so rebuilding 10,000 articles on every edit would hold a thread for half a minute.
actor KnowledgeSearch {
    struct Result: Sendable {
        let article: ArticleDTO
        let hit: KnowledgeIndex.Hit
    }

    private static let indexed: [ArticleState] = [.published, .internal]

    private var index = KnowledgeIndex()
    private var articles: [Int: ArticleDTO] = [:]
    private var indexedRevisions: [Int: Int] = [:]
    private var synonymGroups: [[String]] = []
    private var version: String?

    /// Up to `limit` articles for `query`, best first, in `states` (published for customers, internal too for staff),
    /// with the confidence of the best one.
    func search(
        _ query: String, language: String?, states: Set<ArticleState>, limit: Int, on sql: any SQLDatabase
    ) async throws -> (results: [Result], confidence: SearchConfidence) {
        try await refresh(on: sql)
        let hits = index.search(query, language: language, limit: limit * 3).filter { hit in
            articles[hit.articleID].map { states.contains($0.state) } ?? false
        }
        let kept = Array(hits.prefix(limit))
        return (kept.compactMap { hit in articles[hit.articleID].map { Result(article: $0, hit: hit) } }, SearchConfidence(kept))
    }

    private func refresh(on sql: any SQLDatabase) async throws {
        let current = try await StoredSetting.load(KnowledgeBaseService.versionKey, as: String.self, on: sql) ?? ""
        guard current != version else { return }
        let groups = try await StoredSetting.load(KnowledgeBaseService.synonymsKey, as: [[String]].self, on: sql) ?? []
        var revisions: [Int: Int] = [:]
        for row in try await sql.raw(
            "SELECT id, revision FROM kb_articles WHERE state IN (\(binds: Self.indexed.map(\.rawValue)))"
        ).all() {
            revisions[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "revision", as: Int.self)
        }
        let changed = revisions.filter { id, revision in indexedRevisions[id] != revision }
        let fetched = changed.isEmpty ? [] : try await KnowledgeQueries(sql: sql).articles(states: Self.indexed, ids: Array(changed.keys))
        // Everything read: the index changes without a suspension point, so no search sees it half done.
        if groups != synonymGroups || version == nil {
            index.synonyms = Synonyms.withEveryday(groups)
            synonymGroups = groups
        }
        for id in articles.keys where revisions[id] == nil {
            index.remove(articleID: id)
            articles[id] = nil
            indexedRevisions[id] = nil
        }
        for article in fetched {
            articles[article.id] = article
            indexedRevisions[article.id] = changed[article.id]
            index.upsert(
                KnowledgeIndex.Document(
                    articleID: article.id,
                    translations: article.translations.map { language, text in
                        KnowledgeIndex.Translation(language: language, title: text.title, body: text.body, tags: article.tags)
                    }))
        }
        version = current
    }
}
