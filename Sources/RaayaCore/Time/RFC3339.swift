/// RFC 3339 UTC timestamps with milliseconds (`2026-11-22T22:07:06.123Z`), formatted by arithmetic: the API
/// writes several per ticket, and Foundation's formatters cost microseconds each.
public enum RFC3339 {
    public static func string(millisecondsSince1970 ms: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(millisecondsSince1970: ms, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the timestamp's UTF-8 bytes, for writers that build their output as bytes.
    public static func append(millisecondsSince1970 ms: Int64, to bytes: inout [UInt8]) {
        let (days, msOfDay) = floorDivide(ms, 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: days)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let millisecond = msOfDay % 1000
        func append(_ value: Int64, width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(0x30 + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        append(year, width: 4)
        bytes.append(0x2D)
        append(month, width: 2)
        bytes.append(0x2D)
        append(day, width: 2)
        bytes.append(0x54)
        append(hour, width: 2)
        bytes.append(0x3A)
        append(minute, width: 2)
        bytes.append(0x3A)
        append(second, width: 2)
        bytes.append(0x2E)
        append(millisecond, width: 3)
        bytes.append(0x5A)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// Year, month, day of the proleptic Gregorian calendar, counting in 400-year eras of 146,097 days.
    static func civilDate(daysSince1970: Int64) -> (Int64, Int64, Int64) {
        let shifted = daysSince1970 + 719_468  // days since 0000-03-01
        let era = floorDivide(shifted, 146_097).0
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
