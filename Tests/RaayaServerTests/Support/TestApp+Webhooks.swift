import Crypto
import Foundation
import NIOCore
import RaayaCore
import Vapor
@testable import RaayaServer

extension TestApp {
    /// Posts JSON as a webhook source does: no token, `X-Hub-Signature-256` over the body with `secret` (or the
    /// `signature` given, to test wrong ones).
    func sendSigned(_ path: String, _ json: [String: Any], secret: String, signature: String? = nil) async throws
        -> TestResponse
    {
        let body = try JSONSerialization.data(withJSONObject: json)
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(
            name: "X-Hub-Signature-256", value: signature ?? "sha256=" + Hex.encode(mac))
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
        return TestResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }
}
