/// Writes one header field folded so that no line passes 78 characters (RFC 5322 §2.1.1), with non-ASCII
/// text as RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, each holding whole characters.
struct HeaderField {
    static let lineLimit = 78
    private static let wordLimit = 75
    private static let wordOverhead = "=?UTF-8?B??=".utf8.count
    private static let maxWordBytes = (wordLimit - wordOverhead) / 4 * 3

    private var lines: [String] = []
    private var current: String
    private let nameLength: Int

    init(_ name: String) {
        current = name + ":"
        nameLength = current.utf8.count
    }

    /// The field with CRLF between folded lines, without a final line break.
    var rendered: String {
        (lines + [current]).joined(separator: "\r\n")
    }

    /// Appends a piece that may not be broken: after a space, where the line may fold, or directly after
    /// the previous piece when `spaced` is false.
    mutating func append(_ piece: String, spaced: Bool = true) {
        let separator = spaced ? " " : ""
        let fits = current.utf8.count + separator.utf8.count + piece.utf8.count <= Self.lineLimit
        // A fold turns the space into a line break, and must leave something behind on this line.
        let lineHasContent = !lines.isEmpty ? !current.isEmpty : current.utf8.count > nameLength
        if !fits && spaced && lineHasContent { fold() }
        current += separator + piece
    }

    /// Appends text as encoded words, filling each line before starting the next. Words split only between
    /// characters (grapheme clusters); a single cluster too long for one word is the only thing split, between
    /// its scalars.
    mutating func appendEncoded(_ text: String) {
        var units: [[UInt8]] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= Self.maxWordBytes {
                units.append(bytes)
            } else {
                units += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        var index = 0
        while index < units.count {
            let room = min(Self.wordLimit, Self.lineLimit - current.utf8.count - 1)
            let maxBytes = max(0, room - Self.wordOverhead) / 4 * 3
            var bytes: [UInt8] = []
            while index < units.count, bytes.count + units[index].count <= maxBytes {
                bytes += units[index]
                index += 1
            }
            if bytes.isEmpty {
                fold()  // a fresh line has room for a whole word, so this cannot repeat
                continue
            }
            current += " =?UTF-8?B?" + Base64.encode(bytes) + "?="
        }
    }

    private mutating func fold() {
        lines.append(current)
        current = ""
    }
}
