/// Turns an article's text into the tokens the knowledge index stores.
enum ArticleText {
    /// Search tokens of `text` (see `SearchText.tokens`), from what a reader sees (`Markdown.plainText`: no link
    /// targets) and without bare URLs. Without this, every article linking to "https://help.example.com/…" would
    /// be indexed under "https", "help", "example" and "com".
    static func tokens(_ text: String) -> [String] {
        SearchText.tokens(withoutURLs(Markdown.plainText(text)))
    }

    /// A quick scan for "://", far cheaper than a substring search on every article.
    private static func mayHaveURLs(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: "/") {
                return true
            }
            previous = byte
        }
        return false
    }

    private static func withoutURLs(_ text: String) -> String {
        guard mayHaveURLs(text) else { return text }
        var kept = ""
        kept.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let index = rest.firstIndex(of: ":") {
            if rest[index...].hasPrefix("://") {
                let start =
                    rest[..<index].lastIndex(where: { !($0.isLetter && $0.isASCII) }).map(rest.index(after:))
                    ?? rest.startIndex
                kept += rest[..<start]
                kept += " "
                rest = rest[index...].drop { !$0.isWhitespace && $0 != ")" }
            } else {
                kept += rest[...index]
                rest = rest[rest.index(after: index)...]
            }
        }
        kept += rest
        return kept
    }
}
