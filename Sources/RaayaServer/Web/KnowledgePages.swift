import Foundation
import RaayaCore
import Vapor

/// The knowledge base for agents: every article with its state and votes, search (internal articles too), and
/// the editor (Markdown in Arabic and English, with the rendered result shown on the article's page).
enum KnowledgePages {
    static func register(on app: Application) {
        app.get("agent", "kb", use: list)
        app.get("agent", "kb", "new", use: new)
        app.post("agent", "kb", "synonyms", use: updateSynonyms)
        app.post("agent", "kb", use: create)
        app.get("agent", "kb", ":id", use: edit)
        app.post("agent", "kb", ":id", use: update)
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requirePrincipal()
            let language = session.language
            let sql = try request.db.sqlDatabase()
            let query = request.queryParameters.string("q")
            let articles: [ArticleDTO]
            if let query {
                articles = try await request.raaya.knowledge.search(
                    query, language: language.rawValue, states: [.published, .internal], limit: 50, on: sql
                ).results.map(\.article)
            } else {
                articles = try await KnowledgeQueries(sql: sql).articles()
            }
            let rows: [HTML] = articles.map { article in
                let text = article.translation(language.rawValue)
                return """
                    <tr><td><a href="/agent/kb/\(article.id)" dir="auto">\(text?.text.title ?? "#\(article.id)")</a></td>\
                    <td><span class="badge \(article.state.rawValue)">\(article.state.name(language))</span></td>\
                    <td>\(article.translations.keys.sorted().joined(separator: " · "))</td>\
                    <td>👍 \(article.helpful) · 👎 \(article.notHelpful)</td></tr>
                    """
            }
            let body: HTML = """
                <h1>\(Phrase.knowledgeBase, language)</h1>
                <form class="filters" method="get" action="/agent/kb" role="search"><label>\(Phrase.searchArticles, language) \
                <input type="search" name="q" dir="auto" value="\(query ?? "")"></label>\
                <button class="primary" type="submit">\(Phrase.search, language)</button></form>
                <p><a class="button" href="/agent/kb/new">\(Phrase.newArticle, language)</a></p>
                \(rows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noArticles, language)</p>") : """
                <table class="tickets"><thead><tr><th>\(Phrase.macroTitle, language)</th><th>\(Phrase.articleState, language)</th>\
                <th>\(Phrase.language, language)</th><th>\(Phrase.wasHelpful, language)</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
                """
            var synonyms: HTML = ""
            if [Role.admin, .supervisor].contains(principal.role) {
                let groups = try await StoredSetting.load(KnowledgeBaseService.synonymsKey, as: [[String]].self, on: sql) ?? []
                synonyms = """
                    <form class="card" method="post" action="/agent/kb/synonyms"><input type="hidden" name="_csrf" value="\(session.csrf)">
                    <label for="synonyms">\(Phrase.synonyms, language)</label>
                    <textarea id="synonyms" name="synonyms" dir="auto" rows="6">\(groups.map { $0.joined(separator: "، ") }.joined(separator: "\n"))</textarea>
                    <p class="muted">\(Phrase.synonymsHelp, language)</p>
                    <button class="primary" type="submit">\(Phrase.save, language)</button></form>
                    """
            }
            let saved: HTML =
                (try? request.query.get(String.self, at: "done")) == "saved"
                ? "<p class=\"notice\" role=\"status\">\(Phrase.changesSaved, language)</p>" : ""
            return Layout.page(session, title: Phrase.knowledgeBase.text(language), body: "\(saved)\(body)\(synonyms)")
        }
    }

    /// The synonym groups from their textarea: one group a line, entries separated by commas.
    @Sendable static func updateSynonyms(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requireRole(.admin, .supervisor)
            try session.checkCSRF(request)
            let text = Validation.unixLineBreaks((try? request.content.get(String.self, at: "synonyms")) ?? "")
            let groups = try SynonymsDTO(
                groups: text.split(separator: "\n").map { WorkspacePages.tagList(String($0)) }.filter { !$0.isEmpty }
            ).validated()
            try await KnowledgeAPI.saveSynonyms(groups, request)
            return Layout.redirect("/agent/kb?done=saved")
        }
    }

    @Sendable static func new(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requirePrincipal()
            let language = session.language
            let categories = try await KnowledgeQueries(sql: request.db.sqlDatabase()).categories()
            let body: HTML = "<h1>\(Phrase.newArticle, language)</h1>\(editor(session, action: "/agent/kb", article: nil, categories: categories))"
            return Layout.page(session, title: Phrase.newArticle.text(language), body: body)
        }
    }

    @Sendable static func edit(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requirePrincipal()
            let language = session.language
            let queries = KnowledgeQueries(sql: try request.db.sqlDatabase())
            let article = try await queries.article(try request.pathID(resource: "article"))
            let notice: HTML =
                (try? request.query.get(String.self, at: "done")) == "saved"
                ? "<p class=\"notice\" role=\"status\">\(Phrase.changesSaved, language)</p>" : ""
            let previews: [HTML] = article.translations.sorted { $0.key < $1.key }.map { code, text in
                """
                <article class="card" lang="\(code)" dir="\(code == "ar" ? "rtl" : "ltr")"><h2>\(text.title)</h2>\
                <div class="article-body">\(HTML(trusted: text.html))</div></article>
                """
            }
            let publicLink: HTML =
                article.state == .published
                ? "<p class=\"muted\"><a href=\"/help/kb/\(article.id)\" dir=\"ltr\"><bdi>/help/kb/\(article.id)</bdi></a></p>" : ""
            let body: HTML = """
                <p><a href="/agent/kb">\(Phrase.knowledgeBase, language)</a></p>\(notice)
                <div class="layout"><section>\(editor(session, action: "/agent/kb/\(article.id)", article: article, categories: try await queries.categories()))</section>
                <aside>\(publicLink)\(previews)</aside></div>
                """
            return Layout.page(session, title: article.translation(language.rawValue)?.text.title ?? Phrase.knowledgeBase.text(language), body: body)
        }
    }

    private static func editor(_ session: WebSession, action: String, article: ArticleDTO?, categories: [CategoryDTO]) -> HTML {
        let language = session.language
        let states: [HTML] = ArticleState.allCases.map { state in
            "<option value=\"\(state.rawValue)\"\(HTML(trusted: state == (article?.state ?? .draft) ? " selected" : ""))>\(state.name(language))</option>"
        }
        func fields(_ code: String, _ title: Phrase, _ body: Phrase) -> HTML {
            let text = article?.translations[code]
            let direction = code == "ar" ? "rtl" : "ltr"
            return """
                <label for="title-\(code)">\(title, language)</label>\
                <input id="title-\(code)" name="title_\(code)" type="text" dir="\(direction)" lang="\(code)" value="\(text?.title ?? "")">
                <label for="body-\(code)">\(body, language)</label>\
                <textarea id="body-\(code)" name="body_\(code)" dir="\(direction)" lang="\(code)" rows="12">\(text?.body ?? "")</textarea>
                """
        }
        return """
            <form class="card" method="post" action="\(action)"><input type="hidden" name="_csrf" value="\(session.csrf)">
            <label>\(Phrase.category, language) \(WorkspacePages.select("category_id", article?.categoryID.map(String.init), any: language, categories.map { (String($0.id), $0.name(language.rawValue)) }, empty: .noCategory))</label>
            <label>\(Phrase.articleState, language) <select name="state">\(states)</select></label>
            <label for="kb-tags">\(Phrase.tagsField, language)</label><input id="kb-tags" name="tags" type="text" dir="auto" value="\((article?.tags ?? []).joined(separator: "، "))">
            \(fields("ar", .titleArabic, .bodyArabic))
            \(fields("en", .titleEnglish, .bodyEnglish))
            <p class="muted">\(Phrase.markdownHelp, language)</p>
            <button class="primary" type="submit">\(Phrase.save, language)</button></form>
            """
    }

    /// The editor's fields as the API's request: a language whose title and text are both empty is left out.
    private static func articleRequest(_ request: Request) throws -> ArticleRequest {
        func field(_ name: String) -> String? { try? request.content.get(String.self, at: name) }
        var translations: [String: ArticleRequest.Text] = [:]
        for code in ["ar", "en"] {
            let title = field("title_\(code)") ?? ""
            let body = field("body_\(code)") ?? ""
            if !title.trimmingWhitespace().isEmpty || !body.trimmingWhitespace().isEmpty {
                translations[code] = ArticleRequest.Text(title: title, body: body)
            }
        }
        let category = field("category_id").flatMap { $0.isEmpty ? nil : $0 }
        guard category == nil || Identity.wholeNumber(category!) != nil else { throw DomainError.invalid("category_id", "must be a category") }
        return ArticleRequest(
            categoryID: category.flatMap(Identity.wholeNumber), state: field("state"),
            tags: WorkspacePages.tagList(field("tags") ?? ""), related: nil, translations: translations)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let draft = try articleRequest(request).validated()
            let clock = request.raaya.clock
            let id = try await request.raaya.writer.write { database in
                try await KnowledgeBaseService(sql: database.sqlDatabase(), now: clock.now()).createArticle(draft, authorID: principal.userID)
            }
            return Layout.redirect("/agent/kb/\(id)?done=saved")
        }
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "article")
            let current = try await KnowledgeQueries(sql: request.db.sqlDatabase()).article(id)
            let draft = try articleRequest(request).validated(over: current)
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await KnowledgeBaseService(sql: database.sqlDatabase(), now: clock.now()).updateArticle(id, draft)
            }
            return Layout.redirect("/agent/kb/\(id)?done=saved")
        }
    }
}

extension ArticleState {
    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.draft, .ar): "مسودة"
        case (.published, .ar): "منشور"
        case (.internal, .ar): "داخلي"
        case (.draft, .en): "Draft"
        case (.published, .en): "Published"
        case (.internal, .en): "Internal"
        }
    }
}
