import Foundation
import RaayaCore
import Vapor

/// The public help center in the portal: published articles by category, search, an article in the reader's
/// language (or its other translation), "was this helpful?", and a way to a person with the article attached.
enum HelpCenterPages {
    /// How many results the help center's search shows.
    static let resultLimit = 10

    static func register(on app: Application) {
        app.get("help", "kb", use: home)
        app.get("help", "kb", ":id", use: article)
        app.post("help", "kb", ":id", "vote", use: vote)
        app.get("help", "solved", ":token", use: SelfServicePages.confirm)
        app.post("help", "solved", ":token", use: SelfServicePages.solve)
    }

    /// A published article, or nil (none asked for, unknown, or not public).
    static func publishedArticle(_ id: Int?, _ request: Request) async throws -> ArticleDTO? {
        guard let id else { return nil }
        let article = try? await KnowledgeQueries(sql: request.db.sqlDatabase()).article(id)
        return article?.state == .published ? article : nil
    }

    /// Categories with their articles, or the results of `?q=`.
    @Sendable static func home(_ request: Request) async throws -> Response {
        let token = PortalPages.formToken(request)
        let session = try await WebSession.load(request)
        let language = session.language
        let sql = try request.db.sqlDatabase()
        let query = request.queryParameters.string("q")
        let searchBox: HTML = """
            <form class="card row" method="get" action="/help/kb" role="search">\
            <label>\(Phrase.searchArticles, language) <input type="search" name="q" dir="auto" value="\(query ?? "")"></label>\
            <button class="primary" type="submit">\(Phrase.search, language)</button></form>
            """
        var body: HTML
        if let query {
            let found = try await request.raaya.knowledge.search(
                query, language: language.rawValue, states: [.published], limit: resultLimit, on: sql)
            let items: [HTML] = found.results.compactMap { result in
                result.article.translation(language.rawValue).map { item(result.article.id, $0, language: language) }
            }
            body = """
                <h1>\(Phrase.helpCenter, language)</h1>\(searchBox)
                \(items.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noArticles, language) <a href=\"/help\">\(Phrase.submitRequest, language)</a></p>") : "<ul class=\"articles\">\(items)</ul>")
                """
        } else {
            let queries = KnowledgeQueries(sql: sql)
            let articles = try await queries.articles(states: [.published])
            let categories = try await queries.categories()
            let sections: [HTML] = categories.compactMap { category in
                let items: [HTML] = articles.filter { $0.categoryID == category.id }
                    .compactMap { article in article.translation(language.rawValue).map { item(article.id, $0, language: language) } }
                guard !items.isEmpty else { return nil }
                return "<section class=\"card\"><h2 dir=\"auto\">\(category.name(language.rawValue))</h2><ul class=\"articles\">\(items)</ul></section>"
            }
            // Published articles outside every category still belong on the front page.
            let known = Set(categories.map(\.id))
            let others: [HTML] = articles.filter { $0.categoryID.map { !known.contains($0) } ?? true }
                .compactMap { article in article.translation(language.rawValue).map { item(article.id, $0, language: language) } }
            let rest: HTML =
                others.isEmpty ? "" : "<section class=\"card\"><h2>\(Phrase.otherArticles, language)</h2><ul class=\"articles\">\(others)</ul></section>"
            body = "<h1>\(Phrase.helpCenter, language)</h1>\(searchBox)<div class=\"categories\">\(sections)\(rest)</div>"
        }
        return PortalPages.respond(request, session, token: token, title: .helpCenter, body: body)
    }

    private static func item(_ id: Int, _ text: (language: String, text: ArticleTranslationDTO), language: Language) -> HTML {
        let other: HTML = text.language == language.rawValue ? "" : " lang=\"\(text.language)\""
        return "<li><a href=\"/help/kb/\(id)\" dir=\"auto\"\(other)>\(text.text.title)</a></li>"
    }

    @Sendable static func article(_ request: Request) async throws -> Response {
        let token = PortalPages.formToken(request)
        let session = try await WebSession.load(request)
        let language = session.language
        guard let article = try await publishedArticle(try request.pathID(resource: "article"), request),
            let text = article.translation(language.rawValue)
        else {
            return PortalPages.respond(
                request, session, token: token, title: .notFound, body: "<p class=\"error\">\(Phrase.notFound, language)</p>",
                status: .notFound)
        }
        let (clock, articleID, shown) = (request.raaya.clock, article.id, text.language)
        do {
            try await request.raaya.writer.write { database in
                try await KnowledgeBaseService(sql: database.sqlDatabase(), now: clock.now()).recordView(articleID, language: shown)
            }
        } catch {
            // A view that could not be counted does not keep the customer from the article.
            request.logger.warning("article \(articleID): the view was not counted: \(String(reflecting: error))")
        }
        let related: [HTML] = try await KnowledgeQueries(sql: request.db.sqlDatabase()).articles(states: [.published], ids: article.related)
            .compactMap { other in other.translation(language.rawValue).map { item(other.id, $0, language: language) } }
        let voted = request.query[String.self, at: "voted"] != nil
        let feedback: HTML =
            voted
            ? "<p class=\"notice\" role=\"status\">\(Phrase.thanksForFeedback, language)</p>"
            : """
            <form class="card row" method="post" action="/help/kb/\(article.id)/vote"><input type="hidden" name="_csrf" value="\(token)">\
            <span>\(Phrase.wasHelpful, language)</span>\
            <button type="submit" name="helpful" value="yes">\(Phrase.yes, language)</button>\
            <button type="submit" name="helpful" value="no">\(Phrase.no, language)</button></form>
            """
        let body: HTML = """
            <p><a href="/help/kb">\(Phrase.helpCenter, language)</a></p>
            <article class="card" lang="\(text.language)" dir="\(text.language == "ar" ? "rtl" : "ltr")"><h1>\(text.text.title)</h1>\
            <div class="article-body">\(HTML(trusted: text.text.html))</div></article>
            \(feedback)
            \(related.isEmpty ? "" : HTML("<section class=\"card\"><h2>\(Phrase.relatedArticles, language)</h2><ul class=\"articles\">\(related)</ul></section>"))
            <section class="card" id="still-need-help"><h2>\(Phrase.stillNeedHelp, language)</h2>\
            <p>\(Phrase.stillNeedHelpDetail, language)</p>\
            <p><a class="button" href="/help?article=\(article.id)">\(Phrase.submitRequest, language)</a></p></section>
            """
        return PortalPages.respond(request, session, token: token, title: .helpCenter, body: body)
    }

    /// "Was this helpful?": stored as a vote, counted on the article.
    @Sendable static func vote(_ request: Request) async throws -> Response {
        try PortalPages.checkForm(request)
        let session = try await WebSession.load(request)
        guard let article = try await publishedArticle(try request.pathID(resource: "article"), request) else {
            throw Abort(.notFound)
        }
        let helpful = (try? request.content.get(String.self, at: "helpful")) == "yes"
        let (clock, language) = (request.raaya.clock, session.language.rawValue)
        try await request.raaya.writer.write { database in
            try await KnowledgeBaseService(sql: database.sqlDatabase(), now: clock.now()).vote(article.id, helpful: helpful, language: language)
        }
        return Layout.redirect("/help/kb/\(article.id)?voted=1")
    }
}
