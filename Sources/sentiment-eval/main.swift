// Scores the shipped Swift sentiment model on the held-out splits tools/sentiment/train.py writes, and times it.
// Run with: swift run -c release sentiment-eval [/tmp/raaya-sentiment/heldout] [--runs 5]
//
// Every *.jsonl in the directory ({"text","label","lang","file","python_label"?}) is scored by the model and by
// the lexicon-only baseline; accuracy and macro-F1 (over the classes the gold labels have) are printed per file
// and per language, with how often Swift agrees with the Python model's label. Then messages per second on one
// core over the held-out messages of 10–40 words, and the time to decode the embedded model, as medians.
import Foundation
import RaayaCore

struct Item: Decodable {
    let text: String
    let label: String
    let lang: String
    let file: String
    let pythonLabel: String?

    enum CodingKeys: String, CodingKey {
        case text, label, lang, file
        case pythonLabel = "python_label"
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 5
let directory = arguments.first { !$0.hasPrefix("--") && Int($0) == nil } ?? "/tmp/raaya-sentiment/heldout"

func readItems(_ path: String) -> [Item] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    let decoder = JSONDecoder()
    return text.split(separator: "\n").compactMap { try? decoder.decode(Item.self, from: Data($0.utf8)) }
}

/// Macro-F1 over the classes present in the gold labels (sources without neutral are scored on two classes).
func macroF1(_ gold: [String], _ predicted: [String]) -> Double {
    let classes = Set(gold)
    let f1s = classes.map { c -> Double in
        let tp = zip(gold, predicted).filter { $0 == c && $1 == c }.count
        let fp = zip(gold, predicted).filter { $0 != c && $1 == c }.count
        let fn = zip(gold, predicted).filter { $0 == c && $1 != c }.count
        let precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
        let recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    return f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
}

func accuracy(_ gold: [String], _ predicted: [String]) -> Double {
    gold.isEmpty ? 0 : Double(zip(gold, predicted).filter { $0 == $1 }.count) / Double(gold.count)
}

func percent(_ value: Double) -> String { String(format: "%.3f", value) }

/// Process CPU time: with one thread, the time one core spent.
func cpuSeconds() -> Double {
    Double(clock()) / Double(CLOCKS_PER_SEC)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

// Load time: decoding the embedded model, as the first use in a process does.
var loadTimes: [Double] = []
for _ in 0..<max(runs, 3) {
    let start = Date()
    _ = try SentimentModel.embedded()
    loadTimes.append(Date().timeIntervalSince(start))
}
let model = SentimentModel.shared

let files =
    (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".jsonl") }
    .sorted() ?? []
var timingTexts: [String] = []
var allTexts: [String] = []
print("| file | group | n | accuracy | macro-F1 | baseline accuracy | baseline macro-F1 | Swift = Python |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for file in files {
    let items = readItems(directory + "/" + file)
    let predicted = items.map { model.analyze($0.text).label.rawValue }
    let baseline = items.map { model.lexiconBaseline($0.text).rawValue }
    var groups: [(String, [Int])] = []
    for lang in ["ar", "en"] {
        let indices = items.indices.filter { items[$0].lang == lang }
        if !indices.isEmpty { groups.append(("lang=\(lang)", indices)) }
    }
    for source in Set(items.map(\.file)).sorted() {
        groups.append(("source=\(source)", items.indices.filter { items[$0].file == source }))
    }
    for (name, indices) in groups {
        let gold = indices.map { items[$0].label }
        let model = indices.map { predicted[$0] }
        let base = indices.map { baseline[$0] }
        let withPython = indices.filter { items[$0].pythonLabel != nil }
        let agreement =
            withPython.isEmpty
            ? "–"
            : percent(
                Double(withPython.filter { items[$0].pythonLabel == predicted[$0] }.count)
                    / Double(withPython.count))
        let classes = Set(gold).count == 3 ? "" : " (\(Set(gold).count) classes)"
        print(
            "| \(file) | \(name)\(classes) | \(indices.count) | \(percent(accuracy(gold, model))) |"
                + " \(percent(macroF1(gold, model))) | \(percent(accuracy(gold, base))) |"
                + " \(percent(macroF1(gold, base))) | \(agreement) |")
    }
    allTexts += items.map(\.text)
    if !file.hasPrefix("arabizi") {
        timingTexts += items.map(\.text).filter { (10...40).contains($0.split(separator: " ").count) }
    }
}

// Every score summed at full precision: a change meant to make scoring faster must leave it exactly as it was.
var scoreChecksum = 0.0
for text in allTexts {
    scoreChecksum += model.analyze(text).score
}

// Throughput on one core: this loop runs on one thread.
var rates: [Double] = []
var cpuPerMessage: [Double] = []
if !timingTexts.isEmpty {
    for _ in 0..<runs {
        let wallStart = Date()
        let cpuStart = cpuSeconds()
        var checksum = 0.0
        for text in timingTexts {
            checksum += model.analyze(text).score
        }
        let wall = Date().timeIntervalSince(wallStart)
        rates.append(Double(timingTexts.count) / wall)
        cpuPerMessage.append((cpuSeconds() - cpuStart) / Double(timingTexts.count))
        if checksum.isNaN { print("unexpected NaN score") }
    }
}
print(
    "\nthroughput: \(Int(median(rates))) messages/s (median of \(rates.count) runs over \(timingTexts.count)"
        + " messages of 10–40 words), CPU \(String(format: "%.1f", median(cpuPerMessage) * 1e6)) µs/message")
print("score checksum: \(String(format: "%.17g", scoreChecksum)) over all \(allTexts.count) messages")
print("model load: \(String(format: "%.1f", median(loadTimes) * 1000)) ms (median of \(loadTimes.count))")
