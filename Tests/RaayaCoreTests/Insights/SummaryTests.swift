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

    @Test("median and 90th percentile picked without sorting equal the sorted nearest ranks, ties and all — الاختيار دون ترتيب")
    func selection() {
        var random = SeededGenerator(seed: 7)
        for count in Array(1...40) + [99, 100, 101, 1_000, 4_097] {
            // Few distinct values (many ties), many, and already ordered either way.
            let spread = [3, 1_000_000][count % 2]
            var values = (0..<count).map { _ in Double(Int.random(in: 0..<spread, using: &random)) }
            if count % 5 == 0 { values.sort() }
            if count % 7 == 0 { values.sort(by: >) }
            let sorted = values.sorted()
            let summary = Summary(values)
            #expect(summary.count == count)
            #expect(summary.median == Summary.percentile(50, ofSorted: sorted))
            #expect(summary.p90 == Summary.percentile(90, ofSorted: sorted))
        }
        #expect(Summary(Array(repeating: 3_600, count: 1_000)).median == 3_600)
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
