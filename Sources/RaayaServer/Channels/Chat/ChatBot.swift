import Foundation
import RaayaCore
import SQLKit

/// The answer bot of live chat: before a person joins, it answers a visitor's question with the best published
/// article when it is sure enough, asks whether that solved it, and hands the chat to a person at once when the
/// visitor asks for one, says no, or the question has no good answer. Each step is an event (`bot_answered`,
/// `bot_handed_off`, `bot_solved`), so reports can count what the bot solved and what it handed on.
///
/// The bot takes part only while the knowledge base has published articles, in chats answered live (not by
/// email), and never once an agent has replied or it has handed off. A person sees the whole conversation, the
/// bot's messages included.
enum ChatBot {
    enum State: String {
        case answering
        case asked
        case handedOff = "handed_off"
    }

    /// Reacts to a visitor's message that was just stored on chat `ticketID`.
    static func respond(
        to text: String, ticketID: Int, language: String?, services: RaayaServices, on sql: any SQLDatabase
    ) async throws {
        guard
            let row = try await sql.raw("""
                SELECT c.bot, c.bot_article_id, c.by_email, \
                (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = c.ticket_id AND m.author_kind = 'agent') AS agent_messages \
                FROM chat_conversations c WHERE c.ticket_id = \(bind: ticketID)
                """).first(),
            try !row.decode(column: "by_email", as: Bool.self),
            try row.decode(column: "agent_messages", as: Int.self) == 0
        else { return }
        let state = try row.decodeOptional(column: "bot", as: String.self).flatMap(State.init(rawValue:))
        if state == .handedOff { return }
        // With nothing published to offer, the bot stays out of a chat it has not joined (before searching:
        // this runs for every chat message).
        if state == nil, try await !hasPublishedArticles(on: sql) { return }
        let found = try await services.knowledge.search(text, language: language, states: [.published], limit: 1, on: sql)

        let arabic = (language ?? "ar").hasPrefix("ar")
        let step = ChatBotRules.step(
            for: text, awaitingAnswer: state == .asked, bestArticle: found.results.first?.article.id, confidence: found.confidence.value,
            sentiment: SentimentModel.shared.analyze(text))
        let now = services.clock.now()
        try await services.writer.write { database in
            let sql = try database.sqlDatabase()
            let tickets = TicketService(database: database, now: now, actor: nil)
            switch step {
            case .answer(let articleID):
                guard let article = found.results.first?.article, let translation = article.translation(arabic ? "ar" : "en") else { return }
                let link = "\(services.configuration.publicURL)/help/kb/\(articleID)"
                let reply =
                    arabic
                    ? "\(Markdown.firstParagraph(translation.text.body))\n\nالتفاصيل في مقال «\(translation.text.title)»: \(link)\n\nهل حلّت هذه الإجابة مشكلتك؟ اكتب «نعم» أو «لا»."
                    : "\(Markdown.firstParagraph(translation.text.body))\n\nMore in “\(translation.text.title)”: \(link)\n\nDid this solve your problem? Type “yes” or “no”."
                _ = try await tickets.addMessage(to: ticketID, NewMessage(body: reply, isInternal: false, author: .bot, channel: .chat))
                try await tickets.record(.botAnswered, on: ticketID, ["article_id": String(articleID)])
                try await setState(.asked, article: articleID, ticketID: ticketID, on: sql)
            case .handOff(let reason):
                let reply =
                    arabic
                    ? "سأحوّلك الآن إلى أحد موظفينا، وسيرى محادثتنا كاملة."
                    : "I'm passing you to one of our team now; they will see our whole conversation."
                _ = try await tickets.addMessage(to: ticketID, NewMessage(body: reply, isInternal: false, author: .bot, channel: .chat))
                try await tickets.record(.botHandedOff, on: ticketID, ["reason": reason.rawValue])
                try await setState(.handedOff, article: nil, ticketID: ticketID, on: sql)
            case .solved:
                let reply = arabic ? "يسعدنا ذلك! إن احتجت شيئاً آخر فاكتب لنا هنا." : "Glad to hear it! Write here if you need anything else."
                _ = try await tickets.addMessage(to: ticketID, NewMessage(body: reply, isInternal: false, author: .bot, channel: .chat))
                let article = try row.decodeOptional(column: "bot_article_id", as: Int.self)
                try await tickets.record(.botSolved, on: ticketID, ["article_id": article.map(String.init)])
                try await tickets.update(ticketID, TicketChanges(status: .solved))
                try await setState(.answering, article: nil, ticketID: ticketID, on: sql)
            }
        }
    }

    private static func hasPublishedArticles(on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT id FROM kb_articles WHERE state = \(bind: ArticleState.published.rawValue) LIMIT 1").first() != nil
    }

    private static func setState(_ state: State, article: Int?, ticketID: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("chat_conversations").where("ticket_id", .equal, ticketID)
            .set("bot", to: state.rawValue).set("bot_article_id", to: article).run()
    }
}
