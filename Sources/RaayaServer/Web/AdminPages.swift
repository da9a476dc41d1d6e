import Foundation
import RaayaCore
import SQLKit
import Vapor

/// The admin pages: staff and their roles and groups, groups and their tiers, mailboxes, live chat, macros, and
/// the business's branding and languages. Admins see all of them; supervisors keep the macros. Each form calls
/// what the API's handler calls, so both validate and store alike.
enum AdminPages {
    enum Section: String, CaseIterable {
        case users, groups, mailboxes, chat, rules, macros, surveys, appearance

        var phrase: Phrase {
            switch self {
            case .users: .users
            case .groups: .groups
            case .mailboxes: .mailboxes
            case .chat: .chatSettings
            case .rules: .automaticRules
            case .macros: .macros
            case .surveys: .surveys
            case .appearance: .appearance
            }
        }

        /// Supervisors keep the macros; everything else is for admins.
        var roles: [Role] { self == .macros ? [.admin, .supervisor] : [.admin] }
    }

    static func register(on app: Application) {
        app.get("admin", use: home)
        app.get("admin", "users", use: users)
        app.post("admin", "users", use: createUser)
        app.post("admin", "users", ":id", use: updateUser)
        app.get("admin", "groups", use: groups)
        app.post("admin", "groups", use: createGroup)
        app.post("admin", "groups", ":id", use: updateGroup)
        app.get("admin", "mailboxes", use: mailboxes)
        app.post("admin", "mailboxes", use: createMailbox)
        app.get("admin", "chat", use: chat)
        app.post("admin", "chat", use: updateChat)
        app.get("admin", "rules", use: rules)
        app.post("admin", "rules", use: updateRules)
        app.get("admin", "macros", use: macros)
        app.post("admin", "macros", use: createMacro)
        app.post("admin", "macros", ":id", use: updateMacro)
        app.post("admin", "macros", ":id", "delete", use: deleteMacro)
        app.get("admin", "surveys", use: surveys)
        app.post("admin", "surveys", use: createSurvey)
        app.post("admin", "surveys", ":id", use: updateSurvey)
        app.get("admin", "appearance", use: appearance)
        app.on(.POST, "admin", "appearance", body: .collect(maxSize: "1mb"), use: updateAppearance)
        app.post("admin", "languages", use: updateLanguages)
    }

