import Foundation
import RaayaCore
import Vapor

/// The API's JSON: explicit snake_case keys in each DTO, RFC 3339 UTC times with milliseconds.
enum JSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(rfc3339(date))
        }
        return encoder
    }()

    static let decoder = JSONDecoder()

    static func rfc3339(_ date: Date) -> String {
        RFC3339.string(millisecondsSince1970: date.millisecondsSince1970)
    }

    static func response(_ value: some Encodable, status: HTTPStatus = .ok) throws -> Response {
        let body = try encoder.encode(value)
        return response(body: body, status: status)
    }

    static func response(body: Data, status: HTTPStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: body))
    }
}

extension Request {
    /// Decodes the JSON body, naming the offending field when it cannot.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw DomainError.malformed(field: nil, detail: "the request needs a JSON body")
        }
        do {
            return try JSON.decoder.decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw DomainError(error)
        }
    }
}

extension DomainError {
    /// Turns a decoding failure into the error a client can act on: which field, and what is wrong with it.
    init(_ error: DecodingError) {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            (codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            self = .invalid(path(context.codingPath, key), "is required")
        case .valueNotFound(_, let context):
            self = .invalid(path(context.codingPath), "must not be null")
        case .typeMismatch(let type, let context):
            self = .malformed(field: path(context.codingPath), detail: "must be \(Self.jsonTypeName(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                self = .malformed(field: nil, detail: "the body is not valid JSON")
            } else {
                self = .invalid(path(context.codingPath), "has a value that is not allowed")
            }
        @unknown default:
            self = .malformed(field: nil, detail: "the body could not be read")
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
