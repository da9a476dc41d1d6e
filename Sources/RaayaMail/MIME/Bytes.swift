/// Byte-level helpers for the MIME code: mail arrives as bytes and only becomes text once a charset is known,
/// so scanning happens on `[UInt8]` with the few ASCII facts below.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let hyphen: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let underscore: UInt8 = 0x5F

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}

/// One line of a byte buffer: `content` excludes the terminator, `next` is where the following line starts.
/// Lines end at LF, with an optional CR before it, because mail arrives with CRLF or, once stored, bare LF.
struct ByteLine {
    var content: Range<Int>
    var next: Int
}

extension Array where Element == UInt8 {
    /// The lines of `range`; a last line without terminator is included when it is not empty.
    func lines(in range: Range<Int>) -> [ByteLine] {
        var result: [ByteLine] = []
        forEachLine(in: range) {
            result.append($0)
            return true
        }
        return result
    }

    /// Visits the lines of `range` until `visit` returns false, so a scan for the end of a header section
    /// does not first split a 20 MB body into lines.
    func forEachLine(in range: Range<Int>, _ visit: (ByteLine) -> Bool) {
        var start = range.lowerBound
        var index = start
        while index < range.upperBound {
            if self[index] == ASCII.lf {
                let end = index > start && self[index - 1] == ASCII.cr ? index - 1 : index
                guard visit(ByteLine(content: start..<end, next: index + 1)) else { return }
                start = index + 1
            }
            index += 1
        }
        if start < range.upperBound {
            _ = visit(ByteLine(content: start..<range.upperBound, next: range.upperBound))
        }
    }

    func lines() -> [ByteLine] {
        lines(in: 0..<count)
    }

    /// Whether the bytes at `offset` equal `prefix`.
    func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= count else { return false }
        for (position, expected) in prefix.enumerated() where self[offset + position] != expected {
            return false
        }
        return true
    }

    /// CRLF and lone CR become LF, so text bodies compare and split the same whatever the sender used.
    func normalizingLineEndings() -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        var index = 0
        while index < count {
            let byte = self[index]
            if byte == ASCII.cr {
                result.append(ASCII.lf)
                if index + 1 < count && self[index + 1] == ASCII.lf { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    var isASCII: Bool {
        allSatisfy { $0 < 0x80 }
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and line breaks: the whitespace that folding and careless senders leave around values.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
