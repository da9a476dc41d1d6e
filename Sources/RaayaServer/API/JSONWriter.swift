import Foundation
import RaayaCore
import Vapor

/// Writes JSON straight into bytes, for the answers the API gives most (ticket pages and search).
///
/// Foundation's `JSONEncoder` spent a third of a ticket list's CPU on generic dispatch; a DTO that adopts
/// `JSONWritable` writes itself with the key names of its own `CodingKeys`, so both encodings say the same.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next member of the open object or array needs a comma first.
    private var needsComma = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ members: (inout JSONWriter) throws -> Void) rethrows {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        try members(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) throws -> Void) rethrows {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in elements { try element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts an object member; the value written next belongs to it.
    mutating func key(_ key: some CodingKey) {
        separate()
        string(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func value(_ text: String?) {
        separate()
        guard let text else { return null() }
        string(text)
        needsComma = true
    }

    mutating func value(_ number: Int?) {
        separate()
        guard let number else { return null() }
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    mutating func value(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        needsComma = true
    }

    mutating func value(_ date: Date?) {
        separate()
        guard let date else { return null() }
        bytes.append(UInt8(ascii: "\""))
        RFC3339.append(millisecondsSince1970: date.millisecondsSince1970, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func value(_ item: (some JSONWritable)?) {
        guard let item else {
            separate()
            return null()
        }
        item.write(to: &self)
    }

    mutating func value(_ strings: [String]) {
        array(strings) { writer, text in writer.value(text) }
    }

    private mutating func null() {
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = false
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        // Most strings need no escaping: copy them whole, scanning their contiguous bytes once.
        let copied = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension JSON {
    static func response(writing value: some JSONWritable, status: HTTPStatus = .ok) -> Response {
        var writer = JSONWriter()
        value.write(to: &writer)
        return response(body: Data(writer.bytes), status: status)
    }
}
