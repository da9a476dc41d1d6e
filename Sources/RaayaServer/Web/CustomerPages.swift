import Foundation
import RaayaCore
import Vapor

/// A customer as agents see them: who they are, how to reach them, every ticket of theirs the agent may see
/// (across channels), and the team's notes.
enum CustomerPages {
    @Sendable static func show(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requirePrincipal()
            let language = session.language
            let id = try request.pathID(resource: "customer")
            let customers = CustomerQueries(database: request.db)
            let customer = try await customers.customer(id)
            let tickets = try await TicketQueries(database: request.db, visibility: principal.visibility)
                .list(TicketFilter(customerID: id), limit: Limits.pageSizeMax, after: nil).data
            let notes = try await customers.notes(of: id)
            let contacts: [HTML] = (customer.emails + customer.phones).map { "<li><bdi>\($0)</bdi></li>" }
            let rows: [HTML] = tickets.map { ticket in
                """
                <tr><td>#\(ticket.id)</td><td><a href="/agent/tickets/\(ticket.id)" dir="auto">\(ticket.subject)</a></td>
                <td>\(ticket.channel.name(language))</td><td><span class="badge \(ticket.status.rawValue)">\(ticket.status.name(language))</span></td>
                <td><time>\(WorkspacePages.shortTime(ticket.updatedAt))</time></td></tr>
                """
            }
            let noteItems: [HTML] = notes.map { note in
                "<li class=\"message internal\"><div class=\"meta\"><time>\(WorkspacePages.shortTime(note.createdAt))</time></div><div class=\"body\" dir=\"auto\">\(note.body)</div></li>"
            }
            let body: HTML = """
                <div class="layout"><section><h1 dir="auto">\(customer.name)</h1>
                <h2>\(Phrase.tickets, language)</h2>
                \(rows.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noTickets, language)</p>") : """
                <table class="tickets"><thead><tr><th>#</th><th>\(Phrase.subject, language)</th><th>\(Phrase.channel, language)</th>\
                <th>\(Phrase.status, language)</th><th>\(Phrase.updated, language)</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
                <h2>\(Phrase.notes, language)</h2>
                \(noteItems.isEmpty ? HTML("<p class=\"muted\">\(Phrase.noNotes, language)</p>") : "<ul class=\"plain\">\(noteItems)</ul>")
                <form class="card" method="post" action="/agent/customers/\(id)/notes">
                <input type="hidden" name="_csrf" value="\(session.csrf)"><label for="note">\(Phrase.addNote, language)</label>
                <textarea id="note" name="body" required dir="auto"></textarea>
                <button class="primary" type="submit">\(Phrase.save, language)</button></form></section>
                <aside><section class="card"><h2>\(Phrase.customerPanel, language)</h2><dl class="facts">
                <dt>\(Phrase.organization, language)</dt><dd dir="auto">\(customer.organization ?? "—")</dd>
                <dt>\(Phrase.language, language)</dt><dd>\(customer.language.flatMap { Language(tag: $0) }?.name(language) ?? "—")</dd></dl>
                \(contacts.isEmpty ? "" : HTML("<h3 class=\"muted\">\(Phrase.identities, language)</h3><ul class=\"plain\">\(contacts)</ul>"))
                </section>
                <details class="card"\(HTML(trusted: (try? request.query.get(String.self, at: "edit")) != nil ? " open" : ""))><summary>\(Phrase.editDetails, language)</summary>
                <form method="post" action="/agent/customers/\(id)"><input type="hidden" name="_csrf" value="\(session.csrf)">
                <label for="c-name">\(Phrase.name, language)</label><input id="c-name" name="name" type="text" dir="auto" value="\(customer.name)" required>
                <label for="c-org">\(Phrase.organization, language)</label><input id="c-org" name="organization" type="text" dir="auto" value="\(customer.organization ?? "")">
                <label>\(Phrase.language, language) \(WorkspacePages.select("language", customer.language.flatMap { Language(tag: $0) }?.rawValue, any: language, Language.allCases.map { ($0.rawValue, $0.name(language)) }))</label>
                <label for="c-email">\(Phrase.addEmail, language)</label><input id="c-email" name="add_email" type="email" dir="ltr">
                <label for="c-phone">\(Phrase.addPhone, language)</label><input id="c-phone" name="add_phone" type="tel" dir="ltr">
                <button class="primary" type="submit">\(Phrase.save, language)</button></form></details></aside></div>
                """
            let notice: HTML =
                (try? request.query.get(String.self, at: "done")) == "saved"
                ? "<p class=\"notice\" role=\"status\">\(Phrase.changesSaved, language)</p>" : ""
            return Layout.page(session, title: customer.name, body: "\(notice)\(body)")
        }
    }

    /// The edit form: the same change as `PATCH /api/v1/customers/{id}`.
    @Sendable static func update(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            _ = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "customer")
            func field(_ name: String) -> String? { try? request.content.get(String.self, at: name) }
            let changes = try UpdateCustomerRequest(
                name: field("name") ?? "", organization: field("organization") ?? "", language: field("language") ?? "",
                addEmail: field("add_email"), addPhone: field("add_phone")
            ).validated()
            try await CustomersAPI.update(id, changes, request)
            return Layout.redirect("/agent/customers/\(id)?done=saved")
        }
    }

    @Sendable static func addNote(_ request: Request) async throws -> Response {
        try await WorkspacePages.page(request) { session in
            let principal = try session.requirePrincipal()
            try session.checkCSRF(request)
            let id = try request.pathID(resource: "customer")
            var validation = Validation()
            let body = validation.requiredBody(try? request.content.get(String.self, at: "body"), field: "body")
            try validation.check()
            let clock = request.raaya.clock
            _ = try await request.raaya.writer.write { database in
                let sql = try database.sqlDatabase()
                try await sql.requireRow(in: "customers", id: id, field: "customer", names: "customer")
                return try await CustomerService(sql: sql, now: clock.now())
                    .addNote(customerID: id, authorID: principal.userID, body: body)
            }
            return Layout.redirect("/agent/customers/\(id)")
        }
    }
}
