/// The subjects customers raise most in a set of comments (e.g. the negative survey comments of a period), so a
/// manager sees what to improve: words and two-word phrases, each counted once per comment that uses it.
///
/// Words are search tokens (`SearchText.tokens`: spelling variants and the Arabic article folded together, so
/// «التوصيل» and «توصيل» are one theme); stop words, digits and one-letter words are left out. A phrase is two
/// such words next to each other and counts only when at least two comments use it; a word every use of which
/// is inside a listed phrase is not listed again on its own.
public enum CommentThemes {
    public struct Theme: Sendable, Equatable, Codable {
        public let text: String
        /// How many comments use it.
        public let comments: Int
        public let isPhrase: Bool

        public init(text: String, comments: Int, isPhrase: Bool) {
            self.text = text
            self.comments = comments
            self.isPhrase = isPhrase
        }

        enum CodingKeys: String, CodingKey {
            case text, comments
            case isPhrase = "phrase"
        }
    }

    public static func top(_ comments: [String], limit: Int = 10) -> [Theme] {
        var words: [String: Int] = [:]
        var phrases: [String: Int] = [:]
        for comment in comments {
            let tokens = SearchText.tokens(comment).map { isTheme($0) ? $0 : nil }
            Set(tokens.compactMap { $0 }).forEach { words[$0, default: 0] += 1 }
            var seen = Set<String>()
            for (first, second) in zip(tokens, tokens.dropFirst()) {
                guard let first, let second, first != second else { continue }
                seen.insert(first + " " + second)
            }
            seen.forEach { phrases[$0, default: 0] += 1 }
        }
        let listedPhrases = phrases.filter { $0.value >= 2 }
            .map { Theme(text: $0.key, comments: $0.value, isPhrase: true) }
        // A word that never appears outside one of the listed phrases adds nothing beside it.
        let coveredCounts = listedPhrases.reduce(into: [String: Int]()) { covered, phrase in
            for word in phrase.text.split(separator: " ") {
                covered[String(word)] = max(covered[String(word)] ?? 0, phrase.comments)
            }
        }
        let listedWords = words.filter { $0.value > (coveredCounts[$0.key] ?? 0) }
            .map { Theme(text: $0.key, comments: $0.value, isPhrase: false) }
        return (listedPhrases + listedWords).sorted {
            // More comments first; at equal counts a phrase says more than a word; then alphabetical, for a stable list.
            ($0.comments, $0.isPhrase ? 1 : 0, $1.text) > ($1.comments, $1.isPhrase ? 1 : 0, $0.text)
        }.prefix(limit).map { $0 }
    }

    private static func isTheme(_ token: String) -> Bool {
        token.count > 1 && !token.allSatisfy(\.isNumber) && !StopWords.contains(token)
    }
}
