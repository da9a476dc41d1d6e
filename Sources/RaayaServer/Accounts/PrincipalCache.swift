import Foundation

/// Remembers who a bearer token belongs to for a few seconds, so a burst of API calls does not look the
/// token up again on every request. A change of role or groups takes effect within `freshness`; an expired
/// token is refused at once.
actor PrincipalCache {
    private struct Entry {
        let principal: Principal
        let tokenExpiresAt: Date
        let loadedAt: Date
    }

    private let freshness: TimeInterval
    private let capacity: Int
    private var entries: [String: Entry] = [:]

    init(freshness: TimeInterval = 10, capacity: Int = 10_000) {
        self.freshness = freshness
        self.capacity = capacity
    }

    func principal(forTokenHash hash: String, at now: Date) -> Principal? {
        guard let entry = entries[hash] else { return nil }
        guard now < entry.tokenExpiresAt, now.timeIntervalSince(entry.loadedAt) < freshness, now >= entry.loadedAt else {
            entries[hash] = nil
            return nil
        }
        return entry.principal
    }

    func remember(_ principal: Principal, tokenHash hash: String, tokenExpiresAt: Date, at now: Date) {
        // A crude bound is enough: entries are seconds-lived and reloading them is cheap.
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[hash] = Entry(principal: principal, tokenExpiresAt: tokenExpiresAt, loadedAt: now)
    }

    /// A staff member's role or groups changed: this instance uses the new ones from the next request on.
    func forget(userID: Int) {
        entries = entries.filter { $0.value.principal.userID != userID }
    }

    /// A token was revoked (signing out): it stops working here at once, not after `freshness`.
    func forget(tokenHash hash: String) {
        entries[hash] = nil
    }
}
