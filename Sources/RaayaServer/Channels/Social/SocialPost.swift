import Foundation
import RaayaCore

/// A public post, mention or private message from a social network or complaint site, whatever format it came in.
struct SocialPost: Sendable, Equatable {
    var externalID: String?
    var handle: String
    var name: String?
    var text: String
    var url: String?

    /// The posts in a webhook body: Raaya's generic format, or Meta's (Messenger, Instagram, WhatsApp Cloud API).
    static func posts(in body: [UInt8]) throws -> [SocialPost] {
        let data = Data(body)
        if let meta = try? JSON.decoder.decode(MetaWebhook.self, from: data), meta.entry != nil {
            return meta.posts
        }
        let post: GenericPost
        do {
            post = try JSON.decoder.decode(GenericPost.self, from: data)
        } catch let error as DecodingError {
            throw DomainError(error)
        }
        var validation = Validation()
        let handle = validation.requiredText(post.author.handle, field: "author.handle", maxCharacters: 200)
        let text = validation.requiredBody(post.text, field: "text")
        try validation.check()
        return [SocialPost(externalID: post.id, handle: handle, name: post.author.name, text: text, url: post.url)]
    }

    /// `{"id", "author": {"handle", "name"}, "text", "url", "posted_at", "source"}`.
    private struct GenericPost: Decodable {
        struct Author: Decodable {
            let handle: String
            let name: String?
        }

        let id: String?
        let author: Author
        let text: String
        let url: String?
    }

    /// The parts of Meta's webhook payloads that carry a customer's text.
    private struct MetaWebhook: Decodable {
        struct Entry: Decodable {
            let messaging: [Messaging]?
            let changes: [Change]?
        }

        struct Messaging: Decodable {
            struct Party: Decodable { let id: String }
            struct Message: Decodable {
                let mid: String?
                let text: String?
            }

            let sender: Party
            let message: Message?
        }

        struct Change: Decodable {
            struct Value: Decodable {
                struct Contact: Decodable {
                    struct Profile: Decodable { let name: String? }
                    let waID: String?
                    let profile: Profile?

                    enum CodingKeys: String, CodingKey {
                        case profile
                        case waID = "wa_id"
                    }
                }

                struct WhatsAppMessage: Decodable {
                    struct Text: Decodable { let body: String }
                    let from: String
                    let id: String?
                    let text: Text?
                }

                let contacts: [Contact]?
                let messages: [WhatsAppMessage]?
            }

            let value: Value
        }

        let object: String
        let entry: [Entry]?

        var posts: [SocialPost] {
            var posts: [SocialPost] = []
            for entry in entry ?? [] {
                for messaging in entry.messaging ?? [] {
                    guard let text = messaging.message?.text, !text.isEmpty else { continue }
                    posts.append(
                        SocialPost(externalID: messaging.message?.mid, handle: messaging.sender.id, name: nil, text: text, url: nil))
                }
                for change in entry.changes ?? [] {
                    for message in change.value.messages ?? [] {
                        guard let text = message.text?.body, !text.isEmpty else { continue }
                        let name = change.value.contacts?.first { $0.waID == message.from }?.profile?.name
                        posts.append(SocialPost(externalID: message.id, handle: message.from, name: name, text: text, url: nil))
                    }
                }
            }
            return posts
        }
    }
}
