import Crypto
import Foundation
import RaayaCore

/// What a chat visitor's browser keeps so that a reload, or a return days later, continues the conversation:
/// `v1.<visitor id>.<HMAC-SHA256 of the id, hex>`. Only Raaya can make one, so a visitor cannot read another's
/// conversation by guessing an id.
struct ChatVisitorToken: Sendable, Equatable {
    let visitorID: String

    static func new() -> ChatVisitorToken {
        ChatVisitorToken(visitorID: UUID().uuidString.lowercased())
    }

    func signed(with key: SymmetricKey) -> String {
        "v1.\(visitorID).\(Self.signature(of: visitorID, key: key))"
    }

    /// The token's visitor, or nil when the token is not one Raaya made with this key.
    static func verify(_ token: String, with key: SymmetricKey) -> ChatVisitorToken? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", UUID(uuidString: String(parts[1])) != nil,
            let given = Hex.decode(String(parts[2]))
        else { return nil }
        let id = String(parts[1]).lowercased()
        guard HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Array(purpose(id).utf8), using: key) else {
            return nil
        }
        return ChatVisitorToken(visitorID: id)
    }

    private static func purpose(_ id: String) -> String { "raaya-chat-visitor:\(id)" }

    private static func signature(of id: String, key: SymmetricKey) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(purpose(id).utf8), using: key))
    }
}
