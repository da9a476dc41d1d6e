// Scores knowledge-base search on a held-out question set.
// Run with: swift run -c release kb-eval [articles.json] [questions.json] [--list-misses]
//      or:  swift run -c release kb-eval --ask "question" … (the hits for each question, for development)
//
// Indexes the published articles, asks every question in its language, and prints top-1 and top-3 accuracy
// overall and per variety, then the confidence of questions that have no answer next to that of questions
// answered correctly, with the trade-off at a range of thresholds, to choose the chat bot's hand-off
// threshold. Only aggregates are printed unless --list-misses is given, so that running the evaluation does
// not expose the held-out questions to whoever tunes the engine.
import Foundation
import RaayaCore

struct ArticlesFile: Decodable {
    struct Article: Decodable {
        struct Translation: Decodable {
            let title: String
            let body: String
        }

        let slug: String
        let state: String
        let tags: [String]?
        let translations: [String: Translation]
    }

    let articles: [Article]
    /// Optional admin synonym groups; the demo content has none.
    let synonyms: [[String]]?
}

struct Question: Decodable {
    let q: String
    let lang: String
    let variety: String
    let answers: [String]
}

let arguments = CommandLine.arguments.dropFirst()
let listMisses = arguments.contains("--list-misses")
let asked = arguments.firstIndex(of: "--ask").map { Array(arguments[($0 + 1)...]) } ?? []
let paths = asked.isEmpty ? arguments.filter { !$0.hasPrefix("--") } : []
let articlesPath = paths.first ?? "demo/knowledge-base/articles.json"
let questionsPath = paths.dropFirst().first ?? "demo/knowledge-base/questions.json"

func load<T: Decodable>(_ type: T.Type, from path: String) -> T {
    do {
        return try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        FileHandle.standardError.write(Data("cannot read \(path): \(error)\n".utf8))
        exit(1)
    }
}

let content = load(ArticlesFile.self, from: articlesPath)
let questions = load([Question].self, from: questionsPath)

var index = KnowledgeIndex(synonyms: Synonyms.withEveryday(content.synonyms ?? []))
var slugs: [Int: String] = [:]
for (number, article) in content.articles.enumerated() where article.state == "published" {
    slugs[number] = article.slug
    // Tags belong to the article, so every translation carries all of them.
    let translations = article.translations.sorted { $0.key < $1.key }.map { language, text in
        KnowledgeIndex.Translation(language: language, title: text.title, body: text.body, tags: article.tags ?? [])
    }
    index.upsert(KnowledgeIndex.Document(articleID: number, translations: translations))
}

func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "–" : "\(Int((100 * Double(part) / Double(whole)).rounded()))%"
}

func two(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

struct Tally {
    var asked = 0
    var first = 0
    var topThree = 0
}

for question in asked {
    print(question, Arabizi.isArabizi(question) ? "(Arabizi: \(Arabizi.toArabic(question)))" : "")
    for hit in index.search(question, limit: 5) {
        print("  \(slugs[hit.articleID] ?? "?") score \(two(hit.score)) coverage \(two(hit.coverage))")
    }
}
if !asked.isEmpty {
    exit(0)
}

var overall = Tally()
var byVariety: [String: Tally] = [:]
var confidenceWithoutAnswer: [Double] = []
var confidenceWhenRight: [Double] = []
var confidenceWhenWrong: [Double] = []
var misses: [String] = []

for question in questions {
    let hits = index.search(question.q, language: question.lang, limit: 3)
    let confidence = SearchConfidence(hits).value
    let found = hits.compactMap { slugs[$0.articleID] }
    guard !question.answers.isEmpty else {
        confidenceWithoutAnswer.append(confidence)
        continue
    }
    var tally = byVariety[question.variety] ?? Tally()
    tally.asked += 1
    overall.asked += 1
    if let top = found.first, question.answers.contains(top) {
        tally.first += 1
        overall.first += 1
        confidenceWhenRight.append(confidence)
    } else {
        confidenceWhenWrong.append(confidence)
        misses.append("[\(question.variety)] \(question.q) → \(found) (expected \(question.answers))")
    }
    if found.contains(where: question.answers.contains) {
        tally.topThree += 1
        overall.topThree += 1
    }
    byVariety[question.variety] = tally
}

print("indexed \(index.count) published articles; \(questions.count) questions, \(overall.asked) with an answer")
print("")
print("variety              asked  top-1  top-3")
for (variety, tally) in byVariety.sorted(by: { $0.key < $1.key }) + [("overall", overall)] {
    let name = variety.padding(toLength: 20, withPad: " ", startingAt: 0)
    let asked = String(tally.asked).leftPadded(to: 6)
    print(
        "\(name) \(asked)  \(percent(tally.first, tally.asked).leftPadded(to: 5))  "
            + "\(percent(tally.topThree, tally.asked).leftPadded(to: 5))")
}

func summary(_ values: [Double]) -> String {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return "none" }
    let median = sorted[sorted.count / 2]
    return "n=\(sorted.count) min \(two(sorted[0])) median \(two(median)) max \(two(sorted[sorted.count - 1]))"
}

print("")
print("confidence (SearchConfidence.value of the top hit)")
print("  no answer in the KB:    \(summary(confidenceWithoutAnswer))")
print("    values: \(confidenceWithoutAnswer.sorted().map(two).joined(separator: " "))")
print("  answered, top-1 right:  \(summary(confidenceWhenRight))")
print("  answered, top-1 wrong:  \(summary(confidenceWhenWrong))")
print("")
print("threshold  answers right  answers wrong  no-answer questions answered")
for step in stride(from: 20, through: 90, by: 10) {
    let threshold = Double(step) / 100
    let right = confidenceWhenRight.filter { $0 >= threshold }.count
    let wrong = confidenceWhenWrong.filter { $0 >= threshold }.count
    let falseAnswers = confidenceWithoutAnswer.filter { $0 >= threshold }.count
    print(
        "  \(two(threshold))      \(percent(right, overall.asked).leftPadded(to: 5))          "
            + "\(percent(wrong, overall.asked).leftPadded(to: 5))          "
            + "\(falseAnswers)/\(confidenceWithoutAnswer.count)")
}

if listMisses {
    print("")
    print("misses at top-1:")
    misses.forEach { print("  \($0)") }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
