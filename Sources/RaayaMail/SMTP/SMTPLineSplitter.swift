/// Cuts the bytes a server sends into reply lines, whatever the chunks, accepting a bare LF as a line end.
struct SMTPLineSplitter {
    enum Next {
        case line(String)
        case needMore
        /// No line end within the limit: the peer is not speaking SMTP.
        case tooLong
    }

    let maxLineLength: Int
    private var buffer: [UInt8] = []
    private var start = 0

    init(maxLineLength: Int) {
        self.maxLineLength = maxLineLength
    }

    mutating func append(_ bytes: [UInt8]) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    mutating func next() -> Next {
        let window = min(buffer.count, start + maxLineLength)
        guard let lineFeed = buffer[start..<window].firstIndex(of: 10) else {
            return window - start < maxLineLength ? .needMore : .tooLong
        }
        var end = lineFeed
        if end > start, buffer[end - 1] == 13 { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = lineFeed + 1
        return .line(line)
    }

    /// Drops what is buffered: bytes that came in the clear before TLS must not be read as if they came after it.
    mutating func clear() {
        buffer = []
        start = 0
    }
}
