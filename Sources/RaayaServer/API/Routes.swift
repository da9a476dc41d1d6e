import Vapor

/// Every route Raaya serves, grouped by area and guard. `/openapi.json` documents each one but the pages
/// (`PageRoutes`).
enum Routes {
    static func register(on app: Application) throws {
        PageRoutes.register(on: app)
        app.get("healthz", use: SystemAPI.health)
        app.get("openapi.json", use: SystemAPI.openAPI)

        // Live chat for visitors of any site: the widget, a sample page that embeds it, and its websocket.
        app.get("chat", "widget.js", use: ChatAPI.widgetScript)
        app.get("chat", "demo", use: ChatAPI.samplePage)
        app.get("branding", "logo", use: AdminAPI.logo)
        app.get("chat", "ws", use: ChatAPI.visitorSocket)

        let api = app.grouped("api", "v1")
        // Authenticates itself: browsers cannot send a bearer header on a websocket.
        api.get("chat", "agents", "ws", use: ChatAPI.agentSocket)
        api.post("auth", "login", use: AccountsAPI.login)
        // Webhooks: no bearer token; each request is signed with its source's secret (checked in the handler).
        api.post("channels", "phone", "calls", use: ChannelsAPI.phoneCall)
        api.post("channels", "social", ":source", use: ChannelsAPI.socialWebhook)
        api.get("channels", "social", ":source", use: ChannelsAPI.socialVerification)

        let staff = api.grouped(BearerAuthenticator())
        staff.get("me", use: AccountsAPI.me)
        staff.get("users", use: AccountsAPI.listUsers)
        staff.post("users", use: AccountsAPI.createUser)
        staff.get("groups", use: AccountsAPI.listGroups)
        staff.post("groups", use: AccountsAPI.createGroup)
        staff.patch("users", ":id", use: AdminAPI.updateUser)
        staff.patch("groups", ":id", use: AdminAPI.updateGroup)

        staff.get("macros", use: AdminAPI.listMacros)
        staff.post("macros", use: AdminAPI.createMacro)
        staff.patch("macros", ":id", use: AdminAPI.updateMacro)
        staff.delete("macros", ":id", use: AdminAPI.deleteMacro)
        staff.post("tickets", ":id", "macros", ":macro_id", use: AdminAPI.applyMacro)

        staff.get("kb", "categories", use: KnowledgeAPI.categories)
        staff.post("kb", "categories", use: KnowledgeAPI.createCategory)
        staff.get("kb", "articles", use: KnowledgeAPI.articles)
        staff.post("kb", "articles", use: KnowledgeAPI.createArticle)
        staff.get("kb", "articles", ":id", use: KnowledgeAPI.article)
        staff.patch("kb", "articles", ":id", use: KnowledgeAPI.updateArticle)
        staff.get("kb", "search", use: KnowledgeAPI.search)
        staff.get("kb", "synonyms", use: KnowledgeAPI.synonyms)
        staff.put("kb", "synonyms", use: KnowledgeAPI.updateSynonyms)

        staff.get("settings", "branding", use: AdminAPI.branding)
        staff.put("settings", "branding", use: AdminAPI.updateBranding)
        staff.on(.PUT, "settings", "branding", "logo", body: .collect(maxSize: "1mb"), use: AdminAPI.uploadLogo)
        staff.delete("settings", "branding", "logo", use: AdminAPI.deleteLogo)
        staff.get("settings", "languages", use: AdminAPI.languages)
        staff.put("settings", "languages", use: AdminAPI.updateLanguages)
        staff.get("settings", "escalation", use: AdminAPI.escalation)
        staff.put("settings", "escalation", use: AdminAPI.updateEscalation)

        staff.get("customers", use: CustomersAPI.list)
        staff.post("customers", use: CustomersAPI.create)
        staff.get("customers", ":id", use: CustomersAPI.show)
        staff.patch("customers", ":id", use: CustomersAPI.update)
        staff.post("customers", ":id", "notes", use: CustomersAPI.addNote)

        staff.get("tickets", use: TicketsAPI.list)
        staff.post("tickets", use: TicketsAPI.create)
        staff.get("tickets", ":id", use: TicketsAPI.show)
        staff.patch("tickets", ":id", use: TicketsAPI.update)
        staff.get("tickets", ":id", "messages", use: TicketsAPI.messages)
        staff.post("tickets", ":id", "messages", use: TicketsAPI.addMessage)
        staff.get("tickets", ":id", "events", use: TicketsAPI.events)
        staff.post("tickets", ":id", "merge", use: TicketsAPI.merge)
        staff.post("tickets", ":id", "draft-reply", use: TicketsAPI.draftReply)

        staff.get("surveys", use: SurveysAPI.list)
        staff.post("surveys", use: SurveysAPI.create)
        staff.get("surveys", ":id", use: SurveysAPI.show)
        staff.patch("surveys", ":id", use: SurveysAPI.update)
        staff.get("surveys", ":id", "responses", use: SurveysAPI.responses)
        staff.get("surveys", ":id", "campaigns", use: SurveysAPI.campaigns)
        staff.post("surveys", ":id", "campaigns", use: SurveysAPI.createCampaign)
        staff.get("satisfaction", use: SurveysAPI.satisfaction)
        staff.get("satisfaction", "themes", use: SurveysAPI.themes)
        staff.get("reports", "tickets", use: ReportsAPI.ticketsCSV)
        staff.get("reports", ":name", use: ReportsAPI.report)
        staff.get("goals", use: GoalsAPI.list)
        staff.post("goals", use: GoalsAPI.create)
        staff.delete("goals", ":id", use: GoalsAPI.delete)
        staff.get("close-loop-tasks", use: SurveysAPI.closeLoopTasks)
        staff.post("close-loop-tasks", ":id", "done", use: SurveysAPI.completeCloseLoopTask)

        staff.get("search", use: TicketsAPI.search)
        staff.post("sentiment", use: SentimentAPI.analyze)

        staff.get("attachments", ":id", use: TicketsAPI.attachment)

        staff.post("tickets", ":id", "calls", use: ChannelsAPI.logCall)
        staff.get("channels", "sources", use: ChannelsAPI.listSources)
        staff.post("channels", "sources", use: ChannelsAPI.createSource)

        staff.get("chats", use: ChatAPI.waiting)
        staff.get("channels", "chat", use: ChatAPI.settings)
        staff.put("channels", "chat", use: ChatAPI.updateSettings)
        staff.get("calendars", use: ChatAPI.listCalendars)
        staff.post("calendars", use: ChatAPI.createCalendar)
        staff.put("calendars", ":id", use: ChatAPI.replaceCalendar)

        staff.get("outbox", use: OutboxAPI.list)
        staff.post("outbox", ":id", "retry", use: OutboxAPI.retry)
        staff.get("mailboxes", use: MailAPI.listMailboxes)
        staff.post("mailboxes", use: MailAPI.createMailbox)
        staff.get("mail-templates", use: MailAPI.listTemplates)
        staff.put("mail-templates", ":key", ":language", use: MailAPI.updateTemplate)
        staff.on(.POST, "channels", "email", "inbound", body: .collect(maxSize: "26mb"), use: MailAPI.inbound)
        staff.get("channels", "email", "inbound", use: MailAPI.listInbound)
        staff.get("channels", "email", "inbound", ":id", "raw", use: MailAPI.rawInbound)
    }
}

enum SystemAPI {
    struct Health: Content {
        let status: String
        let database: String
    }

    @Sendable static func health(_ request: Request) async throws -> Response {
        _ = try await request.db.sqlDatabase().raw("SELECT 1 AS ok").first()
        return try JSON.response(Health(status: "ok", database: request.db.isSQLite ? "sqlite" : "postgres"))
    }

    @Sendable static func openAPI(_ request: Request) async throws -> Response {
        JSON.response(body: OpenAPIDocument.json, status: .ok)
    }
}
