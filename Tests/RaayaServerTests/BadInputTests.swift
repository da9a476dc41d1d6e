import Foundation
import Testing
import RaayaCore
@testable import RaayaServer

@Suite("Bad input gets a problem naming the field and writes nothing")
struct BadInputTests {
    /// Sends one bad ticket and checks the answer, then that no ticket and no customer was written.
    private func expectRefused(
        _ app: TestApp, token: String, raw: String? = nil, json: [String: Any]? = nil, status: Int, field: String?
    ) async throws {
        let response = try await app.send(.POST, "/api/v1/tickets", token: token, json: json, raw: raw)
        #expect(Int(response.status.code) == status, "\(response.text)")
        #expect(response.isProblem)
        #expect(response.object.int("status") == status)
        #expect(response.object.string("field") == field, "\(response.text)")
        #expect(!(response.object.string("detail") ?? "").isEmpty)
        let tickets = try await app.send(.GET, "/api/v1/tickets", token: token)
        #expect(tickets.items.isEmpty)
        let customers = try await app.send(.GET, "/api/v1/customers", token: token)
        #expect(customers.items.isEmpty)
    }

    private var valid: [String: Any] {
        ["subject": "مشكلة في الدفع", "body": "لم تتم عملية الدفع", "channel": "web", "customer": ["email": "sara@example.com"]]
    }

    @Test("malformed JSON is a 400")
    func malformed() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            try await expectRefused(app, token: token, raw: "{\"subject\": \"مرحبا\",", status: 400, field: nil)
        }
    }

    @Test("missing, wrongly typed and unknown values name their field")
    func fields() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            var body = valid
            body.removeValue(forKey: "subject")
            try await expectRefused(app, token: token, json: body, status: 422, field: "subject")
            body = valid
            body["subject"] = 42
            try await expectRefused(app, token: token, json: body, status: 400, field: "subject")
            body = valid
            body["channel"] = "pigeon"
            try await expectRefused(app, token: token, json: body, status: 422, field: "channel")
            body = valid
            body["priority"] = "عاجل"
            try await expectRefused(app, token: token, json: body, status: 422, field: "priority")
            body = valid
            body["customer"] = ["email": "سارة@"]
            try await expectRefused(app, token: token, json: body, status: 422, field: "customer.email")
            body = valid
            body["customer"] = ["name": "سارة"]
            try await expectRefused(app, token: token, json: body, status: 422, field: "customer")
            body = valid
            body["tags"] = ["ok", "two words"]
            try await expectRefused(app, token: token, json: body, status: 422, field: "tags[1]")
            body = valid
            body["group_id"] = 77
            try await expectRefused(app, token: token, json: body, status: 422, field: "group_id")
            body = valid
            body["customer"] = ["id": 99, "email": "new@example.com"]
            try await expectRefused(app, token: token, json: body, status: 422, field: "customer.id")
        }
    }

    @Test("subject over 250 characters and body over 256 KiB are refused")
    func sizes() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            var body = valid
            body["subject"] = String(repeating: "ع", count: 251)
            try await expectRefused(app, token: token, json: body, status: 422, field: "subject")
            body = valid
            body["body"] = String(repeating: "ب", count: 256 * 1024 / 2 + 1)
            try await expectRefused(app, token: token, json: body, status: 422, field: "body")
            body = valid
            body["subject"] = String(repeating: "ع", count: 250)
            body["body"] = String(repeating: "ب", count: 256 * 1024 / 2)
            let response = try await app.send(.POST, "/api/v1/tickets", token: token, json: body)
            #expect(response.status == .created)
        }
    }

    @Test("several wrong fields are all listed")
    func allListed() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let response = try await app.send(
                .POST, "/api/v1/tickets", token: token,
                json: ["subject": "", "body": " ", "channel": "chat", "customer": ["email": "x"]])
            #expect(response.status == .unprocessableEntity)
            let fields = (response.object["errors"] as? [[String: Any]] ?? []).compactMap { $0.string("field") }
            #expect(fields == ["subject", "body", "customer.email"])
        }
    }

    @Test("unknown ids are 404 problems, and so is a non-numeric id")
    func notFound() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            for path in ["/api/v1/tickets/999", "/api/v1/tickets/abc", "/api/v1/customers/999", "/api/v1/tickets/999/events"] {
                let response = try await app.send(.GET, path, token: token)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.isProblem)
            }
            let patch = try await app.send(.PATCH, "/api/v1/tickets/999", token: token, json: ["status": "open"])
            #expect(patch.status == .notFound)
        }
    }
}
