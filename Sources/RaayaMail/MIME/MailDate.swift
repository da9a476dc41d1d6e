/// RFC 5322 dates (§3.3, with the obsolete forms of §4.3) to and from seconds since 1970-01-01 UTC.
public enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "edt": -4 * 60, "est": -5 * 60, "cdt": -5 * 60, "cst": -6 * 60,
        "mdt": -6 * 60, "mst": -7 * 60, "pdt": -7 * 60, "pst": -8 * 60,
    ]

    /// Parses `[Mon,] 2 Nov 2026 10:00[:00] +0300`, tolerating comments, a missing comma or seconds, two- and
    /// three-digit years, full month names and the named zones of RFC 822. Military zone letters and a missing
    /// zone mean UTC, as RFC 5322 advises. Returns nil when the date cannot be read or does not exist.
    public static func parse(_ value: String) -> Int64? {
        var text = ""
        var depth = 0
        for character in value {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                text.append(character == "," ? " " : character)
            }
        }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        if let first = words.first, first.first?.isLetter == true, monthNumber(first) == nil { words.removeFirst() }
        guard words.count >= 4 else { return nil }

        // Day and month appear in either order in the wild ("Nov 2 2026" from some scripts).
        let day: Int
        let month: Int
        if let number = Int(words[0]), let name = monthNumber(words[1]) {
            (day, month) = (number, name)
        } else if let name = monthNumber(words[0]), let number = Int(words[1]) {
            (day, month) = (number, name)
        } else {
            return nil
        }
        guard var year = Int(words[2]), words[2].count <= 4 else { return nil }
        if words[2].count <= 2 { year += year < 50 ? 2000 : 1900 } else if words[2].count == 3 { year += 1900 }
        guard (1900...9999).contains(year) else { return nil }

        let time = words[3].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard time.count == 2 || time.count == 3, let hour = time[0], let minute = time[1] else { return nil }
        let second = time.count == 3 ? time[2] : 0
        guard let second, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }

        let offsetMinutes = words.count > 4 ? zoneOffset(words[4]) : 0
        guard let offsetMinutes else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(offsetMinutes * 60)
    }

    /// Renders `Mon, 2 Nov 2026 07:00:00 +0000`: outbound mail always states UTC.
    public static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let clock =
            "\(twoDigits(secondOfDay / 3600)):\(twoDigits(secondOfDay / 60 % 60)):\(twoDigits(secondOfDay % 60))"
        let monthName = months[month - 1].prefix(1).uppercased() + months[month - 1].dropFirst()
        return "\(weekday), \(day) \(monthName) \(year) \(clock) +0000"
    }

    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3, let index = months.firstIndex(of: String(word.prefix(3))) else { return nil }
        return index + 1
    }

    private static func zoneOffset(_ word: String) -> Int? {
        if let sign = word.first, sign == "+" || sign == "-" {
            let digits = word.dropFirst()
            guard digits.count == 4, let value = Int(digits) else { return nil }
            let minutes = value / 100 * 60 + value % 100
            guard value % 100 < 60 else { return nil }
            return sign == "-" ? -minutes : minutes
        }
        if let named = zones[word] { return named }
        if word.count == 1, word.first?.isLetter == true { return 0 }
        // Anything else after the time (a stray word) is not a zone we can trust; read it as UTC.
        return word.allSatisfy({ $0.isLetter }) ? 0 : nil
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar, counted in 400-year eras that start in March,
    /// so the leap day falls at the end of each era-year.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = Int(days) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
