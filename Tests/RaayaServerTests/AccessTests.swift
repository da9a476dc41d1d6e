import Foundation
import Testing
import Vapor
import RaayaCore
@testable import RaayaServer

/// Who sees which ticket, over every ticket route: anything not visible is a 404, never a leak.
@Suite("Access matrix")
struct AccessTests {
    struct World {
        let tokens: [String: String]
        /// Ticket id by where it lives: "A", "B", "none", "B→agentA" (group B, assigned to agent A).
        let tickets: [String: Int]
    }

    private func makeWorld(_ app: TestApp) async throws -> World {
        let admin = try await app.token()
        let groupA = try await app.createGroup(token: admin, name: "المجموعة أ")
        let groupB = try await app.createGroup(token: admin, name: "المجموعة ب")
        let agentA = try await app.createUser(email: "a@example.com", name: "وكيل أ", role: .agent, groups: [groupA])
        try await app.createUser(email: "b@example.com", name: "وكيل ب", role: .agent, groups: [groupB])
        try await app.createUser(email: "s@example.com", name: "مشرف", role: .supervisor)
        try await app.createUser(email: "n@example.com", name: "بلا مجموعة", role: .agent)
        var tickets: [String: Int] = [:]
        tickets["A"] = try await app.createTicket(token: admin, subject: "تذكرة أ", customerEmail: "1@example.com", groupID: groupA).int("id")
        tickets["B"] = try await app.createTicket(token: admin, subject: "تذكرة ب", customerEmail: "2@example.com", groupID: groupB).int("id")
        tickets["none"] = try await app.createTicket(token: admin, subject: "تذكرة عامة", customerEmail: "3@example.com").int("id")
        tickets["B→agentA"] = try await app.createTicket(
            token: admin, subject: "تذكرة ب مسندة", customerEmail: "4@example.com", groupID: groupB, assigneeID: agentA
        ).int("id")
        var tokens = ["admin": admin]
        for (role, email) in [("agentA", "a@example.com"), ("agentB", "b@example.com"), ("supervisor", "s@example.com"), ("loner", "n@example.com")] {
            tokens[role] = try await app.token(email, password: "secret-password")
        }
        return World(tokens: tokens, tickets: tickets)
    }

    /// Which tickets each role may see.
    private let expected: [String: Set<String>] = [
        "admin": ["A", "B", "none", "B→agentA"],
        "supervisor": ["A", "B", "none", "B→agentA"],
        "agentA": ["A", "none", "B→agentA"],
        "agentB": ["B", "none", "B→agentA"],
        "loner": ["none"],
    ]

