/// Groups of words or phrases an admin declares equivalent for knowledge-base search, in any mix of languages:
/// ["فاتورة", "invoice", "bill"], ["استرجاع", "استرداد", "refund"], ["كلمة المرور", "كلمة السر", "password"].
///
/// Groups are bidirectional: a query containing any entry also looks for every other entry of the group, at a
/// slightly lower weight than the words actually typed. They are applied when searching, not when indexing, so
/// editing them needs no re-index. Entries are analysed like queries (normalized, stop words dropped, stemmed),
/// so "الفاتورة", "فاتورتي" and "فاتورة" in a query all hit the group declared with "فاتورة".
public struct Synonyms: Sendable, Hashable {
    /// One entry of a group as the index matches it: its tokens and their stems, in order.
    struct Entry: Sendable, Hashable {
        let tokens: [String]
        let stems: [String]
    }

    private(set) var groups: [[Entry]] = []
    /// Group numbers by the stem an entry starts with, so a query looks up only the groups it can match.
    private var groupsByFirstStem: [String: [Int]] = [:]

    public init(_ groups: [[String]] = []) {
        for group in groups {
            add(group)
        }
    }

    /// Adds one group. Entries that are empty after analysis (only stop words or punctuation) are ignored, and a
    /// group left with fewer than two entries has nothing to offer and is dropped.
    public mutating func add(_ group: [String]) {
        var entries: [Entry] = []
        for text in group {
            let tokens = SearchText.tokens(text).filter { !StopWords.contains($0) }
            let entry = Entry(tokens: tokens, stems: tokens.map(Stemmer.stem))
            if !tokens.isEmpty && !entries.contains(entry) {
                entries.append(entry)
            }
        }
        guard entries.count > 1 else { return }
        let number = groups.count
        groups.append(entries)
        for first in Set(entries.map { $0.stems[0] }) {
            groupsByFirstStem[first, default: []].append(number)
        }
    }

    /// The groups with an entry whose first stem is `stem`, with that entry's position in the group.
    func entries(startingWith stem: String) -> [(group: Int, entry: Int)] {
        guard let numbers = groupsByFirstStem[stem] else { return [] }
        return numbers.flatMap { number in
            groups[number].indices.filter { groups[number][$0].stems[0] == stem }.map { (number, $0) }
        }
    }

    /// Single-word entries one typo away from `token` (see `SpellingNeighbourhood`), with their groups.
    func singleWordEntries(oneEditFrom token: String) -> [(group: Int, entry: Int)] {
        let letters = Array(token.unicodeScalars)
        guard letters.count >= SpellingNeighbourhood.minimumQueryLength else { return [] }
        var found: [(group: Int, entry: Int)] = []
        for (number, group) in groups.enumerated() {
            for (position, entry) in group.enumerated() where entry.tokens.count == 1 {
                if SpellingNeighbourhood.isOneEditApart(letters, Array(entry.tokens[0].unicodeScalars)) {
                    found.append((number, position))
                }
            }
        }
        return found
    }

    public var isEmpty: Bool { groups.isEmpty }
}
