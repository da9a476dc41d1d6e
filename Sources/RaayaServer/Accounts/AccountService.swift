import Crypto
import Fluent
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// A new staff member, validated, with the password already hashed.
struct NewUser: Sendable {
    var email: String
    var name: String
    var passwordHash: String
    var role: Role
    var groupIDs: [Int]
}

/// Staff accounts, groups, sign-in and API tokens.
struct AccountService {
    static let failuresBeforeLock = 5
    static let lockDuration: TimeInterval = 5 * 60
    static let tokenLifetime: TimeInterval = 30 * 24 * 3600

    let database: any Database
    let now: Date

    func createUser(_ new: NewUser) async throws -> Int {
        if let existing = try await User.query(on: database).filter(\.$email == new.email).first() {
            throw DomainError.duplicate(resource: "user", field: "email", existingID: try existing.requireID())
        }
        for (index, groupID) in new.groupIDs.enumerated() where try await Group.find(groupID, on: database) == nil {
            throw DomainError.invalid("group_ids[\(index)]", "names no group")
        }
        let user = User(email: new.email, name: new.name, role: new.role, passwordHash: new.passwordHash, createdAt: now)
        try await user.create(on: database)
        let id = try user.requireID()
        for groupID in Set(new.groupIDs) {
            try await UserGroup(userID: id, groupID: groupID).create(on: database)
        }
        return id
    }

    func createGroup(name: String, tier: Int) async throws -> Group {
        if let existing = try await Group.query(on: database).filter(\.$name == name).first() {
            throw DomainError.duplicate(resource: "group", field: "name", existingID: try existing.requireID())
        }
        let group = Group(name: name, tier: tier, createdAt: now)
        try await group.create(on: database)
        return group
    }

    /// Changes a staff member's name, role or groups (nil leaves one as it is). The last admin cannot stop
    /// being one: somebody must be able to administer Raaya.
    func updateUser(_ id: Int, name: String?, role: Role?, groupIDs: [Int]?) async throws {
        guard let user = try await User.find(id, on: database) else { throw DomainError.notFound(resource: "user") }
        if let role, role != .admin, user.role == .admin {
            let admins = try await User.query(on: database).filter(\.$role == .admin).count()
            if admins <= 1 { throw DomainError.conflict("this is the only admin; make someone else admin first") }
        }
        if let name { user.name = name }
        if let role { user.role = role }
        try await user.update(on: database)
        if let groupIDs {
            for (index, groupID) in groupIDs.enumerated() where try await Group.find(groupID, on: database) == nil {
                throw DomainError.invalid("group_ids[\(index)]", "names no group")
            }
            try await UserGroup.query(on: database).filter(\.$user.$id == id).delete()
            for groupID in Set(groupIDs) {
                try await UserGroup(userID: id, groupID: groupID).create(on: database)
            }
        }
    }

    func updateGroup(_ id: Int, name: String?, tier: Int?) async throws {
        guard let group = try await Group.find(id, on: database) else { throw DomainError.notFound(resource: "group") }
        if let name, name != group.name, let existing = try await Group.query(on: database).filter(\.$name == name).first() {
            throw DomainError.duplicate(resource: "group", field: "name", existingID: try existing.requireID())
        }
        if let name { group.name = name }
        if let tier { group.tier = tier }
        try await group.update(on: database)
    }

    enum SignIn: Sendable {
        case signedIn(token: String, expiresAt: Date)
        case refused(DomainError)
    }