    @Sendable static func home(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requireRole(.admin, .supervisor)
            return Layout.redirect(principal.role == .admin ? "/admin/users" : "/admin/macros")
        }
    }

    /// Runs an admin page of `section`: the signed-in user must have one of its roles.
    static func page(
        _ request: Request, _ section: Section, _ render: @escaping @Sendable (WebSession, Principal) async throws -> HTML
    ) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            guard let principal = session.principal else { throw WebRedirect(to: "/sign-in") }
            guard section.roles.contains(principal.role) else { throw DomainError.forbidden("this page is for admins") }
            let language = session.language
            let tabs: [HTML] = Section.allCases.filter { $0.roles.contains(principal.role) }.map { candidate in
                "<a href=\"/admin/\(candidate.rawValue)\"\(HTML(trusted: candidate == section ? " aria-current=\"page\"" : ""))>\(candidate.phrase, language)</a>"
            }
            let notice: HTML =
                (try? request.query.get(String.self, at: "done")) == "saved"
                ? "<p class=\"notice\" role=\"status\">\(Phrase.changesSaved, language)</p>" : ""
            let body: HTML = """
                <h1>\(Phrase.admin, language)</h1><nav class="views" aria-label="\(Phrase.admin, language)">\(tabs)</nav>\(notice)
                \(try await render(session, principal))
                """
            return Layout.page(session, title: section.phrase.text(language), body: body)
        }
    }

    /// Runs a form post of `section`: the role, then the CSRF token, then `change`; answers with a redirect back
    /// to the section, which says the change was saved.
    static func submit(
        _ request: Request, _ section: Section, _ change: @escaping @Sendable (Principal) async throws -> Void
    ) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            guard let principal = session.principal else { throw WebRedirect(to: "/sign-in") }
            guard section.roles.contains(principal.role) else { throw DomainError.forbidden("this page is for admins") }
            try session.checkCSRF(request)
            try await change(principal)
            return Layout.redirect("/admin/\(section.rawValue)?done=saved")
        }
    }

    static func field(_ request: Request, _ name: String) -> String? {
        (try? request.content.get(String.self, at: name))?.trimmingWhitespace()
    }

    /// The groups ticked in a form (`group_<id>` checkboxes).
    private static func tickedGroups(_ request: Request, among groups: [GroupDTO]) -> [Int] {
        groups.map(\.id).filter { field(request, "group_\($0)") != nil }
    }

    static func csrf(_ session: WebSession) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(session.csrf)\">"
    }

    private static func groupBoxes(_ groups: [GroupDTO], checked: [Int]) -> HTML {
        let boxes: [HTML] = groups.map { group in
            "<label><input type=\"checkbox\" name=\"group_\(group.id)\"\(HTML(trusted: checked.contains(group.id) ? " checked" : ""))> <bdi>\(group.name)</bdi></label>"
        }
        return "<div class=\"choices\">\(boxes)</div>"
    }

    private static func roleSelect(_ selected: Role, language: Language) -> HTML {
        let options: [HTML] = Role.allCases.map { role in
            "<option value=\"\(role.rawValue)\"\(HTML(trusted: role == selected ? " selected" : ""))>\(role.name(language))</option>"
        }
        return "<select name=\"role\">\(options)</select>"
    }

    // MARK: Users

    @Sendable static func users(_ request: Request) async throws -> Response {
        try await page(request, .users) { session, _ in
            let language = session.language
            let accounts = AccountQueries(database: request.db)
            let groups = try await accounts.groups()
            let rows: [HTML] = try await accounts.users().map { user in
                """
                <tr><td colspan="3"><form class="row" method="post" action="/admin/users/\(user.id)">\(csrf(session))
                <label>\(Phrase.name, language) <input name="name" type="text" dir="auto" value="\(user.name)" required></label>
                <bdi class="muted">\(user.email)</bdi>
                <label>\(Phrase.role, language) \(roleSelect(user.role, language: language))</label>
                \(groupBoxes(groups, checked: user.groupIDs))
                <button type="submit">\(Phrase.save, language)</button></form></td></tr>
                """
            }
            return """
                <section class="card"><h2>\(Phrase.users, language)</h2><table class="admin"><tbody>\(rows)</tbody></table></section>
                <form class="card" method="post" action="/admin/users">\(csrf(session))<h2>\(Phrase.addUser, language)</h2>
                <label for="new-name">\(Phrase.name, language)</label><input id="new-name" name="name" type="text" dir="auto" required>
                <label for="new-email">\(Phrase.email, language)</label><input id="new-email" name="email" type="email" dir="ltr" required>
                <label for="new-password">\(Phrase.password, language)</label><input id="new-password" name="password" type="password" minlength="\(Limits.passwordMinCharacters)" required>
                <label>\(Phrase.role, language) \(roleSelect(.agent, language: language))</label>
                <fieldset><legend>\(Phrase.groups, language)</legend>\(groupBoxes(groups, checked: []))</fieldset>
                <button class="primary" type="submit">\(Phrase.addUser, language)</button></form>
                """
        }
    }

    @Sendable static func createUser(_ request: Request) async throws -> Response {
        try await submit(request, .users) { _ in
            let groups = try await AccountQueries(database: request.db).groups()
            let input = CreateUserRequest(
                email: field(request, "email") ?? "", name: field(request, "name") ?? "",
                password: (try? request.content.get(String.self, at: "password")) ?? "",
                role: try formRole(request), groupIDs: tickedGroups(request, among: groups))
            let new = try await AccountsAPI.newUser(input, request)
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await AccountService(database: database, now: clock.now()).createUser(new)
            }
        }
    }

    @Sendable static func updateUser(_ request: Request) async throws -> Response {
        try await submit(request, .users) { _ in
            let id = try request.pathID(resource: "user")
            let groups = try await AccountQueries(database: request.db).groups()
            var validation = Validation()
            let name = validation.requiredText(field(request, "name"), field: "name", maxCharacters: Limits.nameCharacters)
            try validation.check()
            let (role, groupIDs, clock) = (try formRole(request), tickedGroups(request, among: groups), request.raaya.clock)
            try await request.raaya.writer.write { database in
                try await AccountService(database: database, now: clock.now()).updateUser(id, name: name, role: role, groupIDs: groupIDs)
            }
            await request.raaya.principals.forget(userID: id)
        }
    }

    private static func formRole(_ request: Request) throws -> Role {
        guard let role = field(request, "role").flatMap(Role.init(rawValue:)) else {
            throw DomainError.invalid("role", "must be admin, supervisor or agent")
        }
        return role
    }

    // MARK: Groups

    @Sendable static func groups(_ request: Request) async throws -> Response {
        try await page(request, .groups) { session, _ in
            let language = session.language
            let rows: [HTML] = try await AccountQueries(database: request.db).groups().map { group in
                """
                <tr><td><form class="row" method="post" action="/admin/groups/\(group.id)">\(csrf(session))
                <label>\(Phrase.name, language) <input name="name" type="text" dir="auto" value="\(group.name)" required></label>
                <label>\(Phrase.tier, language) <input name="tier" type="text" inputmode="numeric" dir="ltr" size="3" value="\(group.tier)" required></label>
                <button type="submit">\(Phrase.save, language)</button></form></td></tr>
                """
            }
            return """
                <section class="card"><h2>\(Phrase.groups, language)</h2>\(rows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noGroups, language)</p>") : "<table class=\"admin\"><tbody>\(rows)</tbody></table>")</section>
                <form class="card" method="post" action="/admin/groups">\(csrf(session))<h2>\(Phrase.addGroup, language)</h2>
                <label for="group-name">\(Phrase.name, language)</label><input id="group-name" name="name" type="text" dir="auto" required>
                <label for="group-tier">\(Phrase.tier, language)</label><input id="group-tier" name="tier" type="text" inputmode="numeric" dir="ltr" size="3" value="1" required>
                <button class="primary" type="submit">\(Phrase.addGroup, language)</button></form>
                """
        }
    }

    @Sendable static func createGroup(_ request: Request) async throws -> Response {
        try await submit(request, .groups) { _ in
            let (name, tier) = try CreateGroupRequest(name: field(request, "name") ?? "", tier: try formTier(request)).validated()
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await AccountService(database: database, now: clock.now()).createGroup(name: name, tier: tier)
            }
        }
    }

    @Sendable static func updateGroup(_ request: Request) async throws -> Response {
        try await submit(request, .groups) { _ in
            let id = try request.pathID(resource: "group")
            let (name, tier) = try CreateGroupRequest(name: field(request, "name") ?? "", tier: try formTier(request)).validated()
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await AccountService(database: database, now: clock.now()).updateGroup(id, name: name, tier: tier)
            }
        }
    }

    /// A whole number from a form; Arabic-Indic digits count.
    private static func formNumber(_ request: Request, _ name: String) throws -> Int? {
        guard let raw = field(request, name), !raw.isEmpty else { return nil }
        guard let value = Identity.wholeNumber(raw) else { throw DomainError.invalid(name, "must be a whole number") }
        return value
    }

    private static func formTier(_ request: Request) throws -> Int? { try formNumber(request, "tier") }

    // MARK: Mailboxes

    @Sendable static func mailboxes(_ request: Request) async throws -> Response {
        try await page(request, .mailboxes) { session, _ in
            let language = session.language
            let groups = try await AccountQueries(database: request.db).groups()
            let groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) })
            let rows: [HTML] = try await MailboxQueries(database: request.db).all().map { mailbox in
                """
                <tr><td><bdi>\(mailbox.address)</bdi></td><td dir="auto">\(mailbox.name)</td>
                <td dir="auto">\(mailbox.groupID.flatMap { groupNames[$0] } ?? Phrase.noGroup.text(language))</td>
                <td>\(mailbox.language.flatMap { Language(tag: $0) }.map { $0.name(language) } ?? "")</td></tr>
                """
            }
            let languages: [HTML] = Language.allCases.map { "<option value=\"\($0.rawValue)\">\($0.name(language))</option>" }
            return """
                <section class="card"><h2>\(Phrase.mailboxes, language)</h2><table class="tickets"><thead><tr>\
                <th>\(Phrase.address, language)</th><th>\(Phrase.name, language)</th><th>\(Phrase.group, language)</th>\
                <th>\(Phrase.language, language)</th></tr></thead><tbody>\(rows)</tbody></table></section>
                <form class="card" method="post" action="/admin/mailboxes">\(csrf(session))<h2>\(Phrase.addMailbox, language)</h2>
                <label for="mb-address">\(Phrase.address, language)</label><input id="mb-address" name="address" type="email" dir="ltr" required>
                <label for="mb-name">\(Phrase.name, language)</label><input id="mb-name" name="name" type="text" dir="auto" required>
                <label>\(Phrase.group, language) \(WorkspacePages.select("group_id", nil, any: language, groups.map { (String($0.id), $0.name) }))</label>
                <label>\(Phrase.language, language) <select name="language">\(languages)</select></label>
                <label for="mb-signature">\(Phrase.signature, language)</label><textarea id="mb-signature" name="signature" dir="auto"></textarea>
                <button class="primary" type="submit">\(Phrase.addMailbox, language)</button></form>
                """
        }
    }

    @Sendable static func createMailbox(_ request: Request) async throws -> Response {
        try await submit(request, .mailboxes) { _ in
            let draft = try CreateMailboxRequest(
                address: field(request, "address") ?? "", name: field(request, "name") ?? "",
                groupID: try formNumber(request, "group_id"), language: field(request, "language"),
                signature: field(request, "signature")
            ).validated()
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await draft.create(on: database.sqlDatabase(), now: clock.now())
            }
        }
    }

    // MARK: Live chat

    @Sendable static func chat(_ request: Request) async throws -> Response {
        try await page(request, .chat) { session, _ in
            let language = session.language
            let sql = try request.db.sqlDatabase()
            let settings = try await ChatSettings.load(on: sql)
            let groups = try await AccountQueries(database: request.db).groups()
            let calendars: [HTML] = try await BusinessCalendars.all(on: sql).map { calendar in
                "<option value=\"\(calendar.id)\"\(HTML(trusted: calendar.id == settings.calendarID ? " selected" : ""))>\(calendar.name)</option>"
            }
            return """
                <form class="card" method="post" action="/admin/chat">\(csrf(session))<h2>\(Phrase.chatSettings, language)</h2>
                <label><input type="checkbox" name="enabled"\(HTML(trusted: settings.enabled ? " checked" : ""))> \(Phrase.chatEnabled, language)</label>
                <label for="wait">\(Phrase.waitAlert, language)</label>\
                <input id="wait" name="wait_alert_seconds" type="text" inputmode="numeric" dir="ltr" \
                value="\(settings.waitAlertSeconds)" required>
                <label>\(Phrase.group, language) \(WorkspacePages.select("group_id", settings.groupID.map(String.init), any: language, groups.map { (String($0.id), $0.name) }))</label>
                <label>\(Phrase.calendar, language) <select name="calendar_id"><option value="">\(Phrase.alwaysOpen, language)</option>\(calendars)</select></label>
                <p><a href="/chat/demo?lang=\(language.rawValue)">/chat/demo</a></p>
                <button class="primary" type="submit">\(Phrase.save, language)</button></form>
                """
        }
    }

    @Sendable static func updateChat(_ request: Request) async throws -> Response {
        try await submit(request, .chat) { _ in
            try await ChatAPI.apply(
                ChatSettingsRequest(
                    enabled: field(request, "enabled") != nil, calendarID: .some(try formNumber(request, "calendar_id")),
                    groupID: .some(try formNumber(request, "group_id")), waitAlertSeconds: try formNumber(request, "wait_alert_seconds")),
                request)
        }
    }

    // MARK: Automatic rules

    @Sendable static func rules(_ request: Request) async throws -> Response {
        try await page(request, .rules) { session, _ in
            let language = session.language
            let settings = try await EscalationSettings.load(on: request.db.sqlDatabase())
            return """
                <form class="card" method="post" action="/admin/rules">\(csrf(session))<h2>\(Phrase.automaticRules, language)</h2>
                <label><input type="checkbox" name="raise_priority_on_negative"\(HTML(trusted: settings.raisePriorityOnNegative ? " checked" : ""))> \
                \(Phrase.raiseOnNegative, language)</label>
                <button class="primary" type="submit">\(Phrase.save, language)</button></form>
                """
        }
    }

    @Sendable static func updateRules(_ request: Request) async throws -> Response {
        try await submit(request, .rules) { _ in
            try await AdminAPI.saveEscalation(
                EscalationSettings(raisePriorityOnNegative: field(request, "raise_priority_on_negative") != nil), request)
        }
    }

    // MARK: Macros

    @Sendable static func macros(_ request: Request) async throws -> Response {
        try await page(request, .macros) { session, _ in
            let language = session.language
            let forms: [HTML] = try await MacroQueries(sql: request.db.sqlDatabase()).all().map { macro in
                """
                <details class="card"><summary dir="auto">\(macro.title)</summary>
                \(macroForm(session, action: "/admin/macros/\(macro.id)", macro: macro))
                <form method="post" action="/admin/macros/\(macro.id)/delete">\(csrf(session))\
                <button class="link" type="submit">\(Phrase.delete, language)</button></form></details>
                """
            }
            return """
                <h2>\(Phrase.macros, language)</h2>\(forms)
                <section class="card"><h2>\(Phrase.addMacro, language)</h2>\(macroForm(session, action: "/admin/macros", macro: nil))</section>
                """
        }
    }

    private static func macroForm(_ session: WebSession, action: String, macro: MacroDTO?) -> HTML {
        let language = session.language
        let statuses: [HTML] = TicketStatus.allCases.filter { $0 != .new && $0 != .closed }.map { status in
            "<option value=\"\(status.rawValue)\"\(HTML(trusted: status == macro?.setStatus ? " selected" : ""))>\(status.name(language))</option>"
        }
        let placeholders = MacroText.names.map { "{{\($0)}}" }.joined(separator: " ")
        return """
            <form method="post" action="\(action)">\(csrf(session))
            <label>\(Phrase.macroTitle, language) <input name="title" type="text" dir="auto" value="\(macro?.title ?? "")" required></label>
            <label>\(Phrase.macroBody, language) <textarea name="body" dir="auto">\(macro?.body ?? "")</textarea></label>
            <p class="muted">\(Phrase.placeholdersHelp, language) <bdi dir="ltr">\(placeholders)</bdi></p>
            <label><input type="checkbox" name="internal"\(HTML(trusted: macro?.isInternal == true ? " checked" : ""))> \(Phrase.asInternal, language)</label>
            <label>\(Phrase.setStatus, language) <select name="set_status"><option value="">\(Phrase.unchanged, language)</option>\(statuses)</select></label>
            <label>\(Phrase.addTags, language) <input name="add_tags" type="text" dir="auto" value="\((macro?.addTags ?? []).joined(separator: "، "))"></label>
            <button class="primary" type="submit">\(Phrase.save, language)</button></form>
            """
    }

    /// A macro's fields from its form, as the API's request.
    private static func macroRequest(_ request: Request) -> MacroRequest {
        MacroRequest(
            title: field(request, "title") ?? "", body: (try? request.content.get(String.self, at: "body")) ?? "",
            isInternal: field(request, "internal") != nil, setStatus: field(request, "set_status") ?? "",
            addTags: WorkspacePages.tagList(field(request, "add_tags") ?? ""))
    }

    @Sendable static func createMacro(_ request: Request) async throws -> Response {
        try await submit(request, .macros) { _ in
            let draft = try macroRequest(request).validated()
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                try await MacroService(sql: database.sqlDatabase(), now: clock.now()).create(draft)
            }
        }
    }

    @Sendable static func updateMacro(_ request: Request) async throws -> Response {
        try await submit(request, .macros) { _ in
            let id = try request.pathID(resource: "macro")
            let draft = try macroRequest(request).validated()
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await MacroService(sql: database.sqlDatabase(), now: clock.now()).update(id, draft)
            }
        }
    }

    @Sendable static func deleteMacro(_ request: Request) async throws -> Response {
        try await submit(request, .macros) { _ in
            let id = try request.pathID(resource: "macro")
            let clock = request.raaya.clock
            try await request.raaya.writer.write { database in
                try await MacroService(sql: database.sqlDatabase(), now: clock.now()).delete(id)
            }
        }
    }

    // MARK: Branding and languages

    @Sendable static func appearance(_ request: Request) async throws -> Response {
        try await page(request, .appearance) { session, _ in
            let language = session.language
            let branding = session.appearance.branding
            let offered = session.appearance.languages
            let boxes: [HTML] = Language.allCases.map { option in
                "<label><input type=\"checkbox\" name=\"offer_\(option.rawValue)\"\(HTML(trusted: offered.offered.contains(option) ? " checked" : ""))> \(option.name(language))</label>"
            }
            let defaults: [HTML] = Language.allCases.map { option in
                "<option value=\"\(option.rawValue)\"\(HTML(trusted: option == offered.defaultLanguage ? " selected" : ""))>\(option.name(language))</option>"
            }
            let logo: HTML =
                branding.logoPath == nil
                ? ""
                : """
                <p><img class="logo-preview" src="/branding/logo" alt="\(Phrase.logo, language)"></p>
                <label><input type="checkbox" name="remove_logo"> \(Phrase.removeLogo, language)</label>
                """
            return """
                <form class="card" method="post" action="/admin/appearance" enctype="multipart/form-data">\(csrf(session))
                <h2>\(Phrase.appearance, language)</h2>
                <label for="name-ar">\(Phrase.businessNameArabic, language)</label><input id="name-ar" name="name_ar" type="text" dir="rtl" lang="ar" value="\(branding.nameArabic ?? "")">
                <label for="name-en">\(Phrase.businessNameEnglish, language)</label><input id="name-en" name="name_en" type="text" dir="ltr" lang="en" value="\(branding.nameEnglish ?? "")">
                <label for="accent">\(Phrase.accentColor, language)</label><input id="accent" name="accent_color" type="color" value="\(branding.accentColor ?? "#0b6e4f")">
                <label for="logo">\(Phrase.logo, language)</label><input id="logo" name="logo" type="file" accept="\(Branding.logoTypes.joined(separator: ","))">\(logo)
                <button class="primary" type="submit">\(Phrase.save, language)</button></form>
                <form class="card" method="post" action="/admin/languages">\(csrf(session))<h2>\(Phrase.languagesOffered, language)</h2>
                <div class="choices">\(boxes)</div>
                <label>\(Phrase.defaultLanguage, language) <select name="default">\(defaults)</select></label>
                <button class="primary" type="submit">\(Phrase.save, language)</button></form>
                """
        }
    }

    @Sendable static func updateAppearance(_ request: Request) async throws -> Response {
        try await submit(request, .appearance) { _ in
            let input = BrandingRequest(
                nameArabic: field(request, "name_ar"), nameEnglish: field(request, "name_en"),
                accentColor: field(request, "accent_color"))
            var logo: (path: String, type: String)?
            if let file = try? request.content.get(File.self, at: "logo"), file.data.readableBytes > 0 {
                let type = file.contentType.map { "\($0.type)/\($0.subType)".lowercased() } ?? ""
                guard Branding.logoTypes.contains(type) else {
                    throw DomainError.invalid("logo", "must be \(Branding.logoTypes.joined(separator: ", "))")
                }
                guard file.data.readableBytes <= Branding.logoBytes else {
                    throw DomainError.invalid("logo", "must be at most \(Branding.logoBytes / 1024) KiB")
                }
                logo = (try await request.raaya.files.store(Array(buffer: file.data)).path, type)
            }
            let removeLogo = field(request, "remove_logo") != nil
            _ = try await AdminAPI.saveBranding(request) { [logo] current in
                var branding = try input.validated(keeping: current)
                if removeLogo { (branding.logoPath, branding.logoType) = (nil, nil) }
                if let logo { (branding.logoPath, branding.logoType) = (logo.path, logo.type) }
                return branding
            }
        }
    }

    @Sendable static func updateLanguages(_ request: Request) async throws -> Response {
        try await submit(request, .appearance) { _ in
            let settings = try LanguagesRequest(
                offered: Language.allCases.filter { field(request, "offer_\($0.rawValue)") != nil }.map(\.rawValue),
                defaultLanguage: field(request, "default") ?? ""
            ).validated()
            try await AdminAPI.saveLanguages(settings, request)
        }
    }
}
