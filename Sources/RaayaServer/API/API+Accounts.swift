import Fluent
import Foundation
import RaayaCore
import Vapor

enum AccountsAPI {
    @Sendable static func login(_ request: Request) async throws -> Response {
        let input = try request.decodeJSON(LoginRequest.self)
        let (userID, token, expiresAt) = try await signIn(email: input.email, password: input.password, request: request)
        let dto = try await AccountQueries(database: request.db).user(userID)
        return try JSON.response(LoginResponse(token: token, expiresAt: expiresAt, user: dto))
    }

    /// Checks a password and issues a token (the API's sign-in and the sign-in page both come here).
    static func signIn(email rawEmail: String, password: String, request: Request) async throws
        -> (userID: Int, token: String, expiresAt: Date)
    {
        guard let email = Identity.normalizedEmail(rawEmail) else {
            throw DomainError.invalid("email", "is not a valid email address")
        }
        let user = try await User.query(on: request.db).filter(\.$email == email).first()
        // Hash work happens for unknown emails too, so timing does not tell which accounts exist.
        let hash = user?.passwordHash ?? unknownUserHash
        let matched = try await request.password.async.verify(password, created: hash)
        guard let user, let userID = user.id else { throw DomainError.unauthenticated("wrong email or password") }
        let clock = request.raaya.clock
        let outcome = try await request.raaya.writer.write { database in
            try await AccountService(database: database, now: clock.now()).signIn(userID: userID, passwordMatched: matched)
        }
        switch outcome {
        case .refused(let error):
            throw error
        case .signedIn(let token, let expiresAt):
            return (userID, token, expiresAt)
        }
    }

    /// A bcrypt hash of no one's password, checked against when the email is unknown.
    private static let unknownUserHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuM5ETkQ0p4ZB0ECJmSmwlqeR8g0lH3aS"

    @Sendable static func me(_ request: Request) async throws -> Response {
        try JSON.response(try await AccountQueries(database: request.db).user(try request.principal.userID))
    }

    @Sendable static func listUsers(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(Page(data: try await AccountQueries(database: request.db).users(), nextCursor: nil))
    }

    @Sendable static func createUser(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let new = try await newUser(try request.decodeJSON(CreateUserRequest.self), request)
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await AccountService(database: database, now: now).createUser(new)
        } render: { id in
            try JSON.response(try await AccountQueries(database: request.db).user(id))
        }
    }

    /// Validates a new staff member and hashes the password (the API and the admin page both come here).
    static func newUser(_ input: CreateUserRequest, _ request: Request) async throws -> NewUser {
        var validation = Validation()
        let email = validation.email(input.email, field: "email")
        if email == nil && input.email.trimmingWhitespace().isEmpty { validation.fail("email", "is required") }
        let name = validation.requiredText(input.name, field: "name", maxCharacters: Limits.nameCharacters)
        if input.password.count < Limits.passwordMinCharacters {
            validation.fail("password", "must be at least \(Limits.passwordMinCharacters) characters")
        }
        try validation.check()
        let hash = try await request.password.async.hash(input.password)
        return NewUser(email: email ?? "", name: name, passwordHash: hash, role: input.role, groupIDs: input.groupIDs ?? [])
    }

    @Sendable static func listGroups(_ request: Request) async throws -> Response {
        _ = try request.principal
        return try JSON.response(Page(data: try await AccountQueries(database: request.db).groups(), nextCursor: nil))
    }

    @Sendable static func createGroup(_ request: Request) async throws -> Response {
        let principal = try request.principal
        try principal.require(.admin)
        let (name, tier) = try request.decodeJSON(CreateGroupRequest.self).validated()
        return try await Idempotency.create(request, principal: principal) { database, now in
            try await AccountService(database: database, now: now).createGroup(name: name, tier: tier).requireID()
        } render: { id in
            try JSON.response(try await AccountQueries(database: request.db).group(id))
        }
    }
}

extension CreateGroupRequest {
    func validated() throws -> (name: String, tier: Int) {
        var validation = Validation()
        let name = validation.requiredText(name, field: "name", maxCharacters: Limits.nameCharacters)
        let tier = tier ?? 1
        if !Limits.tiers.contains(tier) { validation.fail("tier", "must be from 1 to 9") }
        try validation.check()
        return (name, tier)
    }
}
