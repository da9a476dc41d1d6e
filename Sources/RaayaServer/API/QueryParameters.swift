import Foundation
import RaayaCore
import Vapor

/// Typed reading of the URL query, with errors that name the parameter. The query is parsed once.
struct QueryParameters {
    private let values: [String: String]

    init(request: Request) {
        var values: [String: String] = [:]
        for pair in (request.url.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String? {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = parts.first.flatMap(decode) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if values[name] == nil, let value { values[name] = value }
        }
        self.values = values
    }

    func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    /// A whole number; Arabic-Indic digits are accepted.
    func integer(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let raw = string(name) else { return nil }
        guard let value = Identity.wholeNumber(raw) else { throw DomainError.invalid(name, "must be a whole number") }
        if let range, !range.contains(value) {
            throw DomainError.invalid(name, "must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func value<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let raw = string(name) else { return nil }
        guard let value = T(rawValue: raw) else {
            throw DomainError.invalid(name, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// An instant (see `QueryParameters.instant(_:timeZone:)`); nil when absent.
    func instant(_ name: String, timeZone: TimeZone) throws -> Date? {
        guard let raw = string(name) else { return nil }
        return try Self.instant(raw, field: name, timeZone: timeZone)
    }

    /// An instant written as RFC 3339 (`2026-12-01T09:00:00Z`), or as a day (`2026-12-01`, Arabic-Indic digits
    /// too) meaning its midnight in `timeZone`.
    static func instant(_ raw: String, field: String, timeZone: TimeZone) throws -> Date {
        let text = Identity.withASCIIDigits(raw.trimmingWhitespace())
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let parts = text.split(separator: "-").map { Int($0) }
        if parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let components = DateComponents(year: year, month: month, day: day)
            if components.isValidDate(in: calendar), let date = calendar.date(from: components) { return date }
        }
        throw DomainError.invalid(field, "must be a date (2026-12-01) or an RFC 3339 time (2026-12-01T09:00:00Z)")
    }

    /// A time zone name such as `Asia/Riyadh`; UTC when absent.
    func timeZone(_ name: String = "time_zone") throws -> TimeZone {
        guard let raw = string(name) else { return TimeZone(identifier: "UTC")! }
        guard let zone = TimeZone(identifier: raw) else { throw DomainError.invalid(name, "is not a known time zone") }
        return zone
    }

    var limit: Int {
        get throws { try integer("limit", in: 1...Limits.pageSizeMax) ?? Limits.pageSizeDefault }
    }
}

extension Request {
    var queryParameters: QueryParameters { QueryParameters(request: self) }

    /// The integer id in the path; anything else is a 404, as for an id that does not exist.
    func pathID(_ name: String = "id", resource: String) throws -> Int {
        guard let id = parameters.get(name, as: Int.self) else { throw DomainError.notFound(resource: resource) }
        return id
    }
}
