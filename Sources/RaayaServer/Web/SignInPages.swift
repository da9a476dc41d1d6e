import Foundation
import RaayaCore
import Vapor

/// Signing in and out, and choosing the pages' language.
enum SignInPages {
    /// The sign-in form has no session yet: its CSRF value is a form token (`WebSession.formToken`).
    static let preCSRFCookie = "raaya_signin"

    @Sendable static func form(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        if session.principal != nil { return Layout.redirect("/agent") }
        return try render(session, error: nil, email: "", request: request)
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let email = (try? request.content.get(String.self, at: "email")) ?? ""
        let password = (try? request.content.get(String.self, at: "password")) ?? ""
        guard (try? WebSession.checkFormToken(request, cookie: preCSRFCookie)) != nil else {
            return try render(session, error: .csrfFailed, email: email, request: request, status: .forbidden)
        }
        do {
            let signedIn = try await AccountsAPI.signIn(email: email, password: password, request: request)
            let response = Layout.redirect("/agent")
            response.cookies[WebSession.cookie] = WebSession.sessionCookie(
                signedIn.token, expires: signedIn.expiresAt, request: request)
            response.cookies[preCSRFCookie] = .expired
            return response
        } catch let error as DomainError {
            if case .tooManyAttempts = error {
                return try render(session, error: .lockedOut, email: email, request: request, status: .tooManyRequests)
            }
            return try render(session, error: .wrongPassword, email: email, request: request, status: .unauthorized)
        }
    }

    @Sendable static func signOut(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        if let token = session.token {
            try session.checkCSRF(request)
            let hash = AccountService.hash(token)
            try await request.raaya.writer.write { database in
                try await database.sqlDatabase().raw("DELETE FROM api_tokens WHERE token_hash = \(bind: hash)").run()
            }
            await request.raaya.principals.forget(tokenHash: hash)
        }
        let response = Layout.redirect("/sign-in")
        response.cookies[WebSession.cookie] = .expired
        return response
    }

    /// Signed in: a form (CSRF-checked) that also remembers the choice on the account. Signed out: a link that
    /// only sets a cookie.
    @Sendable static func chooseLanguage(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let wanted = (try? request.content.get(String.self, at: "to")) ?? (try? request.query.get(String.self, at: "to"))
        guard let language = Language(tag: wanted) else { throw Abort(.badRequest) }
        if request.method == .POST, let principal = session.principal {
            try session.checkCSRF(request)
            let userID = principal.userID
            try await request.raaya.writer.write { database in
                try await database.sqlDatabase().raw(
                    "UPDATE users SET language = \(bind: language.rawValue) WHERE id = \(bind: userID)"
                ).run()
            }
        }
        let back = request.headers.first(name: .referer).flatMap { URL(string: $0)?.path } ?? "/"
        let response = Layout.redirect(back.hasPrefix("/") && !back.hasPrefix("//") ? back : "/")
        response.cookies[WebSession.languageCookie] = HTTPCookies.Value(
            string: language.rawValue, expires: Date().addingTimeInterval(365 * 86_400), path: "/", isHTTPOnly: true,
            sameSite: .lax)
        return response
    }

    private static func render(
        _ session: WebSession, error: Phrase?, email: String, request: Request, status: HTTPStatus = .ok
    ) throws -> Response {
        let language = session.language
        let csrf = WebSession.formToken(request, cookie: preCSRFCookie)
        let body: HTML = """
            <section class="card signin"><h1>\(Phrase.signInTitle, language)</h1>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0, language)</p>") } ?? "")
            <form method="post" action="/sign-in">
            <input type="hidden" name="_csrf" value="\(csrf)">
            <label for="email">\(Phrase.email, language)</label>
            <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required value="\(email)">
            <label for="password">\(Phrase.password, language)</label>
            <input id="password" name="password" type="password" dir="ltr" autocomplete="current-password" required>
            <button class="primary" type="submit">\(Phrase.signIn, language)</button>
            </form></section>
            """
        let response = Layout.page(session, title: Phrase.signIn.text(language), body: body, status: status)
        response.cookies[preCSRFCookie] = WebSession.formTokenCookie(csrf, path: "/sign-in", request: request)
        return response
    }
}
