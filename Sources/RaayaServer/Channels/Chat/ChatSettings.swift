import Foundation
import RaayaCore
import SQLKit

/// How live chat behaves: on or off, the business calendar that says when the team answers (none: always),
/// the group new chats go to, and after how long a waiting chat is highlighted to agents.
struct ChatSettings: Codable, Sendable, Equatable {
    static let key = "chat"
    static let waitAlertRange = 10...3_600

    var enabled = true
    var calendarID: Int?
    var groupID: Int?
    var waitAlertSeconds = 60

    enum CodingKeys: String, CodingKey {
        case enabled
        case calendarID = "calendar_id"
        case groupID = "group_id"
        case waitAlertSeconds = "wait_alert_seconds"
    }

    static func load(on sql: any SQLDatabase) async throws -> ChatSettings {
        try await StoredSetting.load(key, on: sql) ?? ChatSettings()
    }
}

/// Settings stored as JSON by key, one row each.
enum StoredSetting {
    static func load<T: Decodable>(_ key: String, as type: T.Type = T.self, on sql: any SQLDatabase) async throws -> T? {
        guard let row = try await sql.raw("SELECT value FROM settings WHERE key = \(bind: key)").first() else { return nil }
        return try JSON.decoder.decode(T.self, from: Data(try row.decode(column: "value", as: String.self).utf8))
    }

    static func save(_ value: some Encodable, as key: String, on sql: any SQLDatabase, now: Date) async throws {
        let text = String(decoding: try JSON.encoder.encode(value), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: text), \(bind: now)) \
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """).run()
    }
}

/// Whether a visitor can chat with someone now, and if not, why and until when.
struct ChatAvailability: Sendable, Equatable {
    enum Reason: String, Codable, Sendable {
        /// Chat is switched off: the widget hides itself.
        case disabled
        /// Outside the business calendar's hours.
        case closed
        /// Within hours, but no agent is connected.
        case noAgents = "no_agents"
    }

    var reason: Reason?
    /// When the calendar opens next, for `closed`.
    var nextOpen: Date?
    var settings: ChatSettings

    var available: Bool { reason == nil }
}

/// What one Raaya instance knows about chat: whether it is available now (asked by every visitor connection and
/// message, so kept for a moment), worked out from the settings, the calendar and the agents connected anywhere.
actor ChatDesk {
    /// An agent connection refreshes its row this often; one not refreshed for `presenceTimeout` is gone.
    static let presenceRefresh: Duration = .seconds(30)
    static let presenceTimeout: TimeInterval = 90

    private let clock: any WallClock
    private var cached: (at: ContinuousClock.Instant, availability: ChatAvailability)?

    init(clock: any WallClock) {
        self.clock = clock
    }

    func availability(on sql: any SQLDatabase) async throws -> ChatAvailability {
        if let cached, ContinuousClock.now - cached.at < .seconds(2) { return cached.availability }
        let availability = try await Self.compute(on: sql, now: clock.now())
        cached = (ContinuousClock.now, availability)
        return availability
    }

    /// Settings or agents changed: ask again next time.
    func forget() {
        cached = nil
    }

    private static func compute(on sql: any SQLDatabase, now: Date) async throws -> ChatAvailability {
        let settings = try await ChatSettings.load(on: sql)
        guard settings.enabled else { return ChatAvailability(reason: .disabled, settings: settings) }
        if let calendarID = settings.calendarID, let calendar = try await BusinessCalendars.find(calendarID, on: sql)?.calendar,
            !calendar.isOpen(at: now)
        {
            return ChatAvailability(reason: .closed, nextOpen: calendar.nextOpening(after: now), settings: settings)
        }
        let online = try await sql.raw("""
            SELECT COUNT(*) AS agents FROM chat_agents WHERE seen_at > \(bind: now.addingTimeInterval(-presenceTimeout))
            """).first()?.decode(column: "agents", as: Int.self) ?? 0
        return ChatAvailability(reason: online > 0 ? nil : .noAgents, settings: settings)
    }
}
