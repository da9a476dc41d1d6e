import Foundation

/// The hours a service team works, in the team's own time zone, with the days it does not work at all.
/// Live chat asks it whether the team is in and when it next will be; SLAs will count only its open time.
///
/// Times are wall-clock times: `09:00–17:00` means while the clocks on the team's wall show those hours,
/// so on a day the clocks change the team still starts at 09:00 local time.
public struct BusinessCalendar: Sendable, Equatable, Codable {
    public enum Weekday: String, CaseIterable, Codable, Sendable {
        case sun, mon, tue, wed, thu, fri, sat
    }

    /// `HH:MM`, 24-hour local time. `start` is included, `end` is not, and `end` may be `24:00`.
    public struct Interval: Sendable, Equatable, Codable {
        public var start: String
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// An IANA time zone id, such as `Asia/Riyadh`.
    public var timeZone: String
    /// A missing or empty day is closed.
    public var hours: [Weekday: [Interval]]
    /// Local dates `YYYY-MM-DD` closed all day.
    public var holidays: [String]

    public static let maxIntervalsPerDay = 4
    public static let maxHolidays = 366
    /// How far `nextOpening` looks before deciding the calendar never opens.
    static let searchDays = 400

    public init(timeZone: String, hours: [Weekday: [Interval]], holidays: [String] = []) {
        self.timeZone = timeZone
        self.hours = hours
        self.holidays = holidays
    }

    public static let alwaysOpen = BusinessCalendar(
        timeZone: "UTC",
        hours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [Interval(start: "00:00", end: "24:00")]) })
    )

    /// A calendar from its parts as a client sent them, or every error in them named under `field`.
    public static func validated(
        timeZone: String?, hours: [String: [Interval]]?, holidays: [String]?, field: String
    ) throws(DomainError) -> BusinessCalendar {
        var validation = Validation()
        let calendar = validation.businessCalendar(timeZone: timeZone, hours: hours, holidays: holidays, field: field)
        try validation.check()
        guard let calendar else { throw .invalid(field, "is not a valid business calendar") }
        return calendar
    }

    public func isOpen(at date: Date) -> Bool {
        Schedule(self).isOpen(at: date)
    }

    /// The first instant at or after `date` when the calendar is open: `date` itself if open then; nil if the
    /// calendar has no hours, or does not open within about 400 days (holidays can close every working day).
    public func nextOpening(after date: Date) -> Date? {
        let schedule = Schedule(self)
        guard schedule.days.contains(where: { !$0.isEmpty }) else { return nil }
        if schedule.isOpen(at: date) { return date }

        // Walk the team's local days. A local wall-clock time is held as the UTC instant showing the same
        // digits, where every day has 86,400 seconds; `instants(showing:)` maps it back to real instants.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = Schedule.utc
        let today = schedule.calendar.dateComponents([.year, .month, .day], from: date)
        guard let firstDay = utc.date(from: DateComponents(year: today.year, month: today.month, day: today.day))
        else { return nil }
        for dayNumber in 0...Self.searchDays {
            let day = firstDay.addingTimeInterval(Double(dayNumber) * 86_400)
            let parts = utc.dateComponents([.year, .month, .day, .weekday], from: day)
            guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day,
                let weekday = parts.weekday
            else { return nil }
            if schedule.holidays.contains(Self.dateKey(year: year, month: month, day: dayOfMonth)) { continue }
            var earliest: Date?
            for interval in schedule.days[weekday - 1] {
                let wallClock = day.addingTimeInterval(Double(interval.lowerBound))
                for instant in schedule.instants(showing: wallClock)
                where instant >= date && schedule.isOpen(at: instant) && instant < (earliest ?? .distantFuture) {
                    earliest = instant
                }
            }
            if let earliest { return earliest }
        }
        return nil
    }
}

// MARK: - Codable

extension BusinessCalendar {
    private enum CodingKeys: String, CodingKey {
        case hours, holidays
        case timeZone = "time_zone"
    }

    /// Decoding validates, so a stored calendar cannot hold times the arithmetic would have to guess at.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timeZone = try container.decode(String.self, forKey: .timeZone)
        let hours = try container.decodeIfPresent([String: [Interval]].self, forKey: .hours)
        let holidays = try container.decodeIfPresent([String].self, forKey: .holidays)
        var validation = Validation()
        let calendar = validation.businessCalendar(timeZone: timeZone, hours: hours, holidays: holidays, field: "")
        guard let calendar, validation.errors.isEmpty else {
            let detail = validation.errors.map { "\($0.field) \($0.reason)" }.joined(separator: "; ")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: detail))
        }
        self = calendar
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZone, forKey: .timeZone)
        let days = Dictionary(uniqueKeysWithValues: hours.map { ($0.key.rawValue, $0.value) })
        try container.encode(days, forKey: .hours)
        try container.encode(holidays, forKey: .holidays)
    }
}

