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
