/// A message prepared for DATA: line endings made CRLF, a dot doubled at the start of every line (RFC 5321
/// §4.5.2) and the terminating `.` line added, once, so that retries and SIZE use the same bytes.
struct SMTPOutgoingMessage {
    /// What goes on the wire after `354`, ending with `CRLF.CRLF`.
    let wire: [UInt8]
    /// Octets of the content without the terminating line, as announced with SIZE (RFC 1870 §3).
    let size: Int
    /// Some byte is not ASCII, so the server should be told BODY=8BITMIME (RFC 6152).
    let hasEightBitBytes: Bool
    /// The header section carries raw UTF-8, which only SMTPUTF8 allows (RFC 6532 §3).
    let hasEightBitHeaders: Bool

    init(_ message: [UInt8]) {
        var wire: [UInt8] = []
        wire.reserveCapacity(message.count + message.count / 40 + 5)
        var atLineStart = true
        var lineHasText = false
        var inHeaders = true
        var headerEightBit = false
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { wire.append(UInt8(ascii: ".")) }
            if byte == 10 {
                if !lineHasText { inHeaders = false }  // the empty line that ends the header section
                if wire.last != 13 { wire.append(13) }
                wire.append(10)
                atLineStart = true
                lineHasText = false
                continue
            }
            if byte != 13 { lineHasText = true }
            if byte >= 0x80 && inHeaders { headerEightBit = true }
            wire.append(byte)
            atLineStart = false
        }
        if let last = wire.last, last != 10 { wire += [13, 10] }
        size = wire.count
        wire += [UInt8(ascii: "."), 13, 10]
        self.wire = wire
        hasEightBitBytes = message.contains { $0 >= 0x80 }
        hasEightBitHeaders = headerEightBit
    }
}
