/// RFC 2047 encoded words (`=?charset?B|Q?text?=`), the way non-ASCII reaches 7-bit header fields.
public enum EncodedWords {
    /// Decodes every encoded word in a header value. Whitespace between two adjacent encoded words is dropped
    /// (RFC 2047 §6.2); adjacent words in one charset are decoded together, because some mailers split a
    /// character's bytes across words. A malformed word stays as it was written; unknown charsets fall back to
    /// UTF-8, then Latin-1.
    public static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        let bytes = Array(value.utf8)
        var result = ""
        var literal: [UInt8] = []
        var run: (charset: String, bytes: [UInt8])?
        var index = 0

        func flushRun() {
            if let pending = run {
                result += decodeText(pending.bytes, charset: pending.charset)
                run = nil
            }
        }

        while index < bytes.count {
            if let word = parseWord(bytes, at: index) {
                let onlyBlanksSinceWord = run != nil && literal.allSatisfy(ASCII.isBlank)
                if !onlyBlanksSinceWord {
                    flushRun()
                    result += String(decoding: literal, as: UTF8.self)
                }
                literal = []
                if let pending = run, pending.charset == word.charset {
                    run?.bytes += word.bytes
                } else {
                    flushRun()
                    run = (word.charset, word.bytes)
                }
                index = word.end
                continue
            }
            literal.append(bytes[index])
            index += 1
        }
        flushRun()
        result += String(decoding: literal, as: UTF8.self)
        return result
    }

    private struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// Reads `=?charset?enc?text?=` at `start`: charset and text hold no blanks or `?`.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> Word? {
        guard bytes.hasPrefix([ASCII.equals, 0x3F], at: start) else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != 0x3F, bytes[index] > ASCII.space, index - charsetStart < 64 {
            index += 1
        }
        guard index > charsetStart, index + 2 < bytes.count, bytes[index] == 0x3F, bytes[index + 2] == 0x3F
        else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self).lowercased()
        let encoding = ASCII.lowercased(bytes[index + 1])
        guard encoding == 0x62 || encoding == 0x71 else { return nil }
        index += 3
        let textStart = index
        while index < bytes.count, bytes[index] > ASCII.space, bytes[index] < 0x7F {
            if bytes[index] == 0x3F {
                guard index + 1 < bytes.count, bytes[index + 1] == ASCII.equals else { return nil }
                let text = Array(bytes[textStart..<index])
                let decoded = encoding == 0x62 ? Base64.decode(text).bytes : QuotedPrintable.decodeWord(text)
                return Word(charset: charset, bytes: decoded, end: index + 2)
            }
            index += 1
        }
        return nil
    }

    private static func decodeText(_ bytes: [UInt8], charset: String) -> String {
        TextDecoding.decode(bytes, charset: charset).text
    }
}

extension MailHeaders {
    /// The first field of that name with its encoded words decoded.
    public func decoded(_ name: String) -> String? {
        self[name].map(EncodedWords.decode)
    }
}
