import Foundation
import RaayaCore

/// The JSON text frames of the chat websockets (`/chat/ws` for visitors, `/api/v1/chat/agents/ws` for agents).
/// Each has a `type`; the README's "Live chat" section describes the conversation.
enum ChatFrame {
    /// What a client sends. Unknown fields are ignored; a frame that is not one of these is answered with an
    /// `error` frame.
    struct Incoming: Decodable, Sendable {
        enum Kind: String, Decodable, Sendable {
            case hello, message, typing, ping
            /// Agents: the ticket whose page is open (`ticket_id`; none when the page closes).
            case watch
        }

        var type: Kind
        var token: String?
        var language: String?
        var clientID: String?
        var text: String?
        var name: String?
        var email: String?
        var active: Bool?
        /// Agents: the ticket they are typing in or watching.
        var ticketID: Int?

        enum CodingKeys: String, CodingKey {
            case type, token, language, text, name, email, active
            case clientID = "client_id"
            case ticketID = "ticket_id"
        }
    }

    /// A message as the visitor's widget shows it: `from` is `visitor`, `agent`, `bot` or `system`.
    struct Message: Encodable, Sendable {
        let id: Int
        let author: AuthorKind
        let name: String?
        let text: String
        let at: Date

        enum CodingKeys: String, CodingKey {
            case type, id, from, name, text, at
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("message", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(author == .customer ? "visitor" : author.rawValue, forKey: .from)
            try container.encode(name, forKey: .name)
            try container.encode(text, forKey: .text)
            try container.encode(at, forKey: .at)
        }
    }

    struct Welcome: Encodable, Sendable {
        let type = "welcome"
        let token: String
        let available: Bool
        let reason: ChatAvailability.Reason?
        let nextOpen: Date?
        let ticketID: Int?
        let messages: [Message]

        enum CodingKeys: String, CodingKey {
            case type, token, available, reason, messages
            case nextOpen = "next_open"
            case ticketID = "ticket_id"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(token, forKey: .token)
            try container.encode(available, forKey: .available)
            try container.encode(reason, forKey: .reason)
            try container.encode(nextOpen, forKey: .nextOpen)
            try container.encode(ticketID, forKey: .ticketID)
            try container.encode(messages, forKey: .messages)
        }
    }

    struct Availability: Encodable, Sendable {
        let type = "availability"
        let available: Bool
        let reason: ChatAvailability.Reason?
        let nextOpen: Date?

        init(_ availability: ChatAvailability) {
            available = availability.available
            reason = availability.reason
            nextOpen = availability.nextOpen
        }

        enum CodingKeys: String, CodingKey {
            case type, available, reason
            case nextOpen = "next_open"
        }
    }

    /// A message was stored: its id and time.
    struct Ack: Encodable, Sendable {
        let type = "ack"
        let clientID: String?
        let id: Int
        let ticketID: Int
        let at: Date

        enum CodingKeys: String, CodingKey {
            case type, id, at
            case clientID = "client_id"
            case ticketID = "ticket_id"
        }
    }

    /// Refused input, named by field like the API's problem details.
    struct Refusal: Encodable, Sendable {
        let type = "error"
        let clientID: String?
        let field: String?
        let detail: String

        enum CodingKeys: String, CodingKey {
            case type, field, detail
            case clientID = "client_id"
        }
    }

    struct Typing: Encodable, Sendable {
        let type = "typing"
        let ticketID: Int?
        let active: Bool
        let name: String?

        enum CodingKeys: String, CodingKey {
            case type, active, name
            case ticketID = "ticket_id"
        }
    }

    struct Pong: Encodable, Sendable {
        let type = "pong"
    }

    // MARK: Agents

    /// The other agents who have the watched ticket open, and whether they are typing in it.
    struct Viewers: Encodable, Sendable {
        struct Viewer: Encodable, Sendable {
            let userID: Int
            let name: String
            let typing: Bool

            enum CodingKeys: String, CodingKey {
                case name, typing
                case userID = "user_id"
            }
        }

        let type = "viewers"
        let ticketID: Int
        let viewers: [Viewer]

        enum CodingKeys: String, CodingKey {
            case type, viewers
            case ticketID = "ticket_id"
        }
    }

    /// Something was stored on the watched ticket (any channel): `kind` is the event's.
    struct TicketChanged: Encodable, Sendable {
        let type = "ticket_changed"
        let ticketID: Int
        let kind: TicketEventKind

        enum CodingKeys: String, CodingKey {
            case type, kind
            case ticketID = "ticket_id"
        }
    }

    /// A chat that waits for an agent: its customer's last message has no answer yet.
    struct WaitingChat: Encodable, Sendable {
        let ticketID: Int
        let subject: String
        let customerName: String
        let status: TicketStatus
        let groupID: Int?
        let assigneeID: Int?
        let waitingSince: Date
        let overdue: Bool

        enum CodingKeys: String, CodingKey {
            case subject, status, overdue
            case ticketID = "ticket_id"
            case customerName = "customer_name"
            case groupID = "group_id"
            case assigneeID = "assignee_id"
            case waitingSince = "waiting_since"
        }
    }

    struct AgentHello: Encodable, Sendable {
        let type = "hello"
        let waitAlertSeconds: Int
        let waiting: [WaitingChat]

        enum CodingKeys: String, CodingKey {
            case type, waiting
            case waitAlertSeconds = "wait_alert_seconds"
        }
    }

    /// A new message on a chat an agent can see.
    struct AgentMessage: Encodable, Sendable {
        let type = "message"
        let ticketID: Int
        let id: Int
        let from: String
        let name: String?
        let text: String
        let isInternal: Bool
        let at: Date

        enum CodingKeys: String, CodingKey {
            case type, id, from, name, text, at
            case ticketID = "ticket_id"
            case isInternal = "internal"
        }
    }

    /// A chat opened, or changed status.
    struct ChatChange: Encodable, Sendable {
        let type: String
        let ticketID: Int
        let status: TicketStatus

        enum CodingKeys: String, CodingKey {
            case type, status
            case ticketID = "ticket_id"
        }
    }
}
