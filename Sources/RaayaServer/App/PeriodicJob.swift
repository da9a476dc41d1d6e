import NIOConcurrencyHelpers
import Vapor

/// Work the server does on its own, round after round while it runs: a round that found work is followed by the
/// next at once, one that found none (or failed, having logged why) by a pause of `interval`.
final class PeriodicJob: LifecycleHandler, Sendable {
    let interval: Duration
    /// One round; returns how much it did (0: nothing was due).
    let round: @Sendable (Application) async -> Int
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Duration, round: @escaping @Sendable (Application) async -> Int) {
        self.interval = interval
        self.round = round
    }

    func didBootAsync(_ application: Application) async throws {
        let loop = Task { [round, interval] in
            while !Task.isCancelled {
                if await round(application) == 0 { try? await Task.sleep(for: interval) }
            }
        }
        task.withLockedValue { $0 = loop }
    }

    func shutdownAsync(_ application: Application) async {
        let loop = task.withLockedValue { $0 }
        loop?.cancel()
        await loop?.value
    }
}
