import Foundation
import RaayaCore

/// A piece of HTML. Text interpolated into it is escaped; only other `HTML` values go in as they are, so a
/// page cannot show user content unescaped by accident.
struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var text: String

    init(stringLiteral value: String) {
        text = value
    }

    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
    }

    /// Markup that is already safe: sanitized customer HTML, or HTML built here.
    init(trusted: String) {
        text = trusted
    }

    var description: String { text }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity * 2)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        mutating func appendInterpolation(_ html: HTML) {
            text += html.text
        }

        mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { text += part.text }
        }

        mutating func appendInterpolation(_ value: String) {
            text += HTML.escape(value)
        }

        mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }

        mutating func appendInterpolation(_ value: Phrase, _ language: Language) {
            text += HTML.escape(value.text(language))
        }
    }

    static func escape(_ value: String) -> String {
        HTMLEscaping.escape(value)
    }
}
