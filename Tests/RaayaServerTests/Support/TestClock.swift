import Foundation
import Synchronization
import RaayaCore
@testable import RaayaServer

/// A clock that stands still until a test moves it.
final class TestClock: WallClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func set(_ date: Date) {
        current.withLock { $0 = date }
    }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
