/// The index's terms by their consonant skeleton (`Arabizi.skeleton`), so that a query word spelled in the
/// other script or with its vowels guessed wrong finds the words that sound the same: "fatoura" finds
/// "فاتورة", "talabi" finds "طلبي", and "باسورد" finds "password".
///
/// Skeletons of fewer than three consonants are not kept: too many unrelated words share them.
struct SoundAlikes: Sendable {
    static let minimumLength = 3

    /// Skeleton → term → how many indexed translations use a word with that skeleton for that term.
    private var terms: [String: [Int32: Int32]] = [:]

    /// The skeleton under which `word` is filed, or nil when it is too short to be telling.
    static func key(_ word: String) -> String? {
        let skeleton = Arabizi.skeleton(word)
        return skeleton.unicodeScalars.count >= minimumLength ? skeleton : nil
    }

    mutating func add(_ key: String, term: Int32) {
        terms[key, default: [:]][term, default: 0] += 1
    }

    mutating func remove(_ key: String, term: Int32) {
        guard let uses = terms[key]?[term] else { return }
        if uses > 1 {
            terms[key]?[term] = uses - 1
        } else {
            terms[key]?[term] = nil
            if terms[key]?.isEmpty == true {
                terms[key] = nil
            }
        }
    }

    /// Terms filed under the skeleton of `word`, the most used first, at most `limit`.
    func terms(soundingLike word: String, limit: Int) -> [Int32] {
        guard let key = Self.key(word), let found = terms[key] else { return [] }
        return found.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
    }
}
