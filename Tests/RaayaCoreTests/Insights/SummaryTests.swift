import Testing
@testable import RaayaCore

@Suite("Insights: median, 90th percentile and average — الوسيط والمئين التسعون والمتوسط")
struct InsightsSummaryTests {
    @Test("nearest rank: the median of an even count is the lower middle value — الرتبة الأقرب")
    func evenCount() {
        let summary = Summary([4, 1, 3, 2])
        #expect(summary.count == 4)
        #expect(summary.median == 2)
        #expect(summary.p90 == 4)
        #expect(summary.average == 2.5)
    }

    @Test("the 90th percentile of 1…10 is 9, of 1…11 is 10, of 1…20 is 18 — المئين التسعون")
    func ninetieth() {
        #expect(Summary((1...10).map(Double.init)).p90 == 9)
        #expect(Summary((1...11).map(Double.init)).p90 == 10)
        #expect(Summary((1...20).map(Double.init)).p90 == 18)
        #expect(Summary((1...11).map(Double.init)).median == 6)
        #expect(Summary.percentile(0, ofSorted: [5, 7]) == 5)
        #expect(Summary.percentile(100, ofSorted: [5, 7]) == 7)
    }

    @Test("one value is its own median, percentile and average; none gives no figures — قيمة واحدة أو لا شيء")
    func edges() {
        #expect(Summary([42]) == Summary([42, 42]).with(count: 1))
        let empty = Summary([])
        #expect(empty.count == 0)
        #expect(empty.median == nil && empty.p90 == nil && empty.average == nil)
    }

    @Test("a ratio with nothing counted has no value — نسبة بلا حالات")
    func ratio() {
        #expect(Ratio(2, of: 5).value == 0.4)
        #expect(Ratio(0, of: 0).value == nil)
    }
}

extension Summary {
    fileprivate func with(count: Int) -> Summary {
        var copy = self
        copy.count = count
        return copy
    }
}
