import Foundation
import RaayaCore
import SQLKit
import Vapor

/// The knowledge base for staff: categories, articles in every state, and search (published and internal).
/// Every staff member writes articles; admins and supervisors keep the categories.
enum KnowledgeAPI {
    @Sendable static func categories(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(Page(data: try await KnowledgeQueries(sql: request.db.sqlDatabase()).categories(), nextCursor: nil))
    }

    @Sendable static func createCategory(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let input = try request.decodeJSON(CategoryRequest.self)
        var validation = Validation()
        let arabic = validation.requiredText(input.nameArabic, field: "name_ar", maxCharacters: Limits.nameCharacters)
        let english = validation.requiredText(input.nameEnglish, field: "name_en", maxCharacters: Limits.nameCharacters)
        try validation.check()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await KnowledgeBaseService(sql: database.sqlDatabase(), now: now)
                .createCategory(nameArabic: arabic, nameEnglish: english, position: input.position ?? 0)
        } render: { id in
            guard let category = try await KnowledgeQueries(sql: request.db.sqlDatabase()).categories().first(where: { $0.id == id })
            else { throw DomainError.notFound(resource: "category") }
            return try JSON.response(category)
        }
    }

    @Sendable static func articles(_ request: Request) async throws -> Response {
        _ = try request.principal
        let state = try request.queryParameters.value("state", as: ArticleState.self)
        let articles = try await KnowledgeQueries(sql: request.db.sqlDatabase()).articles(states: state.map { [$0] })
        return try JSON.response(Page(data: articles, nextCursor: nil))
    }

    @Sendable static func article(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(try await KnowledgeQueries(sql: request.db.sqlDatabase()).article(try request.pathID(resource: "article")))
    }

    @Sendable static func createArticle(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let draft = try request.decodeJSON(ArticleRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await KnowledgeBaseService(sql: database.sqlDatabase(), now: now).createArticle(draft, authorID: principal.userID)
        } render: { id in
            try JSON.response(try await KnowledgeQueries(sql: request.db.sqlDatabase()).article(id))
        }
    }

    @Sendable static func updateArticle(_ request: Request) async throws -> Response {
        _ = try request.principal
        let id = try request.pathID(resource: "article")
        let queries = KnowledgeQueries(sql: try request.db.sqlDatabase())
        let draft = try request.decodeJSON(ArticleRequest.self).validated(over: try await queries.article(id))
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await KnowledgeBaseService(sql: database.sqlDatabase(), now: clock.now()).updateArticle(id, draft)
        }
        return try JSON.response(try await queries.article(id))
    }

    @Sendable static func synonyms(_ request: Request) async throws -> Response {
        _ = try request.principal
        let groups = try await StoredSetting.load(KnowledgeBaseService.synonymsKey, as: [[String]].self, on: request.db.sqlDatabase()) ?? []
        return try JSON.response(SynonymsDTO(groups: groups))
    }

    /// `PUT /api/v1/kb/synonyms {"groups": [["فاتورة", "invoice", "bill"], …]}`: admins and supervisors.
    @Sendable static func updateSynonyms(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin, .supervisor)
        let groups = try request.decodeJSON(SynonymsDTO.self).validated()
        try await saveSynonyms(groups, request)
        return try JSON.response(SynonymsDTO(groups: groups))
    }

    static func saveSynonyms(_ groups: [[String]], _ request: Request) async throws {
        let clock = request.raaya.clock
        try await request.raaya.writer.write { database in
            try await KnowledgeBaseService(sql: database.sqlDatabase(), now: clock.now()).saveSynonyms(groups)
        }
    }

    /// `GET /api/v1/kb/search?q=&lang=&limit=`: ranked articles with their relevance, and the confidence of the best.
    @Sendable static func search(_ request: Request) async throws -> Response {
        _ = try request.principal
        let parameters = request.queryParameters
        guard let text = parameters.string("q") else { throw DomainError.invalid("q", "is required") }
        let language = try parameters.value("lang", as: Language.self)
        let limit = try parameters.integer("limit", in: 1...Limits.pageSizeMax) ?? 10
        let found = try await request.raaya.knowledge.search(
            text, language: language?.rawValue, states: [.published, .internal], limit: limit, on: request.db.sqlDatabase())
        return try JSON.response(
            KnowledgeSearchDTO(
                data: found.results.map {
                    KnowledgeSearchDTO.Item(article: $0.article, score: $0.hit.score, relevance: $0.hit.relevance, language: $0.hit.language)
                },
                confidence: found.confidence.value))
    }
}

struct SynonymsDTO: Codable, Sendable {
    static let maxGroups = 500

    let groups: [[String]]

    /// Trimmed groups of at least two entries each.
    func validated() throws -> [[String]] {
        var validation = Validation()
        if groups.count > Self.maxGroups { validation.fail("groups", "must be at most \(Self.maxGroups)") }
        var kept: [[String]] = []
        for (index, group) in groups.enumerated() {
            let entries = group.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if entries.count < 2 || entries.contains(where: { $0.count > Limits.nameCharacters }) {
                validation.fail("groups[\(index)]", "must have two or more words or phrases of at most \(Limits.nameCharacters) characters")
            }
            kept.append(entries)
        }
        try validation.check()
        return kept
    }
}

struct CategoryRequest: Decodable {
    let nameArabic: String?
    let nameEnglish: String?
    let position: Int?

    enum CodingKeys: String, CodingKey {
        case position
        case nameArabic = "name_ar"
        case nameEnglish = "name_en"
    }
}

struct KnowledgeSearchDTO: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        let article: ArticleDTO
        let score: Double
        let relevance: Double
        /// The translation that matched best.
        let language: String
    }

    let data: [Item]
    /// How sure the best match is, 0–1 (the bot answers above its threshold).
    let confidence: Double
}
