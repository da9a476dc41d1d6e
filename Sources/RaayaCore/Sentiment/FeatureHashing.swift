/// FNV-1a, 64-bit, over UTF-8 bytes: simple enough that tools/sentiment/features.py computes the same value, so
/// the buckets Python trained are the buckets Swift reads.
struct FNV1a {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x100_0000_01B3

    private(set) var value: UInt64 = offsetBasis

    init() {}

    init(_ bytes: [UInt8]) {
        combine(bytes)
    }

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    mutating func combine(_ bytes: [UInt8]) {
        for byte in bytes { combine(byte) }
    }

    mutating func combine(_ bytes: String.UTF8View) {
        for byte in bytes { combine(byte) }
    }

    /// A word's own hash, without a namespace: the key the model file's word table is looked up by.
    static func word(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FNV1a()
        for byte in bytes { hash.combine(byte) }
        return hash.value
    }
}

/// The hashed features of a message, named by a one-letter namespace before their text, as in features.py:
/// e emoji, w/v word (v: negated), b word pair, c/n character 2–5-grams of "<word>" (n: negated), s/m 2–4-grams of the
/// Arabic word's consonant skeleton (m: negated), which Arabizi shares ("wa7esh" and "وحش" are both "hc").
enum FeatureHashing {
    static func forEachFeature(
        of features: SentimentFeatures, model: SentimentModelFile, _ body: (UInt64) -> Void
    ) {
        for scalar in features.emoji {
            var hash = FNV1a()
            hash.combine(UInt8(ascii: "e"))
            UTF8.encode(scalar) { hash.combine($0) }
            body(hash.value)
        }
        var grams = CharacterGrams()
        var skeleton: [UInt8] = []
        skeleton.reserveCapacity(64)
        for clause in features.clauses {
            var previous: String.UTF8View?
            for token in clause {
                var unigram = FNV1a()
                unigram.combine(UInt8(ascii: token.negated ? "v" : "w"))
                unigram.combine(token.text.utf8)
                body(unigram.value)
                if let previous {
                    var pair = FNV1a()
                    pair.combine(UInt8(ascii: "b"))
                    pair.combine(previous)
                    pair.combine(UInt8(ascii: " "))
                    pair.combine(token.text.utf8)
                    body(pair.value)
                }
                previous = token.text.utf8
                if token.scalarCount <= model.longestTokenForCharacterGrams {
                    grams.hash(token.text.utf8, namespace: token.negated ? "n" : "c", longest: 5, body)
                }
                if model.usesSkeletons, let first = token.text.unicodeScalars.first,
                    SentimentFeatures.isArabicLetter(first)
                {
                    ConsonantSkeleton.write(token.text, into: &skeleton)
                    grams.hash(skeleton, namespace: token.negated ? "m" : "s", longest: 4, body)
                }
            }
        }
    }
}

/// Every run of 2…`longest` scalars of "<word>", hashed. Runs sharing a start extend one hash, since FNV-1a is
/// a running hash: the 3-gram's value continues from the 2-gram's. Buffers are reused from word to word.
private struct CharacterGrams {
    private var padded: [UInt8] = []
    /// Offsets where each scalar of `padded` starts, then its end.
    private var starts: [Int] = []

    init() {
        padded.reserveCapacity(128)
        starts.reserveCapacity(128)
    }

    mutating func hash(
        _ word: some Collection<UInt8>, namespace: Unicode.Scalar, longest: Int, _ body: (UInt64) -> Void
    ) {
        padded.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        padded.append(UInt8(ascii: "<"))
        padded.append(contentsOf: word)
        padded.append(UInt8(ascii: ">"))
        for offset in padded.indices where padded[offset] & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
            starts.append(offset)
        }
        let scalarCount = starts.count
        starts.append(padded.count)
        var seed = FNV1a()
        seed.combine(UInt8(ascii: namespace))
        for first in 0..<scalarCount {
            var hash = seed
            var end = first
            while end < scalarCount && end - first < longest {
                for offset in starts[end]..<starts[end + 1] {
                    hash.combine(padded[offset])
                }
                end += 1
                if end - first >= 2 {
                    body(hash.value)
                }
            }
        }
    }
}
