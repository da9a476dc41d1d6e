import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting
import RaayaCore
@testable import RaayaServer

/// A running Raaya on its own database, and a client that talks to its API as a real client would.
struct TestApp {
    let app: Application
    let clock: TestClock

    /// Runs `body` against a fresh, migrated Raaya with one admin (`admin@example.com` / `admin-password`), its
    /// settings changed by `configure` first.
    static func run(
        configure: (inout Configuration) -> Void = { _ in }, _ body: (TestApp) async throws -> Void
    ) async throws {
        let database = try await TestDatabase.make()
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let clock = TestClock()
        do {
            var configuration = Configuration(
                database: database.location, dataDirectory: database.directory, secretKey: String(repeating: "k", count: 32),
                publicURL: "http://127.0.0.1:8080", hostname: "127.0.0.1", port: 8080, bcryptCost: 4)
            configure(&configuration)
            try await RaayaApp.configure(app, configuration, clock: clock)
            try await app.autoMigrate()
            let testApp = TestApp(app: app, clock: clock)
            _ = try await testApp.createUser(email: "admin@example.com", name: "مدير Admin", role: .admin, password: "admin-password")
            try await body(testApp)
        } catch {
            await stopServing(app)
            try? await app.asyncShutdown()
            await database.drop()
            throw error
        }
        await stopServing(app)
        try await app.asyncShutdown()
        await database.drop()
    }

    /// Stops the HTTP server `serve()` started, if it did.
    private static func stopServing(_ app: Application) async {
        if app.http.server.shared.localAddress != nil { await app.server.shutdown() }
    }

    /// Creates a staff account directly (the API path is tested on its own).
    @discardableResult
    func createUser(email: String, name: String, role: Role, password: String = "secret-password", groups: [Int] = [])
        async throws -> Int
    {
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        let clock = self.clock
        return try await app.raaya.writer.write { database in
            try await AccountService(database: database, now: clock.now())
                .createUser(NewUser(email: email, name: name, passwordHash: hash, role: role, groupIDs: groups))
        }
    }

    /// Signs in through the API and returns the bearer token.
    func token(_ email: String = "admin@example.com", password: String = "admin-password") async throws -> String {
        let response = try await send(.POST, "/api/v1/auth/login", json: ["email": email, "password": password])
        #expect(response.status == .ok, "sign-in of \(email) failed: \(response.text)")
        return try #require(response.object["token"] as? String)
    }

    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> TestResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        var body = ByteBuffer()
        if let json {
            headers.contentType = .json
            body.writeBytes(try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            headers.contentType = .json
            body.writeString(raw)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        return TestResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }

    /// Creates a ticket through the API; returns its JSON.
    @discardableResult
    func createTicket(
        token: String, subject: String = "استفسار عن الفاتورة", body: String = "أين فاتورتي؟ Where is my invoice?",
        channel: String = "email", customerEmail: String = "noura@example.com", groupID: Int? = nil,
        assigneeID: Int? = nil, tags: [String]? = nil
    ) async throws -> [String: Any] {
        var json: [String: Any] = [
            "subject": subject, "body": body, "channel": channel,
            "customer": ["email": customerEmail, "name": "نورة"],
        ]
        if let groupID { json["group_id"] = groupID }
        if let assigneeID { json["assignee_id"] = assigneeID }
        if let tags { json["tags"] = tags }
        let response = try await send(.POST, "/api/v1/tickets", token: token, json: json)
        #expect(response.status == .created, "create failed: \(response.text)")
        return response.object
    }

    /// Creates a group through the API; returns its id.
    func createGroup(token: String, name: String, tier: Int = 1) async throws -> Int {
        let response = try await send(.POST, "/api/v1/groups", token: token, json: ["name": name, "tier": tier])
        #expect(response.status == .created, "group create failed: \(response.text)")
        return try #require(response.object["id"] as? Int)
    }
}

struct TestResponse {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    /// The `data` array of a list answer.
    var items: [[String: Any]] { object["data"] as? [[String: Any]] ?? [] }
    var isProblem: Bool { headers.first(name: .contentType)?.hasPrefix("application/problem+json") ?? false }
}

extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) -> Int? { self[key] as? Int }
    func string(_ key: String) -> String? { self[key] as? String }
}
