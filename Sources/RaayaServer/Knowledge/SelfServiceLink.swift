import Crypto
import Foundation
import RaayaCore
import SQLKit

/// The "this solved it" link under an article suggested in a new request's acknowledgement:
/// `/help/solved/v1.<ticket>.<article>.<HMAC-SHA256, hex>`. Only Raaya can make one, so nobody can solve another
/// customer's ticket by changing a number. Opening it only asks; the customer's confirmation (a POST) solves the
/// ticket, because mail scanners open links by themselves.
struct SelfServiceLink: Sendable, Equatable {
    let ticketID: Int
    let articleID: Int

    func token(with key: SymmetricKey) -> String {
        "v1.\(ticketID).\(articleID).\(Hex.encode(HMAC<SHA256>.authenticationCode(for: purpose, using: key)))"
    }

    func url(publicURL: String, key: SymmetricKey) -> String {
        "\(publicURL)/help/solved/\(token(with: key))"
    }

    /// The link's ticket and article, or nil when the token is not one Raaya made with this key.
    static func verify(_ token: String, with key: SymmetricKey) -> SelfServiceLink? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "v1", let ticket = Int(parts[1]), let article = Int(parts[2]),
            let given = Hex.decode(String(parts[3]))
        else { return nil }
        let link = SelfServiceLink(ticketID: ticket, articleID: article)
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: link.purpose, using: key) ? link : nil
    }

    private var purpose: [UInt8] { Array("raaya-self-service:\(ticketID):\(articleID)".utf8) }
}

/// Up to three published articles that may answer a new request, for its acknowledgement. Looked up before the
/// request is written (the index is refreshed on a reading connection, never inside the write), and never a
/// reason to refuse a request: a failure only means no suggestions.
struct ArticleSuggester: Sendable {
    /// A request's acknowledgement names at most this many articles.
    static let limit = 3
    /// Articles must match at least this share of the request's words (`KnowledgeIndex.Hit.coverage`): a mail
    /// of many words that shares one with an article is not about it.
    static let minimumCoverage = 0.34

    let knowledge: KnowledgeSearch
    let sql: any SQLDatabase
    let publicURL: String
    let key: SymmetricKey

    init(_ services: RaayaServices, sql: any SQLDatabase) {
        knowledge = services.knowledge
        self.sql = sql
        publicURL = services.configuration.publicURL
        key = services.secretKey
    }

    func suggestions(for text: String, language: String?) async -> Suggestions {
        guard
            let found = try? await knowledge.search(
                text, language: language, states: [.published], limit: Self.limit, on: sql)
        else { return Suggestions(articles: [], publicURL: publicURL, key: key) }
        let articles = found.results.filter { $0.hit.coverage >= Self.minimumCoverage }.map(\.article)
        return Suggestions(articles: articles, publicURL: publicURL, key: key)
    }

    struct Suggestions: Sendable {
        let articles: [ArticleDTO]
        let publicURL: String
        let key: SymmetricKey

        /// The block under the acknowledgement's text, in `language`: each article's title, its link, and its
        /// "this solved it" link for `ticketID`. Empty when there is nothing to suggest.
        func text(language: String, ticketID: Int) -> String {
            let lines = articles.compactMap { article -> String? in
                guard let translation = article.translation(language) else { return nil }
                let solved = SelfServiceLink(ticketID: ticketID, articleID: article.id).url(publicURL: publicURL, key: key)
                return language == "ar"
                    ? "• \(translation.text.title)\n  \(publicURL)/help/kb/\(article.id)\n  حلّ مشكلتي، أغلقوا الطلب: \(solved)"
                    : "• \(translation.text.title)\n  \(publicURL)/help/kb/\(article.id)\n  This solved it, close my request: \(solved)"
            }
            guard !lines.isEmpty else { return "" }
            let heading =
                language == "ar"
                ? "قد تجد الإجابة الآن في هذه المقالات:" : "These articles may answer your question right away:"
            return "\n\n" + heading + "\n\n" + lines.joined(separator: "\n\n")
        }
    }
}
