import RaayaMail

/// Test fixtures shared by the SMTP tests. Names carry `SMTP` so they cannot clash with other tests of the target.
enum SMTPFixture {
    static let arabicMessage =
        "From: عميل <customer@example.test>\r\n"
        + "To: خدمة@مثال.test\r\n"
        + "Subject: استفسار عن الفاتورة\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "\r\n"
        + "مرحبا، لدي سؤال عن فاتورة شهر مارس.\r\n"
        + ".هذا السطر يبدأ بنقطة\r\n"
        + "شكرا\r\n"

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The text as a client puts it on the wire: a dot doubled at the start of each line (RFC 5321 §4.5.2).
    static func dotStuffed(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
    }
}

extension Array where Element == SMTPServerAction {
    var replyCodes: [Int] {
        compactMap {
            if case .reply(let reply) = $0 { return reply.code }
            return nil
        }
    }
}

/// Plays the application around a server session: answers recipient checks from a set of mailboxes and stores
/// messages, so a test reads as the conversation the client sees.
struct SMTPServerHarness {
    var session: SMTPServerSession
    var mailboxes: Set<String>
    var deliveryResult = SMTPServerSession.DeliveryResult.queued(id: "Q1")
    private(set) var delivered: [SMTPEnvelope] = []
    private(set) var checked: [String] = []
    private(set) var closed = false

    init(maxMessageSize: Int = 1_048_576, mailboxes: Set<String> = ["support@raaya.test", "خدمة@مثال.test"]) {
        session = SMTPServerSession(hostname: "mx.raaya.test", maxMessageSize: maxMessageSize)
        self.mailboxes = mailboxes
    }

    /// Feeds the text and returns every reply the client would read, answering the session's questions on the way.
    mutating func send(_ text: String) -> [SMTPReply] {
        send(SMTPFixture.bytes(text))
    }

    mutating func send(_ bytes: [UInt8]) -> [SMTPReply] {
        run(session.receive(bytes))
    }

    mutating func run(_ first: [SMTPServerAction]) -> [SMTPReply] {
        var actions = first
        var replies: [SMTPReply] = []
        var index = 0
        while index < actions.count {
            switch actions[index] {
            case .reply(let reply):
                replies.append(reply)
            case .checkRecipient(let address):
                checked.append(address)
                actions += session.recipientChecked(accepted: mailboxes.contains(address))
            case .deliver(let envelope):
                delivered.append(envelope)
                actions += session.deliveryFinished(deliveryResult)
            case .close:
                closed = true
            }
            index += 1
        }
        return replies
    }
}

/// SplitMix64: a small generator whose sequence depends only on its seed, so random chunkings repeat exactly.
struct SMTPSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
