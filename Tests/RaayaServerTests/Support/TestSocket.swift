import Foundation
import NIOCore
import NIOPosix
import Testing
import Vapor
@testable import RaayaServer

extension TestApp {
    /// Starts the HTTP server on a free port of 127.0.0.1 (websockets need a real one); returns the port.
    func serve() async throws -> Int {
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        return try #require(app.http.server.shared.localAddress?.port)
    }
}

/// A websocket client of a running Raaya that keeps every JSON frame it receives.
actor TestSocket {
    private var socket: WebSocket?
    private var frames: [String] = []
    private(set) var isClosed = false

    static func connect(port: Int, path: String, token: String? = nil) async throws -> TestSocket {
        let client = TestSocket()
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        try await WebSocket.connect(to: "ws://127.0.0.1:\(port)\(path)", headers: headers, on: MultiThreadedEventLoopGroup.singleton) { socket in
            socket.onText { _, text in Task { await client.received(text) } }
            socket.onClose.whenComplete { _ in Task { await client.closed() } }
            Task { await client.attach(socket) }
        }
        for _ in 0..<200 where await client.socket == nil { try await Task.sleep(for: .milliseconds(10)) }
        return client
    }

    private func attach(_ socket: WebSocket) { self.socket = socket }
    private func received(_ text: String) { frames.append(text) }
    private func closed() { isClosed = true }

    func send(_ frame: [String: Any]) async throws {
        let data = try JSONSerialization.data(withJSONObject: frame)
        try await #require(socket).send(String(decoding: data, as: UTF8.self))
    }

    /// The first frame of this type not taken yet (earlier frames of other types stay), waiting up to 15 s (a busy
    /// machine running the suites in parallel can be slow).
    nonisolated func next(_ type: String) async throws -> [String: Any] {
        let text = try await nextText(type)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    private func nextText(_ type: String) async throws -> String {
        for _ in 0..<1_500 {
            if let index = frames.firstIndex(where: { Self.type(of: $0) == type }) {
                return frames.remove(at: index)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("no \(type) frame within 15 s; frames so far: \(frames)")
        throw CancellationError()
    }

    private static func type(of text: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["type"] as? String
    }

    /// Whether a frame of this type arrives within `wait` (for checking that one does not).
    func receives(_ type: String, within wait: Duration = .milliseconds(500)) async throws -> Bool {
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            if frames.contains(where: { Self.type(of: $0) == type }) { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    func close() async {
        try? await socket?.close()
    }
}
