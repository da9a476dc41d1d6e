import Testing

@testable import RaayaCore

/// Links, @mentions and #tags are found on UTF-8 bytes for speed; the result must be what the plain reading over
/// scalars below (the implementation before that rewrite) gives, since the language feature is decided on it.
@Suite struct MessagePiecesTests {
    @Test func linksAndMentionsAreDroppedAsBefore() {
        let pieces = [
            "@user", "@", "http://t.co/x7Gh3", "HTTPS://T.CO/ab", "https:", "www.example.com", "WWW.", "ww.", "wwww.x",
            "monitorhttps://t.co/x", "#tag", "#", "a#b", "el", "service", "wa7esh", "ana", "mesh", "3ayez",
            "الخدمة", "سيئة", "😡", "👍", ":)", ":-(", "xD", "h", "w", "é", "http", "://", "x://y", "@@", "ﬁ",
        ]
        let separators = [" ", "  ", "\n", "\t", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{0085}", "", "-"]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(next() % 7) {
                text += separators[next() % separators.count] + pieces[next() % pieces.count]
            }
            text += separators[next() % separators.count]
            for tags in [false, true] {
                #expect(
                    SentimentFeatures.withoutLinksAndMentions(text, alsoTagsAndGluedLinks: tags)
                        == PlainPieceReading.withoutLinksAndMentions(text, alsoTagsAndGluedLinks: tags),
                    "\(text)")
            }
        }
    }
}

/// `SentimentFeatures.withoutLinksAndMentions` as first written, over Unicode scalars.
private enum PlainPieceReading {
    static func withoutLinksAndMentions(_ text: String, alsoTagsAndGluedLinks: Bool) -> String {
        var kept = String.UnicodeScalarView()
        var piece: [Unicode.Scalar] = []
        var removed = false
        func finishPiece() {
            defer { piece.removeAll() }
            guard let first = piece.first else { return }
            if first == "@" || hasLinkPrefix(piece)
                || (alsoTagsAndGluedLinks && (first == "#" || containsLink(piece)))
            {
                removed = true
                return
            }
            if !kept.isEmpty {
                kept.append(" ")
            }
            kept.append(contentsOf: piece)
        }
        for scalar in text.unicodeScalars {
            if isSeparator(scalar) {
                finishPiece()
            } else {
                piece.append(scalar)
            }
        }
        finishPiece()
        return removed ? String(kept) : text
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    private static let linkPrefixes = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

    private static func containsLink(_ piece: [Unicode.Scalar]) -> Bool {
        piece.indices.contains { hasLinkPrefix(Array(piece[$0...].prefix(8))) }
    }

    private static func hasLinkPrefix(_ piece: [Unicode.Scalar]) -> Bool {
        guard let first = piece.first, "hHwW".unicodeScalars.contains(first) else { return false }
        return linkPrefixes.contains { prefix in
            piece.count >= prefix.count
                && zip(piece, prefix).allSatisfy { scalar, wanted in
                    let lowered = (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
                    return lowered == wanted.value
                }
        }
    }
}
