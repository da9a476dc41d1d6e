import RaayaMail
import Testing

@Suite("SMTP client and server talking to each other")
struct SMTPLoopbackTests {
    @Test("an Arabic message to a UTF-8 mailbox goes through end to end", arguments: [1, 7, 4096])
    func endToEnd(chunkSize: Int) {
        var server = SMTPServerHarness()
        var client = SMTPClientSession(
            hostname: "app.raaya.test", mailFrom: "عميل@مثال.test",
            recipients: ["خدمة@مثال.test", "nobody@raaya.test", "support@raaya.test"],
            message: SMTPFixture.bytes(SMTPFixture.arabicMessage.replacing("\r\n", with: "\n")),
            credentials: nil, tlsAvailable: false, requireTLS: false)

        var toClient = server.session.greeting().bytes
        var result: SMTPClientResult?
        var rounds = 0
        while result == nil && rounds < 100 {
            rounds += 1
            var toServer: [UInt8] = []
            for action in client.receive(toClient) {
                switch action {
                case .send(let bytes): toServer += bytes
                case .done(let outcome): result = outcome
                case .startTLS: Issue.record("no TLS was offered")
                }
            }
            toClient = []
            // The network may cut the client's writes anywhere.
            var start = 0
            while start < toServer.count {
                let end = min(toServer.count, start + chunkSize)
                toClient += server.send(Array(toServer[start..<end])).flatMap(\.bytes)
                start = end
            }
            if server.closed && toClient.isEmpty && result == nil {
                result =
                    client.connectionLost("closed by the server").compactMap {
                        if case .done(let outcome) = $0 { return outcome }
                        return nil
                    }.first
            }
        }

        guard case .delivered(let accepted, let refused, let serverReply) = result else {
            Issue.record("expected a delivery, got \(String(describing: result))")
            return
        }
        #expect(accepted == ["خدمة@مثال.test", "support@raaya.test"])
        #expect(refused.map(\.address) == ["nobody@raaya.test"])
        #expect(refused.first?.reply.code == 550)
        #expect(serverReply == "250 2.0.0 Queued as Q1")
        #expect(
            server.delivered == [
                SMTPEnvelope(
                    mailFrom: "عميل@مثال.test", recipients: ["خدمة@مثال.test", "support@raaya.test"],
                    data: SMTPFixture.bytes(SMTPFixture.arabicMessage))
            ])
        #expect(server.closed)
        #expect(client.isFinished)
    }
}