    /// Records a sign-in attempt whose password was already checked, and returns a new token when it succeeded.
    ///
    /// A refusal is returned, not thrown, so that the failure count it records is committed. After
    /// `failuresBeforeLock` failures in a row the account is locked for `lockDuration`, whatever password comes next.
    func signIn(userID: Int, passwordMatched: Bool) async throws -> SignIn {
        guard let user = try await User.find(userID, on: database) else {
            return .refused(.unauthenticated("wrong email or password"))
        }
        if let lockedUntil = user.lockedUntil, lockedUntil > now {
            return .refused(.tooManyAttempts(retryAfterSeconds: Int(lockedUntil.timeIntervalSince(now).rounded(.up))))
        }
        guard passwordMatched else {
            user.failedSignIns += 1
            if user.failedSignIns >= Self.failuresBeforeLock {
                user.failedSignIns = 0
                user.lockedUntil = now.addingTimeInterval(Self.lockDuration)
            }
            try await user.update(on: database)
            return .refused(.unauthenticated("wrong email or password"))
        }
        if user.failedSignIns != 0 || user.lockedUntil != nil {
            user.failedSignIns = 0
            user.lockedUntil = nil
            try await user.update(on: database)
        }
        let token = Self.newToken()
        let expiresAt = now.addingTimeInterval(Self.tokenLifetime)
        try await APIToken(tokenHash: Self.hash(token), userID: userID, createdAt: now, expiresAt: expiresAt)
            .create(on: database)
        return .signedIn(token: token, expiresAt: expiresAt)
    }

    /// 32 random bytes, URL-safe base64.
    static func newToken() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}

/// Reads of accounts; anyone signed in may read them.
struct AccountQueries {
    let database: any Database

    func user(_ id: Int) async throws -> UserDTO {
        guard let user = try await User.query(on: database).filter(\.$id == id).with(\.$groups).first() else {
            throw DomainError.notFound(resource: "user")
        }
        return try UserDTO(user)
    }

    func users() async throws -> [UserDTO] {
        try await User.query(on: database).with(\.$groups).sort(\.$id).all().map(UserDTO.init)
    }

    func group(_ id: Int) async throws -> GroupDTO {
        guard let group = try await Group.find(id, on: database) else { throw DomainError.notFound(resource: "group") }
        return try GroupDTO(group)
    }

    func groups() async throws -> [GroupDTO] {
        try await Group.query(on: database).sort(\.$tier).sort(\.$name).all().map(GroupDTO.init)
    }

    /// The staff member a token (by its hash) belongs to and when the token expires, if it is known and not
    /// expired. Runs for most API requests, so it reads plain rows.
    func principal(forTokenHash hash: String, at now: Date) async throws -> (Principal, expiresAt: Date)? {
        let sql = try database.sqlDatabase()
        guard
            let row = try await sql.raw("""
                SELECT u.id, u.role, t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id \
                WHERE t.token_hash = \(bind: hash) AND t.expires_at > \(bind: now)
                """).first()
        else { return nil }
        let userID = try row.decode(column: "id", as: Int.self)
        let groups = try await sql.raw("SELECT group_id FROM user_groups WHERE user_id = \(bind: userID)").all()
        let principal = Principal(
            userID: userID, role: try row.decodeRaw(column: "role", as: Role.self),
            groupIDs: Set(try groups.map { try $0.decode(column: "group_id", as: Int.self) }))
        return (principal, try row.decode(column: "expires_at", as: Date.self))
    }
}

extension UserDTO {
    /// Needs the user's groups loaded.
    init(_ user: User) throws {
        self.init(
            id: try user.requireID(), email: user.email, name: user.name, role: user.role,
            groupIDs: try user.groups.map { try $0.requireID() }.sorted())
    }
}

extension GroupDTO {
    init(_ group: Group) throws {
        self.init(id: try group.requireID(), name: group.name, tier: group.tier)
    }
}

/// Finds the staff member of `Authorization: Bearer …`; a request without a valid token gets a 401 problem.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = request.headers.bearerAuthorization?.token, !token.isEmpty else {
            throw DomainError.unauthenticated("send Authorization: Bearer <token> from POST /api/v1/auth/login")
        }
        request.auth.login(try await Self.principal(token: token, request: request))
        return try await next.respond(to: request)
    }

    /// The staff member a bearer token belongs to (also for websockets, whose browsers cannot send the header).
    static func principal(token: String, request: Request) async throws -> Principal {
        let hash = AccountService.hash(token)
        let now = request.raaya.clock.now()
        let cache = request.raaya.principals
        if let principal = await cache.principal(forTokenHash: hash, at: now) { return principal }
        guard let (principal, expiresAt) = try await AccountQueries(database: request.db).principal(forTokenHash: hash, at: now)
        else { throw DomainError.unauthenticated("the token is unknown or has expired") }
        await cache.remember(principal, tokenHash: hash, tokenExpiresAt: expiresAt, at: now)
        return principal
    }
}
