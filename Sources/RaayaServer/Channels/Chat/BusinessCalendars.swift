import Foundation
import RaayaCore
import SQLKit

/// A named business calendar as stored and as the API shows it.
struct BusinessCalendarDTO: Codable, Sendable {
    let id: Int
    let name: String
    let timeZone: String
    let hours: [String: [BusinessCalendar.Interval]]
    let holidays: [String]
    let createdAt: Date
    let updatedAt: Date

    var calendar: BusinessCalendar? {
        try? BusinessCalendar.validated(timeZone: timeZone, hours: hours, holidays: holidays, field: "")
    }

    enum CodingKeys: String, CodingKey {
        case id, name, hours, holidays
        case timeZone = "time_zone"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A calendar as a client sends it.
struct BusinessCalendarRequest: Decodable {
    let name: String?
    let timeZone: String?
    let hours: [String: [BusinessCalendar.Interval]]?
    let holidays: [String]?

    enum CodingKeys: String, CodingKey {
        case name, hours, holidays
        case timeZone = "time_zone"
    }

    func validated() throws -> (name: String, calendar: BusinessCalendar) {
        var validation = Validation()
        let name = validation.requiredText(name, field: "name", maxCharacters: Limits.nameCharacters)
        let calendar = validation.businessCalendar(timeZone: timeZone, hours: hours, holidays: holidays, field: "")
        try validation.check()
        guard let calendar else { throw DomainError.invalid("hours", "is not a valid business calendar") }
        return (name, calendar)
    }
}

/// The business calendars: the week's hours in a time zone, and holidays.
enum BusinessCalendars {
    static func all(on sql: any SQLDatabase) async throws -> [BusinessCalendarDTO] {
        try await rows("ORDER BY name", on: sql)
    }

    static func find(_ id: Int, on sql: any SQLDatabase) async throws -> BusinessCalendarDTO? {
        try await rows("WHERE id = \(bind: id)", on: sql).first
    }

    static func create(name: String, _ calendar: BusinessCalendar, on sql: any SQLDatabase, now: Date) async throws -> Int {
        try await unique(name, except: nil, on: sql)
        let stored = try Stored(calendar)
        return try await sql.insertReturningID(
            into: "business_calendars",
            [
                "name": name, "time_zone": calendar.timeZone, "hours": stored.hours, "holidays": stored.holidays,
                "created_at": now, "updated_at": now,
            ])
    }

    static func replace(_ id: Int, name: String, _ calendar: BusinessCalendar, on sql: any SQLDatabase, now: Date) async throws {
        guard try await find(id, on: sql) != nil else { throw DomainError.notFound(resource: "calendar") }
        try await unique(name, except: id, on: sql)
        let stored = try Stored(calendar)
        try await sql.update("business_calendars")
            .set("name", to: name).set("time_zone", to: calendar.timeZone).set("hours", to: stored.hours)
            .set("holidays", to: stored.holidays).set("updated_at", to: now).where("id", .equal, id).run()
    }

    private static func unique(_ name: String, except id: Int?, on sql: any SQLDatabase) async throws {
        if let existing = try await sql.raw("SELECT id FROM business_calendars WHERE name = \(bind: name)").first()?
            .decode(column: "id", as: Int.self), existing != id
        {
            throw DomainError.duplicate(resource: "calendar", field: "name", existingID: existing)
        }
    }

    /// The week and the holidays as the JSON columns keep them.
    private struct Stored {
        let hours: String
        let holidays: String

        init(_ calendar: BusinessCalendar) throws {
            let days = Dictionary(uniqueKeysWithValues: calendar.hours.map { ($0.key.rawValue, $0.value) })
            hours = String(decoding: try JSON.encoder.encode(days), as: UTF8.self)
            holidays = String(decoding: try JSON.encoder.encode(calendar.holidays), as: UTF8.self)
        }
    }

    private static func rows(_ tail: SQLQueryString, on sql: any SQLDatabase) async throws -> [BusinessCalendarDTO] {
        try await sql.raw(
            "SELECT id, name, time_zone, hours, holidays, created_at, updated_at FROM business_calendars \(tail)"
        ).all().map { row in
            BusinessCalendarDTO(
                id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                timeZone: try row.decode(column: "time_zone", as: String.self),
                hours: try JSON.decoder.decode(
                    [String: [BusinessCalendar.Interval]].self, from: Data(try row.decode(column: "hours", as: String.self).utf8)),
                holidays: try JSON.decoder.decode([String].self, from: Data(try row.decode(column: "holidays", as: String.self).utf8)),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self))
        }
    }
}
