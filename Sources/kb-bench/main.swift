// Builds a synthetic bilingual help center of 10,000 articles and times 1,000 searches on one thread.
// Run with: swift run -c release kb-bench [articles] [queries]
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import RaayaCore

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let articleCount = arguments.first ?? 10_000
let queryCount = arguments.dropFirst().first ?? 1_000

func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

func format(_ value: Double, digits: Int = 3) -> String {
    let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
    let rounded = (value * scale).rounded() / scale
    return "\(rounded)"
}

var generator = SeededGenerator(seed: 20_240_601)
let clock = ContinuousClock()

let generationStart = clock.now
let corpus = SyntheticHelpCenter.corpus(articles: articleCount, using: &generator)
print("generated \(articleCount) articles in \(format(milliseconds(clock.now - generationStart), digits: 0)) ms")

let buildStart = clock.now
var index = KnowledgeIndex(synonyms: SyntheticHelpCenter.synonyms)
for document in corpus.documents {
    index.upsert(document)
}
print(
    "indexed in \(format(milliseconds(clock.now - buildStart), digits: 0)) ms: \(index.count) articles, \(index.termCount) terms"
)

// Queries shaped like support questions: filler words, attached prepositions, typos, synonyms, and some
// questions about nothing the help center covers.
func question(using generator: inout SeededGenerator) -> String {
    func words(_ vocabulary: ZipfVocabulary, _ count: ClosedRange<Int>) -> [String] {
        (0..<Int.random(in: count, using: &generator)).map { _ in vocabulary.draw(using: &generator) }
    }
    switch Int.random(in: 0..<10, using: &generator) {
    case 0..<4:
        let filler = ["كيف", "وين", "ابغى", "عايز", "ليش", "هل"].randomElement(using: &generator)!
        let body = words(corpus.arabic, 2...4).map { SyntheticHelpCenter.arabicForm($0, using: &generator) }
        return ([filler] + body).joined(separator: " ") + "؟"
    case 4..<7:
        let filler = ["how do I", "where is my", "can I", "why is my"].randomElement(using: &generator)!
        return ([filler] + words(corpus.english, 2...4)).joined(separator: " ")
    case 7:
        var word = Array(words(corpus.english, 1...1)[0] + "ing")
        let position = Int.random(in: 1..<(word.count - 1), using: &generator)
        word.swapAt(position, position - 1)
        return "problem with " + String(word)
    case 8:
        return ["عندي مشكلة في الفاتورة", "how do I get a refund", "نسيت كلمة المرور", "ابغى الغي الطلب"]
            .randomElement(using: &generator)!
    default:
        let letters = Array("bcdfghjklmnpqrstvwxz")
        return (0..<3).map { _ in String((0..<7).map { _ in letters.randomElement(using: &generator)! }) }
            .joined(separator: " ")
    }
}

let queries = (0..<queryCount).map { _ in question(using: &generator) }
var checksum = 0
for query in queries.prefix(100) {  // warm-up
    checksum &+= index.search(query, language: "ar", limit: 10).count
}

var wall: [Double] = []
var cpu: [Double] = []
for query in queries {
    let cpuStart = threadCPUNanoseconds()
    let start = clock.now
    let hits = index.search(query, language: "ar", limit: 10)
    let elapsed = clock.now - start
    cpu.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
    wall.append(milliseconds(elapsed))
    checksum &+= hits.count
}

wall.sort()
func percentile(_ sorted: [Double], _ share: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * share).rounded(.up)) - 1)]
}
print("searched \(queryCount) queries (checksum \(checksum))")
print(
    "wall ms per query: p50 \(format(percentile(wall, 0.5))) p90 \(format(percentile(wall, 0.9)))"
        + " p99 \(format(percentile(wall, 0.99))) max \(format(wall.last ?? 0))")
print(
    "CPU ms per query: mean \(format(cpu.reduce(0, +) / Double(cpu.count)))"
        + " p99 \(format(percentile(cpu.sorted(), 0.99)))")
