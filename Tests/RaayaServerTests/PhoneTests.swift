import Crypto
import Foundation
import NIOCore
import Testing
import Vapor
@testable import RaayaServer

@Suite("Phone: signed call records from telephony, calls logged by agents")
struct PhoneTests {
    static let secret = "pbx-secret-٢٠٢٦-long-enough"

    /// Posts a call record the way a telephony system would, signed with `secret` unless `signature` is given.
    static func postCall(_ app: TestApp, _ json: [String: Any], secret: String = secret, signature: String? = nil)
        async throws -> TestResponse
    {
        try await app.sendSigned("/api/v1/channels/phone/calls", json, secret: secret, signature: signature)
    }

    static func addSource(_ app: TestApp, token: String, groupID: Int? = nil) async throws {
        var json: [String: Any] = ["kind": "phone", "name": "phone", "secret": secret]
        if let groupID { json["group_id"] = groupID }
        let created = try await app.send(.POST, "/api/v1/channels/sources", token: token, json: json)
        #expect(created.status == .created, "\(created.text)")
    }

    @Test("a signed call opens a phone ticket for the customer with that number, Arabic-Indic digits or not")
    func signedCallOpensTicket() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let group = try await app.createGroup(token: admin, name: "مركز الاتصال Call center")
            try await Self.addSource(app, token: admin, groupID: group)
            let existing = try await app.send(
                .POST, "/api/v1/customers", token: admin, json: ["name": "فهد الشمري", "phone": "+966501234567"])
            let customerID = try #require(existing.object.int("id"))

            let answer = try await Self.postCall(
                app,
                ["direction": "inbound", "number": "+٩٦٦٥٠١٢٣٤٥٦٧", "duration_seconds": 200, "outcome": "answered",
                 "notes": "سأل عن موعد التوصيل"])
            #expect(answer.status == .accepted, "\(answer.text)")
            let ticketID = try #require(answer.object.int("ticket_id"))
            let ticket = try await app.send(.GET, "/api/v1/tickets/\(ticketID)", token: admin).object
            #expect(ticket.string("channel") == "phone")
            #expect((ticket["customer"] as? [String: Any])?.int("id") == customerID)
            #expect((ticket["group"] as? [String: Any])?.int("id") == group)
            let messages = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/messages", token: admin).items
            #expect(messages.count == 1)
            #expect(messages.first?.string("body")?.contains("3:20") == true)
            let events = try await app.send(.GET, "/api/v1/tickets/\(ticketID)/events", token: admin).items
            let call = try #require(events.first { $0.string("kind") == "call_logged" })
            #expect((call["data"] as? [String: Any])?.string("duration_seconds") == "200")
            #expect((call["data"] as? [String: Any])?.string("number") == "+966501234567")

            // A call from a number nobody has makes a new customer.
            let stranger = try await Self.postCall(
                app, ["direction": "inbound", "number": "0501112222", "duration_seconds": 0, "outcome": "missed"])
            #expect(stranger.status == .accepted)
            #expect(try await app.send(.GET, "/api/v1/customers", token: admin).items.count == 2)
        }
    }

    @Test("unsigned, wrongly signed or unknown-source requests get 401 and store nothing; bad fields name themselves")
    func signatureChecked() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let call: [String: Any] = ["direction": "inbound", "number": "+966501234567", "duration_seconds": 5, "outcome": "answered"]
            #expect(try await Self.postCall(app, call).status == .unauthorized)  // no source yet
            try await Self.addSource(app, token: admin)
            #expect(try await Self.postCall(app, call, secret: "another-secret-of-16+").status == .unauthorized)
            #expect(try await Self.postCall(app, call, signature: "sha256=zz").status == .unauthorized)
            #expect(try await Self.postCall(app, call, signature: "").status == .unauthorized)
            #expect(try await app.send(.GET, "/api/v1/tickets", token: admin).items.isEmpty)

            var bad = call
            bad["number"] = "هاتف"
            bad["duration_seconds"] = -1
            let refused = try await Self.postCall(app, bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("number") && refused.text.contains("duration_seconds"))
            #expect(try await app.send(.GET, "/api/v1/tickets", token: admin).items.isEmpty)

            let listed = try await app.send(.GET, "/api/v1/channels/sources", token: admin)
            #expect(listed.items.map { $0.string("name") } == ["phone"])
            #expect(!listed.text.contains(Self.secret))
        }
    }

    @Test("an agent logs a call on a ticket they see; the number defaults to the customer's; never mailed")
    func agentLogsCall() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let ticket = try await app.createTicket(token: admin)
            let id = try #require(ticket.int("id"))
            let logged = try await app.send(
                .POST, "/api/v1/tickets/\(id)/calls", token: admin,
                json: ["direction": "outbound", "number": "+966500000000", "duration_seconds": 75, "outcome": "answered", "notes": "اتصلت بالعميلة"])
            #expect(logged.status == .created, "\(logged.text)")
            let messages = try await app.send(.GET, "/api/v1/tickets/\(id)/messages", token: admin).items
            let note = try #require(messages.last)
            #expect(note["internal"] as? Bool == true)
            #expect(note.string("channel") == "phone")
            #expect(note.string("author") == "agent")
            #expect(note.string("body")?.hasPrefix("📞 مكالمة صادرة") == true)
            let outbox = try await app.app.db.sqlDatabase().raw("SELECT COUNT(*) AS n FROM outbox").first()?
                .decode(column: "n", as: Int.self)
            #expect(outbox == 0)

            // Without a number and without a customer phone there is nothing to log.
            let noNumber = try await app.send(
                .POST, "/api/v1/tickets/\(id)/calls", token: admin, json: ["direction": "inbound", "duration_seconds": 5, "outcome": "answered"])
            #expect(noNumber.status == .unprocessableEntity)

            try await app.createUser(email: "agent@example.com", name: "وكيل", role: .agent)
            let agent = try await app.token("agent@example.com", password: "secret-password")
            let group = try await app.createGroup(token: admin, name: "المتخصصون")
            let hidden = try await app.createTicket(token: admin, customerEmail: "x@example.com", groupID: group)
            let hiddenID = try #require(hidden.int("id"))
            #expect(try await app.send(
                .POST, "/api/v1/tickets/\(hiddenID)/calls", token: agent,
                json: ["direction": "inbound", "number": "+966500000000", "duration_seconds": 5, "outcome": "answered"]
            ).status == .notFound)
        }
    }
}
