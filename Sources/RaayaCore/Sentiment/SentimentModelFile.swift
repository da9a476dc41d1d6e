import Foundation

/// The parts of a trained sentiment model, as decoded from the embedded data (layout: tools/sentiment/export.py).
/// Everything language-specific — lexicons, negators, question and request words — comes from the file, so the
/// Python trainer stays the one place where they are written down.
struct SentimentModelFile: Sendable {
    static let classCount = 3

    let bucketMask: UInt64
    let denseCount: Int
    let usesSkeletons: Bool
    let negationScope: Int
    let longestTokenForCharacterGrams: Int
    let negatedFlip: Double
    let baselineThreshold: Double
    let intercepts: [Double]
    let scales: [Double]
    /// Class-major: `denseWeights[class * denseCount + feature]`.
    let denseWeights: [Double]
    /// Every word the features treat specially — negators, lexicon words, question and request words — keyed
    /// by the FNV-1a hash of its UTF-8 bytes: one cheap lookup a token, byte for byte as Python compares code
    /// points (a 64-bit collision among ~8,000 words is not a practical concern).
    let words: [UInt64: WordEntry]
    /// Emoticons as typed (":)", ":-(") → polarity; only whitespace-separated ASCII pieces are looked up.
    let emoticons: [String: Double]
    let longestEmoticon: Int
    let emoji: [UInt32: Double]
    /// No emoji is below this scalar, so Arabic and Latin letters skip the emoji lookup.
    let lowestEmoji: UInt32
    /// Bucket-major: the three classes of one bucket are adjacent.
    let weights: [Int8]

    struct WordRoles: OptionSet, Sendable {
        let rawValue: UInt8
        static let negator = WordRoles(rawValue: 1)
        static let scopeBreaker = WordRoles(rawValue: 2)
        static let questionWord = WordRoles(rawValue: 4)
        /// A question only at the start of a clause ("can you …").
        static let questionStarter = WordRoles(rawValue: 8)
        static let request = WordRoles(rawValue: 16)
    }

    struct WordEntry: Sendable {
        var roles: WordRoles = []
        /// On VADER's scale, about −4…4; nil for a word with no polarity.
        var polarity: Double?
    }

    enum DecodingError: Error, Equatable {
        case notBase64
        case notASentimentModel
        case unsupportedVersion(UInt32)
        case truncated
    }

    init(base64: String) throws {
        guard let data = Data(base64Encoded: base64) else { throw DecodingError.notBase64 }
        var reader = Reader(bytes: [UInt8](data))
        guard try reader.bytes(4).elementsEqual("RSNT".utf8) else { throw DecodingError.notASentimentModel }
        let version = try reader.uint32()
        guard version == 1 else { throw DecodingError.unsupportedVersion(version) }
        let bits = try reader.uint32()
        bucketMask = (UInt64(1) << UInt64(bits)) - 1
        denseCount = Int(try reader.uint32())
        usesSkeletons = try reader.uint32() & 1 != 0
        negationScope = Int(try reader.uint32())
        longestTokenForCharacterGrams = Int(try reader.uint32())
        negatedFlip = Double(try reader.float32())
        baselineThreshold = Double(try reader.float32())
        intercepts = try reader.float32s(Self.classCount)
        scales = try reader.float32s(Self.classCount)
        denseWeights = try reader.float32s(Self.classCount * denseCount)
        var words: [UInt64: WordEntry] = [:]
        for role in [WordRoles.negator, .scopeBreaker, .questionWord, .questionStarter, .request] {
            for word in try reader.words() {
                words[FNV1a.word(word.utf8), default: WordEntry()].roles.insert(role)
            }
        }
        for (word, polarity) in try reader.scoredWords() {
            words[FNV1a.word(word.utf8), default: WordEntry()].polarity = polarity
        }
        self.words = words
        emoticons = Dictionary(uniqueKeysWithValues: try reader.scoredWords())
        longestEmoticon = emoticons.keys.map(\.utf8.count).max() ?? 0
        var emoji: [UInt32: Double] = [:]
        for _ in 0..<Int(try reader.uint32()) {
            emoji[try reader.uint32()] = Double(try reader.float32())
        }
        self.emoji = emoji
        lowestEmoji = emoji.keys.min() ?? UInt32.max
        weights = try reader.bytes(Self.classCount << Int(bits)).map { Int8(bitPattern: $0) }
    }
}

/// Reads the little-endian layout written by export.py.
private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw SentimentModelFile.DecodingError.truncated }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() throws -> UInt32 {
        try bytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func float32() throws -> Float {
        Float(bitPattern: try uint32())
    }

    mutating func float32s(_ count: Int) throws -> [Double] {
        try (0..<count).map { _ in Double(try float32()) }
    }

    mutating func string() throws -> String {
        let length = try bytes(2).reversed().reduce(0) { $0 << 8 | Int($1) }
        return String(decoding: try bytes(length), as: UTF8.self)
    }

    mutating func words() throws -> [String] {
        try (0..<Int(try uint32())).map { _ in try string() }
    }

    mutating func scoredWords() throws -> [(String, Double)] {
        try (0..<Int(try uint32())).map { _ in (try string(), Double(try float32())) }
    }
}