    @Test("every ticket route answers 404 for tickets outside the caller's view")
    func matrix() async throws {
        try await TestApp.run { app in
            let world = try await makeWorld(app)
            for (role, visible) in expected {
                let token = try #require(world.tokens[role])
                for (place, id) in world.tickets {
                    let sees = visible.contains(place)
                    let want: HTTPStatus = sees ? .ok : .notFound
                    let reads = ["/api/v1/tickets/\(id)", "/api/v1/tickets/\(id)/messages", "/api/v1/tickets/\(id)/events"]
                    for path in reads {
                        let response = try await app.send(.GET, path, token: token)
                        #expect(response.status == want, "\(role) GET \(path) [\(place)]")
                    }
                    let patch = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["priority": "high"])
                    #expect(patch.status == want, "\(role) PATCH [\(place)]")
                    let message = try await app.send(
                        .POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "ملاحظة", "internal": true])
                    #expect(message.status == (sees ? .created : .notFound), "\(role) POST message [\(place)]")
                }
                let list = try await app.send(.GET, "/api/v1/tickets?limit=100", token: token)
                let listed = Set(list.items.compactMap { $0.int("id") })
                #expect(listed == Set(visible.compactMap { world.tickets[$0] }), "\(role) list")
                let found = try await app.send(.GET, "/api/v1/search?q=%D8%AA%D8%B0%D9%83%D8%B1%D8%A9", token: token)  // تذكرة
                let foundIDs = Set((found.object["tickets"] as? [[String: Any]] ?? []).compactMap { $0.int("id") })
                #expect(foundIDs == Set(visible.compactMap { world.tickets[$0] }), "\(role) search")
            }
        }
    }

    @Test("merging needs both tickets in view; a hidden target is not revealed")
    func mergeAccess() async throws {
        try await TestApp.run { app in
            let world = try await makeWorld(app)
            let agentB = try #require(world.tokens["agentB"])
            let hiddenSource = try await app.send(
                .POST, "/api/v1/tickets/\(world.tickets["A"]!)/merge", token: agentB, json: ["into": world.tickets["B"]!])
            #expect(hiddenSource.status == .notFound)
            let hiddenTarget = try await app.send(
                .POST, "/api/v1/tickets/\(world.tickets["B"]!)/merge", token: agentB, json: ["into": world.tickets["A"]!])
            #expect(hiddenTarget.status == .unprocessableEntity)
            let missingTarget = try await app.send(
                .POST, "/api/v1/tickets/\(world.tickets["B"]!)/merge", token: agentB, json: ["into": 9999])
            #expect(hiddenTarget.object.string("detail") == missingTarget.object.string("detail"))
        }
    }

    @Test("a customer's page lists only the tickets the caller may see")
    func customerTickets() async throws {
        try await TestApp.run { app in
            let world = try await makeWorld(app)
            let admin = try #require(world.tokens["admin"])
            let ticket = try await app.send(.GET, "/api/v1/tickets/\(world.tickets["B"]!)", token: admin)
            let customerID = try #require((ticket.object["customer"] as? [String: Any])?.int("id"))
            let agentA = try #require(world.tokens["agentA"])
            let asA = try await app.send(.GET, "/api/v1/customers/\(customerID)", token: agentA)
            #expect(asA.status == .ok)
            #expect((asA.object["tickets"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("every route but sign-in, health and the API description needs a token (webhooks: a signature)")
    func everyRouteNeedsAToken() async throws {
        try await TestApp.run { app in
            // The chat widget, its sample page and the visitor's socket are for anyone's visitors (the socket
            // checks the visitor's signed token itself; ChatTests covers it).
            let open = [
                "POST /api/v1/auth/login", "GET /healthz", "GET /openapi.json", "GET /chat/widget.js", "GET /chat/demo",
                "GET /chat/ws",
                // The logo: the sign-in page and the portal show it to anyone.
                "GET /branding/logo",
            ]
            // Meta's handshake proves itself with the source's verify token; without it, 403 as Meta expects.
            let handshake = "GET /api/v1/channels/social/:source"
            // Pages anyone may open: signing in, the language, the workspace's script.
            let openPages = [
                "GET /", "GET /sign-in", "POST /sign-in", "GET /language", "POST /language", "GET /assets/workspace.js",
                // The portal's front door: anyone may submit a request or ask for a sign-in link.
                "GET /help", "POST /help/requests", "GET /help/sign-in", "POST /help/sign-in", "GET /help/session",
                // The help center is public; only published articles show there. "This solved it" is checked by
                // its signed link instead of a session (HelpCenterTests).
                "GET /help/kb", "GET /help/kb/:id", "POST /help/kb/:id/vote", "GET /help/solved/:token", "POST /help/solved/:token",
                // A survey is answered through its signed link (SurveyTests).
                "GET /help/survey/:token", "POST /help/survey/:token",
            ]
            for route in app.app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return "1" }
                    return component.description
                }.joined(separator: "/")
                let name = "\(route.method.rawValue) \("/" + route.path.map(\.description).joined(separator: "/"))"
                if open.contains(name) { continue }
                if route.userInfo[PageRoutes.marker] != nil {
                    if openPages.contains(name) { continue }
                    // Without a session a page sends the reader to sign in; a form without one is refused.
                    let response = try await app.send(route.method, path)
                    let location = response.headers.first(name: .location)
                    let signIn = path.hasPrefix("/help") ? "/help/sign-in" : "/sign-in"
                    #expect(
                        (response.status == .seeOther && location == signIn) || response.status == .forbidden,
                        "\(name) answered \(response.status) \(location ?? "")")
                    continue
                }
                let response = try await app.send(route.method, path, json: [:])
                #expect(response.status == (name == handshake ? .forbidden : .unauthorized), "\(name) answered \(response.status)")
            }
        }
    }
}