// MARK: - Validation

extension Validation {
    /// A business calendar from its parts as a client sent them, or nil with every error recorded under `field`
    /// (`calendar.time_zone`, `calendar.hours.sun[0].end`, `calendar.holidays[2]`). Times and dates may be
    /// written with Arabic-Indic digits. The calendar keeps ASCII digits, leaves closed days out, sorts each
    /// day's intervals, and sorts the holidays without repeats.
    public mutating func businessCalendar(
        timeZone: String?, hours: [String: [BusinessCalendar.Interval]]?, holidays: [String]?, field: String
    ) -> BusinessCalendar? {
        let errorsBefore = errors.count
        func name(_ part: String) -> String { field.isEmpty ? part : "\(field).\(part)" }

        let zone = timeZone?.trimmingWhitespace() ?? ""
        if zone.isEmpty {
            fail(name("time_zone"), "is required")
        } else if TimeZone(identifier: zone) == nil {
            fail(name("time_zone"), "is not a known IANA time zone")
        }

        var week: [BusinessCalendar.Weekday: [BusinessCalendar.Interval]] = [:]
        let days = hours ?? [:]
        // Weekdays in week order, then unknown keys, so errors come out in a stable order.
        let keys = days.keys.sorted { left, right in
            let leftIndex = BusinessCalendar.Weekday.allCases.firstIndex { $0.rawValue == left } ?? 7
            let rightIndex = BusinessCalendar.Weekday.allCases.firstIndex { $0.rawValue == right } ?? 7
            return (leftIndex, left) < (rightIndex, right)
        }
        for key in keys {
            let dayField = name("hours.\(key)")
            guard let weekday = BusinessCalendar.Weekday(rawValue: key) else {
                fail(dayField, "is not a weekday: use sun, mon, tue, wed, thu, fri or sat")
                continue
            }
            if let intervals = dayIntervals(days[key] ?? [], field: dayField), !intervals.isEmpty {
                week[weekday] = intervals
            }
        }

        var dates = Set<String>()
        let rawDates = holidays ?? []
        if rawDates.count > BusinessCalendar.maxHolidays {
            fail(name("holidays"), "must have at most \(BusinessCalendar.maxHolidays) dates")
        } else {
            for (index, raw) in rawDates.enumerated() {
                if let date = BusinessCalendar.localDate(raw) {
                    dates.insert(date)
                } else {
                    fail(name("holidays[\(index)]"), "must be a date YYYY-MM-DD")
                }
            }
        }

        guard errors.count == errorsBefore else { return nil }
        return BusinessCalendar(timeZone: zone, hours: week, holidays: dates.sorted())
    }

    /// One day's intervals sorted by start, or nil if any is wrong.
    private mutating func dayIntervals(
        _ intervals: [BusinessCalendar.Interval], field: String
    ) -> [BusinessCalendar.Interval]? {
        guard intervals.count <= BusinessCalendar.maxIntervalsPerDay else {
            fail(field, "must have at most \(BusinessCalendar.maxIntervalsPerDay) intervals")
            return nil
        }
        let errorsBefore = errors.count
        var parsed: [(index: Int, start: Int, end: Int)] = []
        for (index, interval) in intervals.enumerated() {
            let start = BusinessCalendar.minuteOfDay(interval.start)
            let end = BusinessCalendar.minuteOfDay(interval.end)
            if start == nil { fail("\(field)[\(index)].start", "must be a time HH:MM from 00:00 to 24:00") }
            if end == nil { fail("\(field)[\(index)].end", "must be a time HH:MM from 00:00 to 24:00") }
            guard let start, let end else { continue }
            if start >= end {
                fail("\(field)[\(index)].end", "must be after start")
            } else {
                parsed.append((index, start, end))
            }
        }
        parsed.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        // Compared with the interval reaching furthest so far, so a long one overlapping two later ones is caught.
        var furthest: (index: Int, start: Int, end: Int)?
        for interval in parsed {
            if let previous = furthest, interval.start < previous.end {
                fail("\(field)[\(interval.index)]", "overlaps \(field)[\(previous.index)]")
            }
            if interval.end > furthest?.end ?? Int.min { furthest = interval }
        }
        guard errors.count == errorsBefore else { return nil }
        return parsed.map {
            BusinessCalendar.Interval(start: BusinessCalendar.clock($0.start), end: BusinessCalendar.clock($0.end))
        }
    }
}

// MARK: - Parsing and arithmetic

