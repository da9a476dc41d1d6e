import Fluent

/// Every migration in the order it runs. Forward-only: a shipped one is never renamed, moved or edited.
enum RaayaMigrations {
    static let all: [any Migration] = [
        CreateAccounts(),
        CreateCustomers(),
        CreateTickets(),
        CreateSearchIndex(),
        CreateMail(),
        CreateOutbox(),
        CreateAttachments(),
        CreateMailTemplates(),
        CreateChannelSources(),
        CreateExternalIDs(),
        CreateChat(),
        UpdateChannelSourcesReplies(),
        UpdateMessagesHTML(),
        UpdateUsersLanguage(),
        CreatePortalLinks(),
        CreateMacros(),
        CreateKnowledgeBase(),
        UpdateChatConversationsBot(),
        UpdateKBArticlesRevision(),
        UpdateMessagesSentiment(),
        UpdateTicketsSentiment(),
        CreateSurveys(),
        UpdateTicketEventsReportIndex(),
        CreateGoals(),
        UpdateOutboxForDigests(),
        CreateTicketFacts(),
        CreateKBArticleViews(),
        UpdateReportIndexes(),
        UpdateTicketFactsAttributes(),
        UpdateTicketFactsSettledIndex(),
        CreateTicketFactsChannelIndex(),
        UpdateTicketFactsSentiment(),
    ]
}
