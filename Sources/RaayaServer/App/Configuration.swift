import Foundation
import RaayaCore

/// Every setting Raaya reads, built and checked once at start-up; nothing reads the environment after that.
public struct Configuration: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: DatabaseLocation
    /// Files Raaya keeps: the SQLite database by default, attachments, the generated secret key.
    public var dataDirectory: String
    /// Signs links and tokens. When unset, one is generated on first start and kept in the data directory.
    public var secretKey: String?
    /// Where customers reach this Raaya; used in links sent to them.
    public var publicURL: String
    public var hostname: String
    public var port: Int
    /// bcrypt work factor for passwords (4–31).
    public var bcryptCost: Int

    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let reason: String
        public var description: String { "\(variable): \(reason)" }
    }

    /// Reads `DATABASE_URL`, `RAAYA_DATA_DIR`, `RAAYA_SECRET_KEY`, `RAAYA_PUBLIC_URL`, `RAAYA_HOSTNAME`,
    /// `RAAYA_PORT`, `RAAYA_BCRYPT_COST`; a malformed value is an error naming the variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> Configuration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingWhitespace(), !raw.isEmpty else { return nil }
            return raw
        }
        let dataDirectory = value("RAAYA_DATA_DIR") ?? "./data"
        let database: DatabaseLocation
        if let url = value("DATABASE_URL") {
            database = try parseDatabaseURL(url)
        } else {
            database = .sqlite(path: (dataDirectory as NSString).appendingPathComponent("raaya.sqlite"))
        }
        let hostname = value("RAAYA_HOSTNAME") ?? "127.0.0.1"
        let port = try integer(value("RAAYA_PORT"), name: "RAAYA_PORT", default: 8080, range: 1...65535)
        let cost = try integer(value("RAAYA_BCRYPT_COST"), name: "RAAYA_BCRYPT_COST", default: 12, range: 4...31)
        let publicURL = value("RAAYA_PUBLIC_URL") ?? "http://\(hostname):\(port)"
        guard let url = URL(string: publicURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw Invalid(variable: "RAAYA_PUBLIC_URL", reason: "must be an http(s) URL, got \(publicURL)")
        }
        if let key = value("RAAYA_SECRET_KEY"), key.utf8.count < 32 {
            throw Invalid(variable: "RAAYA_SECRET_KEY", reason: "must be at least 32 characters")
        }
        return Configuration(
            database: database, dataDirectory: dataDirectory, secretKey: value("RAAYA_SECRET_KEY"),
            publicURL: publicURL, hostname: hostname, port: port, bcryptCost: cost)
    }

    /// `postgres://…`/`postgresql://…`, or `sqlite:///absolute/file.sqlite` / `sqlite://relative/file.sqlite`.
    public static func parseDatabaseURL(_ url: String) throws -> DatabaseLocation {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard URL(string: url)?.host != nil else {
                throw Invalid(variable: "DATABASE_URL", reason: "is not a valid PostgreSQL URL")
            }
            return .postgres(url: url)
        }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Invalid(variable: "DATABASE_URL", reason: "names no SQLite file") }
            return .sqlite(path: path)
        }
        throw Invalid(variable: "DATABASE_URL", reason: "must start with postgres:// or sqlite://")
    }

    private static func integer(_ raw: String?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw else { return fallback }
        guard let number = Int(raw), range.contains(number) else {
            throw Invalid(variable: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A description safe to log: which settings are in force, with secrets hidden.
    public var summary: String {
        let db: String
        switch database {
        case .sqlite(let path): db = "sqlite \(path)"
        case .postgres(let url):
            var parts = URLComponents(string: url)
            if parts?.password != nil { parts?.password = "****" }
            db = parts?.string ?? "postgres"
        }
        return "database=\(db) data_dir=\(dataDirectory) public_url=\(publicURL) secret_key=\(secretKey == nil ? "generated" : "set")"
    }
}
