import Fluent
import Foundation

final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(name: String, createdAt: Date) {
        self.name = name
        self.createdAt = createdAt
    }
}

/// A person who asks for help. Known by identities (emails, phones) across channels.
final class Customer: Model, @unchecked Sendable {
    static let schema = "customers"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @OptionalParent(key: "organization_id") var organization: Organization?
    @OptionalField(key: "language") var language: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

enum IdentityKind: String, Codable, Sendable {
    case email, phone
    /// A handle on a social network or complaint site, stored as `source:handle`.
    case social
}

/// One way to reach a customer; unique across all customers.
final class CustomerIdentity: Model, @unchecked Sendable {
    static let schema = "customer_identities"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "customer_id") var customer: Customer
    @Field(key: "kind") var kind: IdentityKind
    @Field(key: "value") var value: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class CustomerNote: Model, @unchecked Sendable {
    static let schema = "customer_notes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "customer_id") var customer: Customer
    @Parent(key: "author_id") var author: User
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(customerID: Int, authorID: Int, body: String, createdAt: Date) {
        self.$customer.id = customerID
        self.$author.id = authorID
        self.body = body
        self.createdAt = createdAt
    }
}
