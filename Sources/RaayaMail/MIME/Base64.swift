/// Base64 (RFC 2045 §6.8) for bodies and encoded words, written here to keep RaayaMail free of Foundation.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let first = bytes[index]
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(alphabet[Int(first >> 2)])
            output.append(alphabet[Int((first & 0x03) << 4 | second >> 4)])
            output.append(index + 1 < bytes.count ? alphabet[Int((second & 0x0F) << 2 | third >> 6)] : ASCII.equals)
            output.append(index + 2 < bytes.count ? alphabet[Int(third & 0x3F)] : ASCII.equals)
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encoded lines of at most `lineLength` characters, as bodies must be (RFC 2045 limits them to 76).
    static func encodeLines(_ bytes: [UInt8], lineLength: Int = 76) -> [String] {
        let bytesPerLine = lineLength / 4 * 3
        var lines: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + bytesPerLine, bytes.count)
            lines.append(encode(Array(bytes[start..<end])))
            start = end
        }
        return lines
    }

    /// Decodes leniently: line breaks, padding and any byte outside the alphabet are skipped, as real mail has
    /// all of them in odd places. `skippedJunk` reports bytes that were neither whitespace nor padding.
    static func decode(_ encoded: some Collection<UInt8>) -> (bytes: [UInt8], skippedJunk: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count / 4 * 3)
        var group: UInt32 = 0
        var filled = 0
        var skippedJunk = false
        for byte in encoded {
            let value = values[Int(byte)]
            guard value != 0xFF else {
                if !(byte == ASCII.equals || byte == ASCII.cr || byte == ASCII.lf || ASCII.isBlank(byte)) {
                    skippedJunk = true
                }
                continue
            }
            group = group << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                output.append(UInt8(group >> 16 & 0xFF))
                output.append(UInt8(group >> 8 & 0xFF))
                output.append(UInt8(group & 0xFF))
                group = 0
                filled = 0
            }
        }
        // A short final group carries 1 or 2 bytes; a lone sixth of a byte is noise.
        if filled == 2 {
            output.append(UInt8(group >> 4 & 0xFF))
        } else if filled == 3 {
            output.append(UInt8(group >> 10 & 0xFF))
            output.append(UInt8(group >> 2 & 0xFF))
        } else if filled == 1 {
            skippedJunk = true
        }
        return (output, skippedJunk)
    }
}
