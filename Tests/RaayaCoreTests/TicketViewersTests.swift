import Testing
@testable import RaayaCore

@Suite("Ticket viewers: the collision warning's list — من يشاهد التذكرة")
struct TicketViewersTests {
    let start = ContinuousClock.now

    func at(_ seconds: Int) -> ContinuousClock.Instant { start.advanced(by: .seconds(seconds)) }

    @Test("each person once, typing if any of their tabs types, gone when they leave — كل شخص مرة واحدة")
    func peopleOnce() {
        var viewers = TicketViewers()
        viewers.viewing(connection: "a1", userID: 1, name: "سارة", at: at(0))
        viewers.viewing(connection: "a2", userID: 1, name: "سارة", at: at(0))
        viewers.viewing(connection: "b1", userID: 2, name: "Omar", at: at(0))
        #expect(viewers.current(at: at(1)).map(\.userID).sorted() == [1, 2])
        viewers.typing(connection: "a2", userID: 1, name: "سارة", active: true, at: at(2))
        #expect(viewers.current(at: at(3)).first { $0.userID == 1 }?.typing == true)
        #expect(viewers.current(at: at(3)).first { $0.userID == 2 }?.typing == false)
        viewers.left(connection: "a2")
        #expect(viewers.current(at: at(4)).first { $0.userID == 1 } == TicketViewers.Viewer(userID: 1, name: "سارة", typing: false))
        viewers.left(connection: "a1")
        #expect(viewers.current(at: at(4)).map(\.userID) == [2])
    }

    @Test("typing lapses without a new signal; a stop ends it at once — الكتابة تنتهي")
    func typingLapses() {
        var viewers = TicketViewers(timeout: .seconds(90), typingTimeout: .seconds(8))
        viewers.typing(connection: "a", userID: 1, name: "ليلى", active: true, at: at(0))
        #expect(viewers.current(at: at(8)).first?.typing == true)
        #expect(viewers.current(at: at(9)).first?.typing == false)
        viewers.typing(connection: "a", userID: 1, name: "ليلى", active: true, at: at(10))
        viewers.typing(connection: "a", userID: 1, name: "ليلى", active: false, at: at(11))
        #expect(viewers.current(at: at(11)).first?.typing == false)
        #expect(viewers.current(at: at(11)).count == 1, "stopping typing does not leave the page")
    }

    @Test("a tab not heard from for the timeout is gone; saying it again keeps it — انتهاء المهلة")
    func timeout() {
        var viewers = TicketViewers(timeout: .seconds(90))
        viewers.viewing(connection: "a", userID: 1, name: "سارة", at: at(0))
        viewers.viewing(connection: "b", userID: 2, name: "Omar", at: at(0))
        viewers.viewing(connection: "a", userID: 1, name: "سارة", at: at(60))
        #expect(viewers.current(at: at(120)).map(\.name) == ["سارة"])
        #expect(viewers.current(at: at(151)).isEmpty)
    }
}
