import Foundation
import Testing
import RaayaCore
@testable import RaayaServer

@Suite("Sign-in and accounts")
struct AuthTests {
    @Test("signing in returns a token that opens the API as that user")
    func signIn() async throws {
        try await TestApp.run { app in
            let login = try await app.send(
                .POST, "/api/v1/auth/login", json: ["email": "ADMIN@example.com", "password": "admin-password"])
            #expect(login.status == .ok)
            let user = try #require(login.object["user"] as? [String: Any])
            #expect(user.string("role") == "admin")
            #expect(user.string("name") == "مدير Admin")
            let token = try #require(login.object.string("token"))
            let me = try await app.send(.GET, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            #expect(me.object.string("email") == "admin@example.com")
        }
    }

    @Test("wrong password and unknown email are the same 401")
    func wrongCredentials() async throws {
        try await TestApp.run { app in
            let wrong = try await app.send(.POST, "/api/v1/auth/login", json: ["email": "admin@example.com", "password": "nope-nope"])
            let unknown = try await app.send(.POST, "/api/v1/auth/login", json: ["email": "who@example.com", "password": "nope-nope"])
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.isProblem)
            #expect(wrong.object.string("detail") == unknown.object.string("detail"))
        }
    }

    @Test("five failures lock the account for five minutes, even for the right password")
    func lockout() async throws {
        try await TestApp.run { app in
            for _ in 0..<5 {
                let response = try await app.send(
                    .POST, "/api/v1/auth/login", json: ["email": "admin@example.com", "password": "guess-guess"])
                #expect(response.status == .unauthorized)
            }
            let locked = try await app.send(
                .POST, "/api/v1/auth/login", json: ["email": "admin@example.com", "password": "admin-password"])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers.first(name: .retryAfter) == "300")
            app.clock.advance(by: 301)
            let after = try await app.send(
                .POST, "/api/v1/auth/login", json: ["email": "admin@example.com", "password": "admin-password"])
            #expect(after.status == .ok)
        }
    }

    @Test("the API refuses requests without a valid token")
    func bearerRequired() async throws {
        try await TestApp.run { app in
            let none = try await app.send(.GET, "/api/v1/tickets")
            #expect(none.status == .unauthorized)
            #expect(none.headers.first(name: .wwwAuthenticate) == "Bearer")
            let bogus = try await app.send(.GET, "/api/v1/tickets", token: "not-a-token")
            #expect(bogus.status == .unauthorized)
            let token = try await app.token()
            app.clock.advance(by: AccountService.tokenLifetime + 1)
            let expired = try await app.send(.GET, "/api/v1/me", token: token)
            #expect(expired.status == .unauthorized)
        }
    }

    @Test("admins create users in groups; the new user signs in; agents may not create users")
    func users() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let group = try await app.createGroup(token: admin, name: "الدعم الفني", tier: 2)
            let created = try await app.send(
                .POST, "/api/v1/users", token: admin,
                json: ["email": "Omar@Example.com", "name": "عمر", "password": "omar-password", "role": "agent", "group_ids": [group]])
            #expect(created.status == .created)
            #expect(created.object["group_ids"] as? [Int] == [group])
            let duplicate = try await app.send(
                .POST, "/api/v1/users", token: admin,
                json: ["email": "omar@example.com", "name": "عمر ٢", "password": "omar-password", "role": "agent"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.object.int("existing_id") == created.object.int("id"))
            let omar = try await app.token("omar@example.com", password: "omar-password")
            let forbidden = try await app.send(
                .POST, "/api/v1/users", token: omar,
                json: ["email": "x@example.com", "name": "س", "password": "password-x", "role": "admin"])
            #expect(forbidden.status == .forbidden)
            let groupByAgent = try await app.send(.POST, "/api/v1/groups", token: omar, json: ["name": "مجموعة"])
            #expect(groupByAgent.status == .forbidden)
            let users = try await app.send(.GET, "/api/v1/users", token: omar)
            #expect(users.items.count == 2)
            let groups = try await app.send(.GET, "/api/v1/groups", token: omar)
            #expect(groups.items.first?.string("name") == "الدعم الفني")
            #expect(groups.items.first?.int("tier") == 2)
        }
    }

    @Test("bad user input names the field and writes nothing")
    func badUserInput() async throws {
        try await TestApp.run { app in
            let admin = try await app.token()
            let response = try await app.send(
                .POST, "/api/v1/users", token: admin,
                json: ["email": "ليس-بريدا", "name": "", "password": "short", "role": "agent"])
            #expect(response.status == .unprocessableEntity)
            let fields = (response.object["errors"] as? [[String: Any]] ?? []).compactMap { $0.string("field") }
            #expect(fields == ["email", "name", "password"])
            let role = try await app.send(
                .POST, "/api/v1/users", token: admin,
                json: ["email": "a@example.com", "name": "أ", "password": "long-enough", "role": "superhero"])
            #expect(role.status == .unprocessableEntity)
            #expect(role.object.string("field") == "role")
            let users = try await app.send(.GET, "/api/v1/users", token: admin)
            #expect(users.items.count == 1)
        }
    }
}
