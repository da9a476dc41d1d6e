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
    /// Where `raaya serve` accepts mail by SMTP for its mailboxes; nil for no SMTP listener.
    public var smtpListen: ListenAddress? = nil

    /// The SMTP server outbound mail is handed to; nil keeps mail in the outbox until one is set.
    public var smtpRelay: SMTPRelay? = nil

    /// The OpenAI-compatible chat-completions endpoint agents' draft replies are written by; nil (the default)
    /// for none: Raaya then never calls out and the draft button is not shown.
    public var languageModel: LanguageModel? = nil

    public struct LanguageModel: Sendable, Equatable {
        /// The API's base URL without a trailing slash (`http://127.0.0.1:11434/v1`); requests go to `/chat/completions` under it.
        public var baseURL: String
        /// Sent as `Authorization: Bearer …` when set.
        public var key: String?
        /// Sent as `model` when set; an endpoint that serves one model uses it when left out.
        public var model: String?

        public init(baseURL: String, key: String? = nil, model: String? = nil) {
            var baseURL = baseURL
            while baseURL.hasSuffix("/") { baseURL.removeLast() }
            self.baseURL = baseURL
            self.key = key
            self.model = model
        }
    }

    public struct SMTPRelay: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String?
        public var password: String?
        /// A PEM file of the certificates to trust for the relay's STARTTLS instead of the system's roots
        /// (`RAAYA_SMTP_RELAY_CA`: a relay with a certificate from a private authority).
        public var trustedCertificates: String? = nil
    }

    public struct ListenAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let reason: String
        public var description: String { "\(variable): \(reason)" }
    }

    /// Reads `DATABASE_URL`, `RAAYA_DATA_DIR`, `RAAYA_SECRET_KEY`, `RAAYA_PUBLIC_URL`, `RAAYA_HOSTNAME`,
    /// `RAAYA_PORT`, `RAAYA_BCRYPT_COST`, `RAAYA_SMTP_LISTEN`, `RAAYA_SMTP_RELAY`, `RAAYA_LLM_URL`, `RAAYA_LLM_KEY`,
    /// `RAAYA_LLM_MODEL`; a malformed value is an error naming the variable.
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
        // Set but empty turns the listener off; unset means the default.
        let smtpListen =
            environment["RAAYA_SMTP_LISTEN"].map { $0.trimmingWhitespace().isEmpty } == true
            ? nil : try listenAddress(value("RAAYA_SMTP_LISTEN") ?? "127.0.0.1:2525", name: "RAAYA_SMTP_LISTEN")
        return Configuration(
            database: database, dataDirectory: dataDirectory, secretKey: value("RAAYA_SECRET_KEY"),
            publicURL: publicURL, hostname: hostname, port: port, bcryptCost: cost, smtpListen: smtpListen,
            smtpRelay: try smtpRelay(value("RAAYA_SMTP_RELAY"), trusting: value("RAAYA_SMTP_RELAY_CA")),
            languageModel: try languageModel(value("RAAYA_LLM_URL"), key: value("RAAYA_LLM_KEY"), model: value("RAAYA_LLM_MODEL")))
    }

    private static func languageModel(_ url: String?, key: String?, model: String?) throws -> LanguageModel? {
        guard let url else {
            for (name, given) in [("RAAYA_LLM_KEY", key), ("RAAYA_LLM_MODEL", model)] where given != nil {
                throw Invalid(variable: name, reason: "needs RAAYA_LLM_URL")
            }
            return nil
        }
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil,
            parsed.query == nil
        else {
            throw Invalid(variable: "RAAYA_LLM_URL", reason: "must be the http(s) base URL of an OpenAI-compatible API, like http://127.0.0.1:11434/v1")
        }
        // It goes in a header, which carries visible ASCII only.
        if let key, !key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
            throw Invalid(variable: "RAAYA_LLM_KEY", reason: "must be printable ASCII without spaces")
        }
        return LanguageModel(baseURL: url, key: key, model: model)
    }

    private static func smtpRelay(_ url: String?, trusting certificates: String?) throws -> SMTPRelay? {
        guard var relay = try url.map(parseSMTPRelay) else {
            if certificates != nil { throw Invalid(variable: "RAAYA_SMTP_RELAY_CA", reason: "needs RAAYA_SMTP_RELAY") }
            return nil
        }
        if let certificates {
            guard let pem = FileManager.default.contents(atPath: certificates),
                String(decoding: pem, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----")
            else {
                throw Invalid(variable: "RAAYA_SMTP_RELAY_CA", reason: "must be a readable PEM file of certificates")
            }
            relay.trustedCertificates = certificates
        }
        return relay
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

    /// `smtp://[user:password@]host[:port]` (port 25 by default; user and password percent-encoded).
    public static func parseSMTPRelay(_ raw: String) throws -> SMTPRelay {
        guard raw.hasPrefix("smtp://"), let url = URLComponents(string: raw), let host = url.host, !host.isEmpty else {
            throw Invalid(variable: "RAAYA_SMTP_RELAY", reason: "must be smtp://[user:password@]host[:port]")
        }
        return SMTPRelay(host: host, port: url.port ?? 25, user: url.user, password: url.password)
    }

    /// `host:port` (`[::1]:port` for IPv6).
    private static func listenAddress(_ raw: String, name: String) throws -> ListenAddress {
        guard let colon = raw.lastIndex(of: ":"), let port = Int(raw[raw.index(after: colon)...]),
            (0...65535).contains(port), colon > raw.startIndex
        else {
            throw Invalid(variable: name, reason: "must be host:port, like 127.0.0.1:2525, or empty for none")
        }
        var host = String(raw[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return ListenAddress(host: host, port: port)
    }

    private static func integer(_ raw: String?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw else { return fallback }
        guard let number = Int(raw), range.contains(number) else {
            throw Invalid(variable: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The name this Raaya gives itself in mail (SMTP greeting, Message-IDs): the public URL's host.
    public var mailHostname: String {
        URL(string: publicURL)?.host ?? hostname
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
        let smtp = (smtpListen.map { "\($0.host):\($0.port)" } ?? "off")
            + " smtp_relay=" + (smtpRelay.map { "\($0.host):\($0.port)\($0.user == nil ? "" : " with login")" } ?? "none")
        let llm = languageModel.map { "\($0.baseURL)\($0.key == nil ? "" : " with key")" } ?? "off"
        return "database=\(db) data_dir=\(dataDirectory) public_url=\(publicURL) smtp_listen=\(smtp) llm=\(llm) secret_key=\(secretKey == nil ? "generated" : "set")"
    }
}
