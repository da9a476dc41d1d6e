import ArgumentParser
import Foundation
import Logging
import RaayaCore
import RaayaServer

struct Raaya: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raaya",
        abstract: "Raaya (رعاية): customer care in Arabic and English.",
        subcommands: [Serve.self, Migrate.self, Admin.self, Seed.self])
}

/// Settings shared by every command: the environment first, flags over it.
struct Settings: ParsableArguments {
    @Option(help: "Database URL (postgres://… or sqlite:///path). Default: $DATABASE_URL, else ./data/raaya.sqlite.")
    var databaseURL: String?

    func configuration(hostname: String? = nil, port: Int? = nil) throws -> Configuration {
        var environment = ProcessInfo.processInfo.environment
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        if let hostname { environment["RAAYA_HOSTNAME"] = hostname }
        if let port { environment["RAAYA_PORT"] = String(port) }
        do {
            return try Configuration.fromEnvironment(environment)
        } catch let invalid as Configuration.Invalid {
            throw ValidationError("configuration: \(invalid)")
        }
    }
}

enum Console {
    static let logger: Logger = {
        // Read once: the factory runs for every logger Vapor makes, one per request.
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "raaya")
    }()
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve HTTP.")

    @OptionGroup var settings: Settings
    @Option(help: "Address to listen on (default $RAAYA_HOSTNAME or 127.0.0.1).") var hostname: String?
    @Option(help: "Port to listen on (default $RAAYA_PORT or 8080).") var port: Int?
    @Flag(help: "Seed a bilingual demo (customers, agents, groups, tickets) into an empty database.") var demo = false

    func run() async throws {
        let logger = Console.logger
        let configuration = try settings.configuration(hostname: hostname, port: port)
        logger.info("starting Raaya", metadata: ["settings": "\(configuration.summary)"])
        let runtime = try await RaayaRuntime.make(configuration)
        do {
            try await runtime.migrate()
            let url = "http://\(configuration.hostname):\(configuration.port)"
            if demo, let signIn = try await runtime.seedDemoIfEmpty() {
                logger.notice("demo data ready — sign in at \(url) with \(signIn.email) / \(signIn.password)")
            } else if try await !runtime.hasUsers() {
                logger.notice("""
                    no staff accounts yet — create the first admin once with:
                      raaya admin create --email you@example.com --name "Your Name" --password '<8+ characters>'
                    (or restart with --demo for sample data)
                    """)
            } else if demo {
                logger.notice("the database already has accounts; the demo was not seeded again — sign in at \(url)")
            }
            logger.notice("Raaya listening on \(url) (API under \(url)/api/v1, description at \(url)/openapi.json)")
            logger.notice("live chat widget on a sample page: \(url)/chat/demo?lang=ar (English: ?lang=en)")
            try await runtime.serve()
        } catch {
            try? await runtime.shutdown()
            throw error
        }
        try await runtime.shutdown()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations that have not run yet.")

    @OptionGroup var settings: Settings

    func run() async throws {
        let runtime = try await RaayaRuntime.make(try settings.configuration())
        do {
            try await runtime.migrate()
            Console.logger.info("migrations applied")
        } catch {
            try? await runtime.shutdown()
            throw error
        }
        try await runtime.shutdown()
    }
}

struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a staff account (an admin by default).")

        @OptionGroup var settings: Settings
        @Option var email: String
        @Option var name: String
        @Option var password: String
        @Option(help: "admin, supervisor or agent") var role: String = "admin"

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be admin, supervisor or agent") }
            let runtime = try await RaayaRuntime.make(try settings.configuration())
            do {
                try await runtime.migrate()
                let id = try await runtime.createUser(email: email, name: name, password: password, role: role)
                Console.logger.info("created \(role.rawValue) \(email) (id \(id))")
            } catch let error as DomainError {
                try? await runtime.shutdown()
                throw ValidationError(describe(error))
            } catch {
                try? await runtime.shutdown()
                throw error
            }
            try await runtime.shutdown()
        }

        private func describe(_ error: DomainError) -> String {
            switch error {
            case .invalid(let fields): fields.map { "\($0.field) \($0.reason)" }.joined(separator: "; ")
            case .duplicate(_, let field, let id): "a user with this \(field) already exists (id \(id))"
            default: "\(error)"
            }
        }
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add generated bilingual tickets, for benchmarks.")

    @OptionGroup var settings: Settings
    @Option(help: "How many tickets to add.") var tickets: Int = 1000
    @Option(help: "How many distinct customers they come from.") var customers: Int = 5000

    func run() async throws {
        let runtime = try await RaayaRuntime.make(try settings.configuration())
        do {
            try await runtime.migrate()
            let start = Date()
            try await runtime.seedTickets(tickets, customers: customers)
            Console.logger.info("seeded \(tickets) tickets in \(Int(Date().timeIntervalSince(start))) s")
        } catch {
            try? await runtime.shutdown()
            throw error
        }
        try await runtime.shutdown()
    }
}