extension BusinessCalendar {
    /// Minutes since midnight of `HH:MM` (00:00 to 24:00), ASCII or Arabic-Indic digits; nil otherwise.
    static func minuteOfDay(_ raw: String) -> Int? {
        let scalars = Array(raw.trimmingWhitespace().unicodeScalars)
        guard scalars.count == 5, scalars[2] == ":",
            let hour = number(scalars[0..<2]), let minute = number(scalars[3..<5])
        else { return nil }
        guard hour < 24 && minute < 60 || hour == 24 && minute == 0 else { return nil }
        return hour * 60 + minute
    }

    /// `YYYY-MM-DD` with ASCII digits if `raw` names a real Gregorian date; nil otherwise.
    static func localDate(_ raw: String) -> String? {
        let scalars = Array(raw.trimmingWhitespace().unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-",
            let year = number(scalars[0..<4]), let month = number(scalars[5..<7]), let day = number(scalars[8..<10]),
            year >= 1, (1...12).contains(month)
        else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return nil }
        return dateKey(year: year, month: month, day: day)
    }

    static func clock(_ minuteOfDay: Int) -> String {
        "\(padded(minuteOfDay / 60, width: 2)):\(padded(minuteOfDay % 60, width: 2))"
    }

    static func dateKey(year: Int, month: Int, day: Int) -> String {
        "\(padded(year, width: 4))-\(padded(month, width: 2))-\(padded(day, width: 2))"
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func number(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var value = 0
        for scalar in scalars {
            guard let digit = Identity.asciiDigit(scalar) else { return nil }
            value = value * 10 + Int(digit.value - 0x30)
        }
        return value
    }
}

/// A calendar read for arithmetic: each weekday's open seconds of the day, holidays as a set, a time zone.
/// Times that fail to parse (only possible for a calendar built without validation) are left out, and an
/// unknown time zone counts as UTC.
private struct Schedule {
    static let utc = TimeZone.gmt

    let timeZone: TimeZone
    let calendar: Calendar
    /// Index 0 is Sunday, as `Calendar`'s weekday 1.
    let days: [[Range<Int>]]
    let holidays: Set<String>

    init(_ businessCalendar: BusinessCalendar) {
        timeZone = TimeZone(identifier: businessCalendar.timeZone) ?? Self.utc
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        days = BusinessCalendar.Weekday.allCases.map { weekday in
            (businessCalendar.hours[weekday] ?? []).compactMap { interval in
                guard let start = BusinessCalendar.minuteOfDay(interval.start),
                    let end = BusinessCalendar.minuteOfDay(interval.end), start < end
                else { return nil }
                return start * 60..<end * 60
            }
        }
        holidays = Set(businessCalendar.holidays.compactMap(BusinessCalendar.localDate))
    }

    func isOpen(at date: Date) -> Bool {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
            let hour = parts.hour, let minute = parts.minute, let second = parts.second
        else { return false }
        // Whole seconds suffice: every boundary is a whole minute, so truncating never crosses one.
        let secondOfDay = hour * 3600 + minute * 60 + second
        guard days[weekday - 1].contains(where: { $0.contains(secondOfDay) }) else { return false }
        return !holidays.contains(BusinessCalendar.dateKey(year: year, month: month, day: day))
    }

    /// The instants at which the wall clock shows `wallClock` (given as the UTC instant with the same digits):
    /// usually one, two in an hour the clocks repeat, and none in an hour they skip, where the instant the
    /// clocks jump is given instead, since a team due to start in the skipped hour starts then.
    func instants(showing wallClock: Date) -> [Date] {
        let offsets = Set(
            [-86_400.0, 0, 86_400].map { timeZone.secondsFromGMT(for: wallClock.addingTimeInterval($0)) })
        let exact = offsets.map { wallClock.addingTimeInterval(-Double($0)) }
            .filter { isShowing(wallClock, at: $0) }
        guard exact.isEmpty, let smallest = offsets.min(), let largest = offsets.max(), smallest != largest else {
            return exact
        }
        // Skipped: the jump lies between the instant read with the later, larger offset and the earlier one.
        var before = Int((wallClock.timeIntervalSince1970 - Double(largest)).rounded(.down))
        var after = Int((wallClock.timeIntervalSince1970 - Double(smallest)).rounded(.up))
        let offsetBefore = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(before)))
        while after - before > 1 {
            let middle = before + (after - before) / 2
            if timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(middle))) == offsetBefore {
                before = middle
            } else {
                after = middle
            }
        }
        return [Date(timeIntervalSince1970: Double(after))]
    }

    private func isShowing(_ wallClock: Date, at instant: Date) -> Bool {
        instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant)) == wallClock.timeIntervalSince1970
    }
}
