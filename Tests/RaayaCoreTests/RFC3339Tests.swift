import Foundation
import Testing
@testable import RaayaCore

@Suite("RFC 3339 timestamps")
struct RFC3339Tests {
    @Test("known instants", arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
        (Int64(1_795_385_226_123), "2026-11-22T22:07:06.123Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
        (Int64(4_107_542_399_999), "2100-02-28T23:59:59.999Z"),
    ])
    func known(ms: Int64, expected: String) {
        #expect(RFC3339.string(millisecondsSince1970: ms) == expected)
    }

    @Test("agrees with Foundation over four centuries of days")
    func matchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for day in stride(from: Int64(-30_000), through: 120_000, by: 97) {
            let ms = day * 86_400_000 + 45_296_789
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02dT12:34:56.789Z", parts.year!, parts.month!, parts.day!)
            #expect(RFC3339.string(millisecondsSince1970: ms) == expected)
        }
    }
}
