import Foundation
import RaayaCore
import SQLKit

/// The demo's knowledge base (`demo/knowledge-base/articles.json`, embedded as `DemoKnowledgeBase`): categories and
/// bilingual articles, related articles linked by slug in the file and by id once stored.
struct DemoKnowledgeFile: Decodable {
    struct Category: Decodable {
        let slug: String
        let nameArabic: String
        let nameEnglish: String

        enum CodingKeys: String, CodingKey {
            case slug
            case nameArabic = "name_ar"
            case nameEnglish = "name_en"
        }
    }

    struct Article: Decodable {
        struct Text: Decodable {
            let title: String
            let body: String
        }

        let slug: String
        let category: String
        let state: ArticleState
        let tags: [String]
        let related: [String]?
        let translations: [String: Text]
    }

    let categories: [Category]
    let articles: [Article]

    static func embedded() throws -> DemoKnowledgeFile {
        try JSON.decoder.decode(DemoKnowledgeFile.self, from: Data(DemoKnowledgeBase.json.utf8))
    }

    /// Stores everything inside one write; returns the article ids by slug.
    @discardableResult
    func store(on sql: any SQLDatabase, now: Date, authorID: Int?) async throws -> [String: Int] {
        let service = KnowledgeBaseService(sql: sql, now: now)
        var categoryIDs: [String: Int] = [:]
        for (position, category) in categories.enumerated() {
            categoryIDs[category.slug] = try await service.createCategory(
                nameArabic: category.nameArabic, nameEnglish: category.nameEnglish, position: position)
        }
        func draft(_ article: Article, related: [Int]) -> ArticleDraft {
            ArticleDraft(
                categoryID: categoryIDs[article.category], state: article.state, tags: article.tags.map(Tags.normalize),
                related: related, translations: article.translations.mapValues { ($0.title, $0.body) })
        }
        var ids: [String: Int] = [:]
        for article in articles {
            ids[article.slug] = try await service.createArticle(draft(article, related: []), authorID: authorID)
        }
        for article in articles where !(article.related ?? []).isEmpty {
            guard let id = ids[article.slug] else { continue }
            try await service.updateArticle(id, draft(article, related: (article.related ?? []).compactMap { ids[$0] }))
        }
        return ids
    }
}
