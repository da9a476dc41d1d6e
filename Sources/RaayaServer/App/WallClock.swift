import Foundation

/// The time, behind a protocol so tests can fix it. Millisecond precision: what the API shows and the
/// ticket-list cursor encodes round-trips exactly through both databases.
protocol WallClock: Sendable {
    func now() -> Date
}

struct SystemClock: WallClock {
    func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

extension Date {
    var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(millisecondsSince1970 ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }
}
