/// `Arabizi.skeleton` for the sentiment features, written as ASCII bytes into a buffer the caller reuses: every
/// Arabic word of every message has its skeleton hashed, and building a String (with a dictionary lookup per
/// letter) for each was a fifth of an Arabic message's time. It must give exactly `Arabizi.skeleton`'s result,
/// which tools/sentiment/skeleton.py ports; SentimentParityTests compares the two.
enum ConsonantSkeleton {
    private static let none = UInt32.max

    static func write(_ word: String, into classes: inout [UInt8]) {
        classes.removeAll(keepingCapacity: true)
        var previous = none
        var beforePrevious = none
        var last = none
        for scalar in word.unicodeScalars {
            let lower = (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
            // The second letter of a digraph replaces the class its first letter gave.
            if previous != none, let digraph = latinDigraph(previous, lower) {
                if let consonant = letterClass(previous), classes.last == consonant {
                    classes.removeLast()
                }
                append(digraph, to: &classes)
                beforePrevious = none
                previous = none
                last = lower
                continue
            }
            if let consonant = letterClass(lower) {
                append(consonant, to: &classes)
            }
            beforePrevious = previous
            previous = lower
            last = lower
        }
        // The feminine ending: a final ة/ه, or a final h after a vowel ("fatourah").
        if last == 0x0629 || last == 0x0647 || (last == 0x68 && isLatinVowel(beforePrevious)) {
            if classes.last == UInt8(ascii: "h") {
                classes.removeLast()
            }
        }
    }

    /// Doubled letters (shadda, "kwayyes") count once.
    private static func append(_ consonant: UInt8, to classes: inout [UInt8]) {
        if classes.last != consonant {
            classes.append(consonant)
        }
    }

    private static func isLatinVowel(_ value: UInt32) -> Bool {
        switch value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
        default: false
        }
    }

    private static func latinDigraph(_ first: UInt32, _ second: UInt32) -> UInt8? {
        guard first < 0x80, second < 0x80 else { return nil }
        switch (UInt8(first), UInt8(second)) {
        case (UInt8(ascii: "s"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "h")): return UInt8(ascii: "c")
        case (UInt8(ascii: "k"), UInt8(ascii: "h")), (UInt8(ascii: "7"), UInt8(ascii: "'")): return UInt8(ascii: "x")
        case (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "3"), UInt8(ascii: "'")): return UInt8(ascii: "g")
        case (UInt8(ascii: "t"), UInt8(ascii: "h")): return UInt8(ascii: "t")
        case (UInt8(ascii: "d"), UInt8(ascii: "h")): return UInt8(ascii: "d")
        default: return nil
        }
    }

    /// The consonant class of a lowercase letter, as `Arabizi`'s letter classes give it.
    private static func letterClass(_ value: UInt32) -> UInt8? {
        guard value < UInt32(classTable.count) else { return nil }
        let consonant = classTable[Int(value)]
        return consonant == 0 ? nil : consonant
    }

    /// Indexed by scalar value up to the Arabic block's end; 0 for a letter without a class.
    private static let classTable: [UInt8] = {
        let classes: [(String, Unicode.Scalar)] = [
            ("bpب", "b"), ("t6تطث", "t"), ("jgج", "j"), ("7hحهة", "h"), ("5xخ", "x"), ("dدضذ", "d"), ("rر", "r"),
            ("zزظ", "z"), ("s9سص", "s"), ("ش", "c"), ("3ع", "e"), ("غ", "g"), ("fvف", "f"), ("q8kcقك", "k"),
            ("lل", "l"), ("mم", "m"), ("nن", "n"),
        ]
        var table = [UInt8](repeating: 0, count: 0x700)
        for (letters, consonant) in classes {
            for letter in letters.unicodeScalars {
                table[Int(letter.value)] = UInt8(ascii: consonant)
            }
        }
        return table
    }()
}
