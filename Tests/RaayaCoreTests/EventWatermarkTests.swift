import Testing
@testable import RaayaCore

@Suite("Event watermark: every committed event once — كل حدث مرة واحدة")
struct EventWatermarkTests {
    let start = ContinuousClock.now

    func at(seconds: Double) -> ContinuousClock.Instant {
        start.advanced(by: .milliseconds(Int(seconds * 1000)))
    }

    @Test("ids in a row are delivered and move the floor — معرّفات متتالية ترفع الحد")
    func contiguous() {
        var watermark = EventWatermark(after: 10)
        #expect(watermark.accept([13, 11, 12], now: at(seconds: 0)) == [11, 12, 13])
        #expect(watermark.floor == 13)
        #expect(watermark.heldCount == 0)
        #expect(watermark.accept([], now: at(seconds: 1)) == [])
        #expect(watermark.floor == 13)
        #expect(watermark.accept([14], now: at(seconds: 2)) == [14])
        #expect(watermark.floor == 14)
    }

    @Test("a gap holds the floor, later ids are delivered once — فجوة تُبقي الحد")
    func gapHoldsFloor() {
        var watermark = EventWatermark(after: 10)
        #expect(watermark.accept([11, 13, 14], now: at(seconds: 0)) == [11, 13, 14])
        #expect(watermark.floor == 11)
        #expect(watermark.heldCount == 2)
        // The next read asks for ids above 11 again and sees 13 and 14 again, and a new 15.
        #expect(watermark.accept([13, 14, 15], now: at(seconds: 1)) == [15])
        #expect(watermark.floor == 11)
    }

    @Test("the late id is delivered and the floor jumps — وصول المتأخر")
    func lateArrival() {
        var watermark = EventWatermark(after: 10)
        _ = watermark.accept([11, 13, 14], now: at(seconds: 0))
        #expect(watermark.accept([14, 12, 13], now: at(seconds: 3)) == [12])
        #expect(watermark.floor == 14)
        #expect(watermark.heldCount == 0)
    }

    @Test("a gap older than the timeout is given up on — فجوة قديمة تُتخطى")
    func gapTimesOut() {
        var watermark = EventWatermark(after: 10, gapTimeout: .seconds(10))
        _ = watermark.accept([11, 13], now: at(seconds: 0))
        // 16 is first seen later, but 12 has been missing since 13 was seen at 0.
        #expect(watermark.accept([13, 16], now: at(seconds: 5)) == [16])
        #expect(watermark.floor == 11)
        // Exactly the timeout is not longer than it.
        #expect(watermark.accept([13, 16], now: at(seconds: 10)) == [])
        #expect(watermark.floor == 11)
        // Past it, 12 is given up; 14 and 15 have been missing only since 16 was seen at 5.
        #expect(watermark.accept([13, 16], now: at(seconds: 10.001)) == [])
        #expect(watermark.floor == 13)
        #expect(watermark.heldCount == 1)
        #expect(watermark.accept([16], now: at(seconds: 15.5)) == [])
        #expect(watermark.floor == 16)
        #expect(watermark.heldCount == 0)
        // A given-up id that turns up at last is not delivered: it is at or below the floor.
        #expect(watermark.accept([12, 17], now: at(seconds: 16)) == [17])
        #expect(watermark.floor == 17)
    }

    @Test("repeats are not delivered again, within a read or across reads — لا تكرار")
    func duplicates() {
        var watermark = EventWatermark(after: 0)
        #expect(watermark.accept([2, 2, 3, 3, 3], now: at(seconds: 0)) == [2, 3])
        #expect(watermark.accept([3, 2, 5, 5], now: at(seconds: 1)) == [5])
        #expect(watermark.accept([1, 1, 2, 3, 4, 5], now: at(seconds: 2)) == [1, 4])
        #expect(watermark.floor == 5)
    }

    @Test("ids at or below the floor are ignored — ما دون الحد يُهمل")
    func belowFloor() {
        var watermark = EventWatermark(after: 100)
        #expect(watermark.accept([99, 100, -3, 0], now: at(seconds: 0)) == [])
        #expect(watermark.floor == 100)
        #expect(watermark.accept([100, 101], now: at(seconds: 0)) == [101])
        #expect(watermark.floor == 101)
    }

    @Test("a rolled-back id never comes; the reader moves on — معاملة ملغاة")
    func rolledBackGap() {
        var watermark = EventWatermark(after: 0, gapTimeout: .seconds(2))
        var delivered: [Int] = []
        // Rows 1...40 commit except 7 (rolled back); 20 commits late, at second 1.
        let committed = (1...40).filter { $0 != 7 && $0 != 20 }
        for second in 0...5 {
            let visible = committed + (second >= 1 ? [20] : [])
            delivered += watermark.accept(visible.filter { $0 > watermark.floor }, now: at(seconds: Double(second)))
        }
        #expect(delivered.sorted() == (1...40).filter { $0 != 7 })
        #expect(delivered.count == Set(delivered).count)
        #expect(watermark.floor == 40)
        #expect(watermark.heldCount == 0)
    }

    @Test("a huge gap in the ids is skipped in one step — فجوة كبيرة")
    func hugeGap() {
        var watermark = EventWatermark(after: 5)
        #expect(watermark.accept([1_000_000_000], now: at(seconds: 0)) == [1_000_000_000])
        #expect(watermark.floor == 5)
        #expect(watermark.accept([], now: at(seconds: 11)) == [])
        #expect(watermark.floor == 1_000_000_000)
    }
}
