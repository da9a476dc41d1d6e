/// Character references (`&amp;`, `&#1589;`, `&#x635;`) as browsers read them, so what the sanitizer and the
/// text converter see is what a browser would show, including letters hidden from naive filters.
enum HTMLEntities {
    /// HTML 4's Latin-1 names, in code point order from U+00A0.
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute \
        micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring \
        AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml \
        times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil \
        egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash \
        ugrave uacute ucirc uuml yacute thorn yuml
        """.split(separator: " ")

    /// Names mail HTML uses beyond Latin-1, and the HTML5 punctuation names that obfuscated URLs rely on.
    private static let otherNames: [String: UInt32] = [
        "quot": 0x22, "amp": 0x26, "apos": 0x27, "lt": 0x3C, "gt": 0x3E,
        "Tab": 0x09, "NewLine": 0x0A, "excl": 0x21, "num": 0x23, "dollar": 0x24, "percnt": 0x25, "lpar": 0x28,
        "rpar": 0x29, "ast": 0x2A, "plus": 0x2B, "comma": 0x2C, "period": 0x2E, "sol": 0x2F, "colon": 0x3A,
        "semi": 0x3B, "equals": 0x3D, "quest": 0x3F, "commat": 0x40, "lsqb": 0x5B, "bsol": 0x5C, "rsqb": 0x5D,
        "Hat": 0x5E, "lowbar": 0x5F, "grave": 0x60, "lcub": 0x7B, "verbar": 0x7C, "rcub": 0x7D,
        "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192,
        "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C,
        "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018,
        "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "dagger": 0x2020,
        "Dagger": 0x2021, "bull": 0x2022, "hellip": 0x2026, "permil": 0x2030, "prime": 0x2032, "lsaquo": 0x2039,
        "rsaquo": 0x203A, "euro": 0x20AC, "trade": 0x2122, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192,
        "darr": 0x2193, "harr": 0x2194, "hearts": 0x2665,
    ]

    private static let names: [String: UInt32] = {
        var table = otherNames
        for (offset, name) in latin1Names.enumerated() { table[String(name)] = 0xA0 + UInt32(offset) }
        return table
    }()

    /// Old pages write these without the `;`, and browsers still accept them.
    private static let legacyNames: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// Decodes every reference in `text`. In attribute values, a legacy name followed by a letter, digit or `=`
    /// stays as written, as in browsers, so `?a=1&copy=2` in a link is not mangled.
    static func decode(_ text: some StringProtocol, inAttribute: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("&") else { return String(text) }
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (scalar, length) = reference(scalars, at: index, inAttribute: inAttribute) {
                output.append(scalar)
                index += length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// The character a reference at `start` stands for, and how many scalars it spans.
    private static func reference(_ scalars: [Unicode.Scalar], at start: Int, inAttribute: Bool)
        -> (Unicode.Scalar, Int)?
    {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            let hex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < scalars.count, let digit = digitValue(scalars[index], hex: hex) {
                value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)  // saturate: anything larger is invalid
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < scalars.count && scalars[index] == ";" { index += 1 }
            return (numericScalar(value), index - start)
        }
        let nameStart = index
        while index < scalars.count, index - nameStart < 32, isAlphanumeric(scalars[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        if index < scalars.count, scalars[index] == ";", let value = names[name], let scalar = Unicode.Scalar(value) {
            return (scalar, index + 1 - start)
        }
        // Without `;` only the legacy names count, and only as a prefix: `&ampx` is `&` then `x`.
        for legacy in legacyNames where name.hasPrefix(legacy) {
            let end = nameStart + legacy.unicodeScalars.count
            if inAttribute, end < scalars.count, isAlphanumeric(scalars[end]) || scalars[end] == "=" { return nil }
            if let value = names[legacy], let scalar = Unicode.Scalar(value) { return (scalar, end - start) }
        }
        return nil
    }

    /// Numeric references follow HTML5: zero, surrogates and out-of-range values become U+FFFD, and 0x80–0x9F
    /// mean the windows-1252 characters that pages written on Windows intended.
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) {
            return Unicode.Scalar(UInt32(SingleByteTables.windows1252High[Int(value - 0x80)])) ?? "\u{FFFD}"
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46 where hex: scalar.value - 0x41 + 10
        case 0x61...0x66 where hex: scalar.value - 0x61 + 10
        default: nil
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}
