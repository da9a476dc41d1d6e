import Vapor

/// The pages' routes (not part of the API: no bearer tokens, no OpenAPI). Each is marked `page` in its
/// `userInfo`, so tests can tell them from the API's.
enum PageRoutes {
    static let marker = "raaya.page"

    static func register(on app: Application) {
        let before = app.routes.all.count
        app.get(use: WorkspacePages.home)
        app.get("sign-in", use: SignInPages.form)
        app.post("sign-in", use: SignInPages.submit)
        app.post("sign-out", use: SignInPages.signOut)
        app.get("language", use: SignInPages.chooseLanguage)
        app.post("language", use: SignInPages.chooseLanguage)
        app.get("assets", "workspace.js", use: WorkspaceScript.serve)

        app.get("agent", use: WorkspacePages.inbox)
        app.get("agent", "chats", use: WorkspacePages.chats)
        app.get("agent", "search", use: WorkspacePages.search)
        app.get("agent", "tickets", ":id", use: WorkspacePages.ticket)
        app.post("agent", "tickets", ":id", use: WorkspacePages.update)
        app.post("agent", "tickets", ":id", "messages", use: WorkspacePages.reply)
        app.post("agent", "tickets", ":id", "macro", use: WorkspacePages.applyMacro)
        app.post("agent", "tickets", ":id", "merge", use: WorkspacePages.merge)
        app.post("agent", "tickets", ":id", "draft-reply", use: WorkspacePages.draftReply)
        app.get("agent", "customers", ":id", use: CustomerPages.show)
        app.get("agent", "attachments", ":id", use: WorkspacePages.attachment)
        app.get("help", use: PortalPages.home)
        app.on(.POST, "help", "requests", body: .collect(maxSize: "21mb"), use: PortalPages.submit)
        app.get("help", "sign-in", use: PortalPages.signInForm)
        app.post("help", "sign-in", use: PortalPages.sendLink)
        app.get("help", "session", use: PortalPages.session)
        app.get("help", "requests", use: PortalPages.requests)
        app.get("help", "survey", ":token", use: SurveyPages.show)
        app.post("help", "survey", ":token", use: SurveyPages.answer)
        app.get("help", "requests", ":id", use: PortalPages.showRequest)
        app.on(.POST, "help", "requests", ":id", "messages", body: .collect(maxSize: "21mb"), use: PortalPages.reply)
        app.post("agent", "customers", ":id", "notes", use: CustomerPages.addNote)
        app.post("agent", "customers", ":id", use: CustomerPages.update)
        AdminPages.register(on: app)
        HelpCenterPages.register(on: app)
        KnowledgePages.register(on: app)
        SatisfactionPages.register(on: app)
        ReportPages.register(on: app)
        for route in app.routes.all.dropFirst(before) { route.userInfo[marker] = true }
    }
}
