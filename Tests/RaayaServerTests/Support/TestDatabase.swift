import FluentPostgresDriver
import Foundation
import Logging
import RaayaCore
@testable import RaayaServer

/// Where a test's data lives: a fresh SQLite file, or a fresh PostgreSQL database when `DATABASE_URL` names a
/// server. Each test gets its own, so tests run in parallel.
enum TestDatabase {
    static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else { return nil }
        return url
    }

    static var kind: String { serverURL == nil ? "sqlite" : "postgres" }

    /// A new empty database for one test, and how to remove it afterwards.
    static func make() async throws -> (location: Configuration.DatabaseLocation, directory: String, drop: @Sendable () async -> Void) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("raaya-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let removeDirectory: @Sendable () -> Void = { try? FileManager.default.removeItem(atPath: directory) }
        guard let serverURL else {
            return (.sqlite(path: directory + "/raaya.sqlite"), directory, { removeDirectory() })
        }
        let name = "raaya_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await PostgresAdmin.shared.execute("CREATE DATABASE \(name)", serverURL: serverURL)
        return (
            .postgres(url: try url(serverURL, database: String(name))), directory,
            {
                try? await PostgresAdmin.shared.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", serverURL: serverURL)
                removeDirectory()
            }
        )
    }

    static func url(_ serverURL: String, database: String) throws -> String {
        guard var components = URLComponents(string: serverURL) else { throw URLError(.badURL) }
        components.path = "/" + database
        guard let url = components.string else { throw URLError(.badURL) }
        return url
    }
}

/// Runs statements on the server's maintenance database, one at a time (CREATE DATABASE does not like company).
actor PostgresAdmin {
    static let shared = PostgresAdmin()

    func execute(_ statement: String, serverURL: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: serverURL).coreConfiguration
        let logger = Logger(label: "raaya.tests.postgres")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
