/// A message's whitespace-separated pieces, read as byte ranges of its UTF-8 without copying: features.py splits a
/// message this way to drop links and @mentions and to find emoticons, and this runs two or three times for every
/// message scored. Valid UTF-8 is assumed, as a String's bytes always are.
enum MessagePieces {
    /// Calls `body` with the byte range of each piece, in order; pieces are never empty.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        var index = 0
        while index < bytes.count {
            let (value, length) = scalar(in: bytes, at: index)
            if isSeparator(value) {
                if start < index {
                    body(start..<index)
                }
                start = index + length
            }
            index += length
        }
        if start < bytes.count {
            body(start..<bytes.count)
        }
    }

    /// The scalar whose encoding starts at `index`, and how many bytes it takes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            return (lead, 1)
        }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }

    /// Whitespace as features.py's WHITESPACE lists it.
    static func isSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the piece starts with "http://", "https://" or "www.", ASCII letters in either case.
    static func hasLinkPrefix(_ piece: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = piece.first else { return false }
        switch first {
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"):
            return linkPrefixes.contains { prefix in
                piece.count >= prefix.count
                    && zip(piece, prefix).allSatisfy { byte, wanted in
                        ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) == wanted
                    }
            }
        default:
            return false
        }
    }

    /// Whether a link starts anywhere in the piece ("monitorhttps://t.co/…").
    static func containsLink(_ piece: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        piece.indices.contains { hasLinkPrefix(piece[$0...]) }
    }

    private static let linkPrefixes = ["http://", "https://", "www."].map { Array($0.utf8) }
}
