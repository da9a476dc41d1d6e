// Fills a database with two years of ticket history, or times the reports over it (BENCHMARKS.md).
//
//   report-bench generate [--tickets 1000000]
//   report-bench run [--runs 20] [--reports volume,response_times,…] [--scopes 30d,30d-email,…]
//
// The database is the server's: `DATABASE_URL=postgres://…` or a SQLite file in `RAAYA_DATA_DIR` (default
// `./data`); `generate` migrates it first and wants it empty.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import RaayaServer

func processCPUMilliseconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1e3 + Double(time.tv_usec) / 1e3 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

/// The value at `fraction` of the sorted values (nearest rank).
func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// A report's range and buckets, as a query string relative to `now`.
struct Scope {
    let name: String
    let days: Int
    let period: String
    let channel: String?

    func query(now: Date) -> String {
        let from = now.addingTimeInterval(-Double(days) * 86_400)
        var query = "from=\(from.ISO8601Format())&to=\(now.ISO8601Format())&period=\(period)"
        if let channel { query += "&channel=\(channel)" }
        return query
    }

    static let all = [
        Scope(name: "30d", days: 30, period: "day", channel: nil),
        Scope(name: "30d-email", days: 30, period: "day", channel: "email"),
        Scope(name: "quarter", days: 91, period: "week", channel: nil),
        Scope(name: "quarter-email", days: 91, period: "week", channel: "email"),
        Scope(name: "year", days: 365, period: "month", channel: nil),
        Scope(name: "year-email", days: 365, period: "month", channel: "email"),
    ]
}

let command = CommandLine.arguments.dropFirst().first ?? "run"
let configuration = try Configuration.fromEnvironment(ProcessInfo.processInfo.environment)
let runtime = try await RaayaRuntime.make(configuration)
do {
    switch command {
    case "generate":
        let tickets = Int(option("tickets") ?? "") ?? 1_000_000
        try await runtime.migrate()
        let clock = ContinuousClock()
        let started = clock.now
        let generator = HistoryGenerator(tickets: tickets, end: Date())
        try await generator.generate(
            write: { work in try await runtime.bulkWrite(work) },
            progress: { made in
                if made % 100_000 == 0 || made == tickets {
                    print("\(made) tickets in \(Int(milliseconds(clock.now - started) / 1_000)) s")
                }
            })
        for (table, count) in try await runtime.counts(of: ["tickets", "messages", "ticket_events", "ticket_tags", "customers"]) {
            print("\(table): \(count) rows")
        }
    case "run":
        let runs = Int(option("runs") ?? "") ?? 20
        let reports = option("reports")?.split(separator: ",").map(String.init)
            ?? ["volume", "response_times", "reopens", "agents", "capacity", "satisfaction", "self_service"]
        let names = option("scopes")?.split(separator: ",").map(String.init)
        let scopes = Scope.all.filter { names?.contains($0.name) ?? true }
        let clock = ContinuousClock()
        print("report | scope | median ms | p95 ms | max ms | CPU ms/op | bytes")
        for scope in scopes {
            for report in reports {
                let query = scope.query(now: Date())
                var walls: [Double] = []
                let cpuBefore = processCPUMilliseconds()
                var bytes = 0
                for _ in 0..<runs {
                    let started = clock.now
                    bytes = try await runtime.report(report, query: query).count
                    walls.append(milliseconds(clock.now - started))
                }
                let cpu = (processCPUMilliseconds() - cpuBefore) / Double(runs)
                print(
                    "\(report) | \(scope.name) | \(Int(percentile(walls, 0.5))) | \(Int(percentile(walls, 0.95))) | "
                        + "\(Int(walls.max() ?? 0)) | \(Int(cpu)) | \(bytes)")
            }
        }
    default:
        print("usage: report-bench generate [--tickets N] | run [--runs N] [--reports a,b] [--scopes 30d,year-email]")
    }
} catch {
    try? await runtime.shutdown()
    throw error
}
try await runtime.shutdown()
