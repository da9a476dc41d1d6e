/// Reads message content after `354` up to the line holding a single `.` (RFC 5321 §4.1.1.4), removing the dot
/// that transparency added (§4.5.2) and writing every line ending as CRLF. It keeps no more than `limit` bytes:
/// past that it only watches for the end, so an oversized message costs no memory.
struct SMTPDataReader {
    private enum Position {
        case lineStart
        case afterLeadingDot
        case afterLeadingDotCR
        case inLine
        case afterCR
    }

    let limit: Int
    private(set) var data: [UInt8] = []
    private(set) var exceededLimit = false
    private var position = Position.lineStart

    init(limit: Int) {
        self.limit = limit
    }

    /// Consumes bytes from `start`; returns where it stopped and whether that was just after the end-of-data line.
    /// Bytes after the end belong to the next command and are left alone.
    mutating func read(_ input: UnsafeRawBufferPointer, from start: Int) -> (next: Int, finished: Bool) {
        var index = start
        while index < input.count {
            let byte = input[index]
            switch position {
            case .inLine:
                // Most bytes are plain text: copy the run up to the next CR or LF in one go.
                var end = index
                while end < input.count, input[end] != 13, input[end] != 10 { end += 1 }
                if end > index {
                    keep(UnsafeRawBufferPointer(rebasing: input[index..<end]))
                    index = end
                    continue
                }
                position = byte == 13 ? .afterCR : .lineStart
                if byte == 10 { keepLineEnd() }
            case .lineStart:
                switch byte {
                case UInt8(ascii: "."): position = .afterLeadingDot
                case 13: position = .afterCR
                case 10: keepLineEnd()
                default:
                    keep(byte)
                    position = .inLine
                }
            case .afterLeadingDot:
                switch byte {
                case 10: return (index + 1, true)  // `LF.LF` or `CRLF.LF`, tolerated
                case 13: position = .afterLeadingDotCR
                default:
                    // The leading dot was added for transparency: drop it, keep what follows.
                    keep(byte)
                    position = .inLine
                }
            case .afterLeadingDotCR:
                if byte == 10 { return (index + 1, true) }
                // `.` then a lone CR: not the end; the dot goes, the CR stays, and this byte is read again.
                keep(13)
                position = .inLine
                continue
            case .afterCR:
                switch byte {
                case 10:
                    keepLineEnd()
                    position = .lineStart
                case 13:
                    keep(13)
                default:
                    keep(13)
                    position = .inLine
                    continue
                }
            }
            index += 1
        }
        return (index, false)
    }

    private mutating func keepLineEnd() {
        keep(13)
        keep(10)
    }

    private mutating func keep(_ byte: UInt8) {
        guard reserve(1) else { return }
        data.append(byte)
    }

    private mutating func keep(_ bytes: UnsafeRawBufferPointer) {
        guard reserve(bytes.count) else { return }
        data.append(contentsOf: bytes)
    }

    /// Whether `count` more bytes fit; the first time they do not, what was kept is let go.
    private mutating func reserve(_ count: Int) -> Bool {
        if exceededLimit { return false }
        if data.count + count <= limit {
            // Grow as an array would, but never past the limit, so the buffer's capacity stays within it too.
            if data.count + count > data.capacity {
                data.reserveCapacity(min(limit, max(data.count + count, data.capacity * 2)))
            }
            return true
        }
        exceededLimit = true
        data = []
        return false
    }
}
