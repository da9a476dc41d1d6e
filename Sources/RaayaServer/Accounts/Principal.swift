import RaayaCore
import Vapor

/// The signed-in staff member a request acts for.
struct Principal: Sendable, Authenticatable {
    let userID: Int
    let role: Role
    let groupIDs: Set<Int>

    var visibility: TicketVisibility { TicketVisibility(userID: userID, role: role, groupIDs: groupIDs) }

    func require(_ roles: Role...) throws(DomainError) {
        guard roles.contains(role) else {
            throw .forbidden("this needs the role \(roles.map(\.rawValue).joined(separator: " or "))")
        }
    }
}

extension Request {
    /// The signed-in staff member; the bearer middleware guarantees one on every API route that asks.
    var principal: Principal {
        get throws(DomainError) {
            guard let principal = auth.get(Principal.self) else { throw .unauthenticated("sign in first") }
            return principal
        }
    }
}
