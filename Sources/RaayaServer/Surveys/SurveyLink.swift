import Crypto
import Foundation
import RaayaCore

/// The link in a survey invitation: `/help/survey/v1.<invitation>.<HMAC-SHA256, hex>`. Only Raaya can make one, so
/// nobody answers for another customer by changing the number; `?score=N` on it is the one-click rating of the
/// mail. How long it works and how often it may be answered is kept with the invitation (`SurveyRules`).
struct SurveyLink: Sendable, Equatable {
    let invitationID: Int

    func token(with key: SymmetricKey) -> String {
        "v1.\(invitationID).\(Hex.encode(HMAC<SHA256>.authenticationCode(for: purpose, using: key)))"
    }

    func url(publicURL: String, key: SymmetricKey, score: Int? = nil) -> String {
        "\(publicURL)/help/survey/\(token(with: key))" + (score.map { "?score=\($0)" } ?? "")
    }

    /// The link's invitation, or nil when the token is not one Raaya made with this key.
    static func verify(_ token: String, with key: SymmetricKey) -> SurveyLink? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let id = Int(parts[1]), let given = Hex.decode(String(parts[2]))
        else { return nil }
        let link = SurveyLink(invitationID: id)
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: link.purpose, using: key) ? link : nil
    }

    private var purpose: [UInt8] { Array("raaya-survey:\(invitationID)".utf8) }
}
