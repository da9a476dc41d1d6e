import Testing

@testable import RaayaCore

@Suite("SpellingNeighbourhood")
struct SpellingNeighbourhoodTests {
    private func oneEdit(_ a: String, _ b: String) -> Bool {
        SpellingNeighbourhood.isOneEditApart(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    @Test(arguments: [
        ("refnud", "refund"), ("delivry", "delivery"), ("deliverry", "delivery"), ("refumd", "refund"),
        ("فتوره", "فاتوره"), ("فاتورع", "فاتوره"), ("فاتروه", "فاتوره"), ("xrefund", "refund"), ("refundx", "refund"),
    ])
    func oneEditApart(_ typed: String, _ word: String) {
        #expect(oneEdit(typed, word))
        #expect(oneEdit(word, typed))
    }

    @Test(arguments: [("refund", "refund"), ("refnduq", "refund"), ("dleivry", "delivery"), ("فاتوره", "فواتير")])
    func notOneEditApart(_ typed: String, _ word: String) {
        #expect(!oneEdit(typed, word))
    }

    @Test func findsTheMostUsedNeighbourAndForgetsRemovedWords() {
        var words = SpellingNeighbourhood()
        let refund = words.insert(WordKey("refund"), term: 1)
        #expect(words.insert(WordKey("refund"), term: 1) == refund)
        _ = words.insert(WordKey("refunds"), term: 1)
        _ = words.insert(WordKey("rotund"), term: 2)
        #expect(words.insert(WordKey("ref"), term: 3) == nil)
        #expect(words.terms(near: "refnud", limit: 4) == [1])
        #expect(words.terms(near: "rotnud", limit: 4) == [2])
        #expect(words.terms(near: "refun", limit: 4) == [1])
        // Too short to correct.
        #expect(words.terms(near: "rfnd", limit: 4).isEmpty)

        words.remove(refund!)
        #expect(words.terms(near: "refnud", limit: 4) == [1])
        words.remove(refund!)
        #expect(words.terms(near: "refnud", limit: 4).isEmpty)
        #expect(words.terms(near: "refundz", limit: 4) == [1])  // via "refunds"
    }
}
