import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What every request and command shares: the settings, the clock and the one way to write.
struct RaayaServices: Sendable {
    let configuration: Configuration
    let clock: any WallClock
    let writer: WriteQueue
    /// Signs links and tokens (see `SecretKey`).
    let secretKey: SymmetricKey
    /// Attachments and other files beside the database.
    let files: FileStore
    /// Who recently used which bearer token.
    let principals = PrincipalCache()
    /// What live connections (chat, agents) hear about stored changes and typing.
    let live: LiveFeed
    /// Which chat visitors and agents are connected here, and whether chat is open.
    let chat: ChatDesk
    let knowledge = KnowledgeSearch()
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = RaayaServices
    }

    var raaya: RaayaServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("RaayaApp.configure must run before the application is used")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var raaya: RaayaServices { application.raaya }
}

extension DatabaseID {
    /// On SQLite, the single connection that writes, apart from the connections that read.
    static let sqliteWriter = DatabaseID(string: "sqlite-writer")
}

/// Starts the SMTP listener when the server starts and stops it with the server.
private final class SMTPListenerLifecycle: LifecycleHandler, Sendable {
    let address: Configuration.ListenAddress
    let hostname: String
    private let listener = NIOLockedValueBox<SMTPListener?>(nil)

    init(address: Configuration.ListenAddress, hostname: String) {
        self.address = address
        self.hostname = hostname
    }

    func didBootAsync(_ application: Application) async throws {
        let started = try await SMTPListener.start(
            host: address.host, port: address.port, hostname: hostname, group: application.eventLoopGroup,
            delivery: .storing(in: application), logger: application.logger)
        listener.withLockedValue { $0 = started }
    }

    func shutdownAsync(_ application: Application) async {
        await listener.withLockedValue { $0 }?.stop()
    }
}

/// Starts the live feed with the server and stops it with the server.
private struct LiveFeedLifecycle: LifecycleHandler {
    let feed: LiveFeed

    // Both ways of booting (`boot()`, which tests use, and `asyncBoot()`) call `didBoot`.
    func didBoot(_ application: Application) throws {
        let feed = self.feed
        Task { await feed.start() }
    }

    func shutdownAsync(_ application: Application) async {
        await feed.stop()
    }
}

/// Closes the SQLite writer's connection and ends its thread when the application stops.
private struct SQLiteWriterShutdown: LifecycleHandler {
    let writer: SQLiteWriterDatabase

    func shutdownAsync(_ application: Application) async {
        await writer.close()
    }
}

public enum RaayaApp {
    /// Sets up databases, migrations, middleware and routes. Does not migrate or start serving.
    static func configure(_ app: Application, _ configuration: Configuration, clock: any WallClock = SystemClock())
        async throws
    {
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let writerDatabase: any Database
        var sqliteWriter: SQLiteWriterDatabase?
        let writerLoop = app.eventLoopGroup.next()
        var postgresListen: PostgresConnection.Configuration?
        switch configuration.database {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite, isDefault: true)
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqliteWriter, isDefault: false)
            writerDatabase = app.databases.database(.sqliteWriter, logger: app.logger, on: writerLoop)!
            // WAL lets readers go on while the writer commits; the mode is kept in the file.
            try await writerDatabase.sqlDatabase().raw("PRAGMA journal_mode=WAL").run()
            let fastWriter = try await SQLiteWriterDatabase.open(path: path, eventLoop: writerLoop, logger: app.logger)
            app.lifecycle.use(SQLiteWriterShutdown(writer: fastWriter))
            sqliteWriter = fastWriter
        case .postgres(let url):
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.searchPath = ["public"]
            postgresListen = postgres.coreConfiguration
            app.databases.use(
                .postgres(configuration: postgres, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace),
                as: .psql, isDefault: true)
            writerDatabase = app.databases.database(.psql, logger: app.logger, on: writerLoop)!
        }
        app.migrations.add(RaayaMigrations.all)
        app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
        let live = LiveFeed(
            database: app.databases.database(logger: app.logger, on: app.eventLoopGroup.next())!, postgres: postgresListen,
            eventLoop: app.eventLoopGroup.next(), logger: app.logger)
        app.lifecycle.use(LiveFeedLifecycle(feed: live))
        // PostgreSQL tells every instance of each commit; SQLite has one instance, told directly.
        let commitNotice: SQLQueryString? =
            postgresListen == nil ? nil : "NOTIFY \(unsafeRaw: LiveFeed.channel), '\(unsafeRaw: LiveFeed.committedNotice)'"
        var afterCommit: (@Sendable () -> Void)?
        if postgresListen == nil { afterCommit = { @Sendable in live.poke() } }
        app.raaya = RaayaServices(
            configuration: configuration, clock: clock,
            writer: WriteQueue(
                database: writerDatabase, sqliteWriter: sqliteWriter, eventLoop: writerLoop, logger: app.logger,
                commitNotice: commitNotice, afterCommit: afterCommit),
            secretKey: try SecretKey.resolve(configuration.secretKey, dataDirectory: configuration.dataDirectory),
            files: FileStore(
                root: (configuration.dataDirectory as NSString).appendingPathComponent("files"), threadPool: app.threadPool),
            live: live, chat: ChatDesk(clock: clock))

        app.lifecycle.use(OutboxDelivery(relay: configuration.smtpRelay, hostname: configuration.mailHostname))
        app.lifecycle.use(SurveyDispatch.job)
        app.lifecycle.use(WeeklyDigest.job)
        if configuration.smtpRelay == nil {
            app.logger.info("RAAYA_SMTP_RELAY is not set: mail to customers waits in the outbox until it is")
        }
        if let listen = configuration.smtpListen {
            app.lifecycle.use(SMTPListenerLifecycle(address: listen, hostname: configuration.mailHostname))
        }

        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        // A 256 KiB body of Arabic text escaped as \uXXXX in JSON is up to 6× longer on the wire.
        app.routes.defaultMaxBodySize = "2mb"
        app.middleware = Middlewares()
        app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
        app.middleware.use(ProblemMiddleware(environment: app.environment))
        try Routes.register(on: app)
    }
}
