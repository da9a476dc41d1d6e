import Foundation
@testable import RaayaCore

/// Helpers shared by the Insights tests.
enum InsightsFixture {
    /// An instant written with its UTC offset, such as `2026-12-03T10:00:00+03:00`.
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("not an instant: \(text)") }
        return date
    }

    static let hour: TimeInterval = 3600
    static let riyadh = TimeZone(identifier: "Asia/Riyadh")!
    static let cairo = TimeZone(identifier: "Africa/Cairo")!

    /// فريق الدعم في الرياض: الأحد إلى الخميس ٩ صباحًا إلى ٥ مساءً، وإجازة يوم الأربعاء ٢ ديسمبر ٢٠٢٦.
    static let riyadhSupport: BusinessCalendar = {
        let day = [BusinessCalendar.Interval(start: "09:00", end: "17:00")]
        return BusinessCalendar(
            timeZone: "Asia/Riyadh", hours: [.sun: day, .mon: day, .tue: day, .wed: day, .thu: day],
            holidays: ["2026-12-02"])
    }()
}
