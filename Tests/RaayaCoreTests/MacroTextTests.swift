import Testing
@testable import RaayaCore

@Suite("Macro text: placeholders filled for the ticket at hand — نص الرد الجاهز")
struct MacroTextTests {
    @Test("known placeholders are filled, spaces inside braces allowed, a missing value becomes empty")
    func render() {
        let text = "أهلاً {{customer.name}}، طلبك رقم #{{ ticket.id }} ({{ticket.subject}}) قيد المتابعة. — {{agent.name}}"
        #expect(
            MacroText.render(text, values: ["customer.name": "نورة", "ticket.id": "1042", "ticket.subject": "الشحنة", "agent.name": "سارة"])
                == "أهلاً نورة، طلبك رقم #1042 (الشحنة) قيد المتابعة. — سارة")
        #expect(MacroText.render("Dear {{customer.name}},", values: [:]) == "Dear ,")
        #expect(MacroText.render("بلا متغيرات {single} }} {{", values: ["customer.name": "x"]) == "بلا متغيرات {single} }} {{")
    }

    @Test("unknown placeholders are named, so a typo never reaches a customer")
    func unknown() {
        #expect(MacroText.unknownPlaceholders(in: "مرحباً {{customer.nmae}} و{{ agent.name }} و{{order}}") == ["customer.nmae", "order"])
        #expect(MacroText.unknownPlaceholders(in: "Hello {{customer.email}}").isEmpty)
    }
}
