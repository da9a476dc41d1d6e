import Fluent
import Foundation
import Logging
import NIOCore
import NIOPosix
import RaayaCore
import Vapor

/// What the `raaya` commands do, on a configured application. The executable only parses the command line.
public struct RaayaRuntime: Sendable {
    public let configuration: Configuration
    /// Internal, not private: operator tools in other files of this module (`RaayaRuntime+Benchmarks`) use it.
    let app: Application

    /// Builds the application for `configuration`; call `shutdown()` when done.
    public static func make(_ configuration: Configuration, environment: Environment = .production) async throws
        -> RaayaRuntime
    {
        let app = try await Application.make(environment)
        do {
            try await RaayaApp.configure(app, configuration)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return RaayaRuntime(configuration: configuration, app: app)
    }

    public var logger: Logger { app.logger }

    /// Makes the HTTP event loops also run Swift's tasks, so a request's handler and the loop that carries its
    /// bytes are the same thread instead of two that wake each other for every step. Call first thing in a
    /// server process, on the main thread before any task has run; false when another executor was installed.
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    public func shutdown() async throws {
        try await app.asyncShutdown()
    }

    /// Applies every migration not applied yet.
    public func migrate() async throws {
        try await app.autoMigrate()
    }

    public func hasUsers() async throws -> Bool {
        try await User.query(on: app.db).count() > 0
    }

    /// Creates a staff account from the command line.
    public func createUser(email: String, name: String, password: String, role: Role) async throws -> Int {
        var validation = Validation()
        let email = validation.email(email, field: "--email")
        let name = validation.requiredText(name, field: "--name", maxCharacters: Limits.nameCharacters)
        if password.count < Limits.passwordMinCharacters {
            validation.fail("--password", "must be at least \(Limits.passwordMinCharacters) characters")
        }
        if email == nil { validation.fail("--email", "is required") }
        try validation.check()
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        let new = NewUser(email: email ?? "", name: name, passwordHash: hash, role: role, groupIDs: [])
        let clock = app.raaya.clock
        return try await app.raaya.writer.write { database in
            try await AccountService(database: database, now: clock.now()).createUser(new)
        }
    }

    /// Seeds the bilingual demo when the database has no staff yet; returns the demo admin's sign-in.
    public func seedDemoIfEmpty() async throws -> (email: String, password: String)? {
        guard try await !hasUsers() else { return nil }
        return try await DemoData(app: app).seed()
    }

    /// Adds `count` generated bilingual tickets (for benchmarks), in large batches.
    public func seedTickets(_ count: Int, customers: Int) async throws {
        try await DemoData(app: app).seedBulk(tickets: count, customers: customers)
    }

    /// Serves HTTP until the process is told to stop.
    public func serve() async throws {
        app.environment.arguments = ["raaya", "serve"]
        try await app.execute()
    }
}
