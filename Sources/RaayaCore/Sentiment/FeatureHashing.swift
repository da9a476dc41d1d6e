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

    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    mutating func combine(_ text: String) {
        withUTF8Buffer(of: text) { combine($0) }
    }

    /// A word's own hash, without a namespace: the key the model file's word table is looked up by.
    static func word(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FNV1a()
        for byte in bytes { hash.combine(byte) }
        return hash.value
    }

    static func word(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.combine(text)
        return hash.value
    }
}

/// The text's UTF-8 in place: a native String's bytes are contiguous, so this copies nothing.
func withUTF8Buffer<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) {
        return result
    }
    var copy = text
    return copy.withUTF8(body)
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
            var previous: String?
            for token in clause {
                withUTF8Buffer(of: token.text) { word in
                    var unigram = FNV1a()
                    unigram.combine(UInt8(ascii: token.negated ? "v" : "w"))
                    unigram.combine(word)
                    body(unigram.value)
                    if let previous {
                        var pair = FNV1a()
                        pair.combine(UInt8(ascii: "b"))
                        pair.combine(previous)
                        pair.combine(UInt8(ascii: " "))
                        pair.combine(word)
                        body(pair.value)
                    }
                    if token.scalarCount <= model.longestTokenForCharacterGrams {
                        grams.hash(word, namespace: token.negated ? "n" : "c", longest: 5, body)
                    }
                }
                previous = token.text
                if model.usesSkeletons, let first = token.text.unicodeScalars.first,
                    SentimentFeatures.isArabicLetter(first)
                {
                    ConsonantSkeleton.write(token.text, into: &skeleton)
                    skeleton.withUnsafeBufferPointer { bones in
                        grams.hash(bones, namespace: token.negated ? "m" : "s", longest: 4, body)
                    }
                }
            }
        }
    }
}

/// Every run of 2…`longest` scalars of "<word>", hashed. Runs sharing a start extend one hash, since FNV-1a is
/// a running hash: the 3-gram's value continues from the 2-gram's. The buffer is reused from word to word.
private struct CharacterGrams {
    private var padded: [UInt8] = []

    init() {
        padded.reserveCapacity(128)
    }

    mutating func hash(
        _ word: UnsafeBufferPointer<UInt8>, namespace: Unicode.Scalar, longest: Int, _ body: (UInt64) -> Void
    ) {
        padded.removeAll(keepingCapacity: true)
        padded.append(UInt8(ascii: "<"))
        padded.append(contentsOf: word)
        padded.append(UInt8(ascii: ">"))
        var seed = FNV1a()
        seed.combine(UInt8(ascii: namespace))
        padded.withUnsafeBufferPointer { bytes in
            var first = 0
            while first < bytes.count {
                var hash = seed
                var end = first
                var scalars = 0
                while end < bytes.count && scalars < longest {
                    let next = end + Self.scalarLength(bytes[end])
                    while end < next {
                        hash.combine(bytes[end])
                        end += 1
                    }
                    scalars += 1
                    if scalars >= 2 {
                        body(hash.value)
                    }
                }
                first += Self.scalarLength(bytes[first])
            }
        }
    }

    /// The length of the UTF-8 sequence this lead byte starts.
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
