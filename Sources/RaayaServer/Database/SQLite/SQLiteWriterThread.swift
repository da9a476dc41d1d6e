import Foundation

/// The one thread that writes to the SQLite file, as a task executor.
///
/// Work started with this thread as its executor preference (`withTaskExecutorPreference`) runs here from start
/// to end, including the SQLKit code it calls, and `SQLiteWriterDatabase` answers each statement right here
/// without leaving the thread. A write batch of a dozen statements then costs one thread switch in and one out,
/// where a round trip per statement through a thread pool and back had bounded the writer on a busy machine.
///
/// It blocks while SQLite works and waits for the disk: that is its job, and no socket is served on it.
final class SQLiteWriterThread: TaskExecutor, @unchecked Sendable {
    // `condition` guards `jobs` and `stopping`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false
    /// Set on the thread itself, read only there: whether the caller is on this thread.
    private static let marker = "raaya.sqlite-writer"

    init() {
        // The thread keeps this executor alive until `stop()` lets it end.
        let thread = Thread { self.runLoop() }
        thread.name = "raaya-sqlite-writer"
        thread.start()
    }

    var isCurrent: Bool { Thread.current.threadDictionary[Self.marker] != nil }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread finish the jobs it has and end.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        Thread.current.threadDictionary[Self.marker] = true
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty && stopping {
                condition.unlock()
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: executor) }
        }
    }
}
