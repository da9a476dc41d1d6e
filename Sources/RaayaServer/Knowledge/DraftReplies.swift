import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// Drafts for the agent's reply box, written by the configured language model from a ticket's public
/// conversation and the articles suggested for it. A draft is only returned: nothing is stored or sent, the agent
/// edits it and sends it as any reply.
struct DraftReplies {
    struct Draft: Encodable, Sendable {
        let draft: String
        /// The articles it was written from, best match first.
        let articles: [Int]
    }

    let languageModel: Configuration.LanguageModel?
    let knowledge: KnowledgeSearch
    let client: any Client
    let logger: Logger

    init(_ request: Request) {
        languageModel = request.raaya.configuration.languageModel
        knowledge = request.raaya.knowledge
        client = request.client
        logger = request.logger
    }

    /// A draft for ticket `id` as seen through `visibility` (a ticket the caller may not see does not exist).
    func draft(ticket id: Int, visibility: TicketVisibility, on database: any Database) async throws -> Draft {
        guard let languageModel else { throw DraftReplyFailure.notConfigured }
        let queries = TicketQueries(database: database, visibility: visibility)
        let ticket = try await queries.detail(id)
        let messages = try await queries.messages(of: id)
        let articles = try await knowledge.suggestions(for: ticket, messages: messages, on: database.sqlDatabase())
        guard !articles.isEmpty else { throw DraftReplyFailure.noArticles }
        let conversation = messages.compactMap { message -> DraftReplyPrompt.Turn? in
            guard !message.internal else { return nil }
            let text = message.folded?.reply ?? message.body
            switch message.authorKind {
            case .customer: return DraftReplyPrompt.Turn(.customer, text)
            case .agent, .bot: return DraftReplyPrompt.Turn(.agent, text)
            case .system: return nil
            }
        }
        let language = DraftReplyPrompt.language(
            profile: ticket.customer.language,
            customerText: conversation.lazy.filter { $0.speaker == .customer }.map(\.text))
        let prompt = DraftReplyPrompt(
            subject: ticket.subject, conversation: conversation,
            articles: articles.compactMap { article in
                article.translation(language).map { DraftReplyPrompt.Article(id: article.id, title: $0.text.title, body: $0.text.body) }
            },
            language: language)
        do {
            let text = try await ChatCompletions(endpoint: languageModel, client: client)
                .complete(system: prompt.system, user: prompt.user)
            return Draft(draft: text, articles: articles.map(\.id))
        } catch {
            logger.warning("no draft reply from the language model", metadata: ["ticket": "\(id)", "reason": "\(error.reason)"])
            throw error
        }
    }
}

extension KnowledgeSearch {
    /// The articles suggested next to a ticket's reply box, which drafts are written from: published and internal
    /// ones (agents read both), found with the subject and the start of the opening message, where the question is.
    func suggestions(for ticket: TicketDTO, messages: [MessageDTO], on sql: any SQLDatabase) async throws -> [ArticleDTO] {
        let question = ticket.subject + " " + String((messages.first?.body ?? "").prefix(300))
        // The order does not depend on the language, which only picks the translation a hit shows.
        return try await search(question, language: nil, states: [.published, .internal], limit: 3, on: sql).results
            .map(\.article)
    }
}
