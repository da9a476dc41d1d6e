import RaayaServer

@main
enum Entry {
    /// Runs on the main thread until its first suspension: the one place to set up where Swift tasks run (see
    /// `RaayaRuntime.runTasksOnEventLoops`) before any task has run, and only for the server.
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "serve" {
            _ = RaayaRuntime.runTasksOnEventLoops()
        }
        await Raaya.main(nil)
    }
}
