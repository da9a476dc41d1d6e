import Crypto
import Foundation
import RaayaCore
import SQLKit
import Vapor

/// Who is looking at a page, in which language, and the token that proves a form came from our own page.
///
/// Signing in on the page issues the same kind of token as the API's sign-in; the browser keeps it in an
/// HttpOnly, SameSite=Lax cookie (Secure when Raaya is served over https). Every form carries a CSRF token: the
/// HMAC of the session's token with the server's key, so it needs no storage and dies with the session.
struct WebSession: Sendable {
    static let cookie = "raaya_session"
    static let languageCookie = "raaya_lang"
    static let csrfField = "_csrf"

    let principal: Principal?
    let token: String?
    let language: Language
    let userName: String?
    /// The business's name, logo and colour, and the languages offered.
    let appearance: Appearance

    var csrf: String { token.map { Self.csrf(for: $0, key: keyForCSRF) } ?? "" }
    private let keyForCSRF: SymmetricKey

    static func load(_ request: Request) async throws -> WebSession {
        let token = request.cookies[cookie]?.string
        var principal: Principal?
        if let token, !token.isEmpty {
            principal = try? await BearerAuthenticator.principal(token: token, request: request)
        }
        var language = Language(tag: request.cookies[languageCookie]?.string)
        var name: String?
        if let principal,
            let row = try await request.db.sqlDatabase().raw(
                "SELECT name, language FROM users WHERE id = \(bind: principal.userID)"
            ).first()
        {
            name = try row.decode(column: "name", as: String.self)
            language = Language(tag: try row.decodeOptional(column: "language", as: String.self)) ?? language
        }
        let accepted = request.headers.first(name: .acceptLanguage).flatMap { header in
            header.split(separator: ",").lazy.compactMap { Language(tag: String($0.split(separator: ";")[0]).trimmingWhitespace()) }.first
        }
        let appearance = try await Appearance.load(on: request.db.sqlDatabase())
        return WebSession(
            principal: principal, token: principal == nil ? nil : token, language: appearance.languages.pick(language ?? accepted),
            userName: name, appearance: appearance, keyForCSRF: request.raaya.secretKey)
    }

    /// This session in `language` unless the visitor chose one: a page about a customer's own request speaks
    /// the customer's language.
    func defaulting(to language: Language?, _ request: Request) -> WebSession {
        guard let language, request.cookies[Self.languageCookie] == nil else { return self }
        return WebSession(
            principal: principal, token: token, language: appearance.languages.pick(language), userName: userName,
            appearance: appearance, keyForCSRF: keyForCSRF)
    }

    /// The signed-in staff member, or a redirect to the sign-in page.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw WebRedirect(to: "/sign-in") }
        return principal
    }

    /// The signed-in staff member if they have one of these roles; a redirect to sign in, or a refusal.
    func requireRole(_ roles: Role...) throws -> Principal {
        let principal = try requirePrincipal()
        guard roles.contains(principal.role) else { throw DomainError.forbidden("this page is for \(roles.map(\.rawValue).joined(separator: ", "))") }
        return principal
    }

    /// Refuses a form without this session's CSRF token.
    func checkCSRF(_ request: Request) throws {
        let given = (try? request.content.get(String.self, at: Self.csrfField)) ?? ""
        guard let token, ConstantTime.equal(given, Self.csrf(for: token, key: keyForCSRF)) else {
            throw Abort(.forbidden, reason: "csrf")
        }
    }

    // Forms shown before there is a session (signing in, the portal) carry a random value that is kept in a
    // cookie too: a site that posts to us can neither read nor set our cookie.

    /// The form value for this request: the cookie's, or a new one (`formTokenCookie` then keeps it).
    static func formToken(_ request: Request, cookie: String) -> String {
        request.cookies[cookie]?.string ?? AccountService.newToken()
    }

    static func checkFormToken(_ request: Request, cookie: String) throws {
        let given = (try? request.content.get(String.self, at: csrfField)) ?? ""
        guard let expected = request.cookies[cookie]?.string, !expected.isEmpty, ConstantTime.equal(given, expected) else {
            throw Abort(.forbidden, reason: "csrf")
        }
    }

    static func formTokenCookie(_ token: String, path: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, path: path, isSecure: request.raaya.configuration.publicURL.hasPrefix("https:"),
            isHTTPOnly: true, sameSite: .strict)
    }

    static func csrf(for token: String, key: SymmetricKey) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array("raaya-csrf:\(token)".utf8), using: key))
    }

    /// The cookie that keeps a session: HttpOnly, SameSite=Lax, Secure under https.
    static func sessionCookie(_ token: String, expires: Date, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: expires, path: "/", isSecure: request.raaya.configuration.publicURL.hasPrefix("https:"),
            isHTTPOnly: true, sameSite: .lax)
    }
}

/// Thrown by a page that needs a signed-in user; the pages answer it with a redirect.
struct WebRedirect: Error {
    let to: String
}
