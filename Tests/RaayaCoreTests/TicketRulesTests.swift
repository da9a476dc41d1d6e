import Testing
@testable import RaayaCore

@Suite("Ticket status machine and message rules")
struct TicketRulesTests {
    @Test("closed is final and solved only reopens or closes")
    func statusMoves() {
        #expect(TicketStatus.closed.allowedMoves.isEmpty)
        #expect(!TicketStatus.closed.canMove(to: .open))
        #expect(TicketStatus.solved.canMove(to: .open))
        #expect(!TicketStatus.solved.canMove(to: .pending))
        #expect(TicketStatus.new.canMove(to: .solved))
        #expect(TicketStatus.pending.canMove(to: .onHold))
        #expect(TicketStatus.onHold.rawValue == "on_hold")
    }

    @Test("a public agent reply on a new ticket opens it and is the first response")
    func firstResponse() {
        #expect(
            TicketRules.effect(ofMessageBy: .agent, isInternal: false, on: .new, hasFirstResponse: false)
                == .append(newStatus: .open, reopens: false, setsFirstResponse: true))
        #expect(
            TicketRules.effect(ofMessageBy: .agent, isInternal: false, on: .open, hasFirstResponse: true)
                == .append(newStatus: nil, reopens: false, setsFirstResponse: false))
    }

    @Test("an internal note is never a first response and changes no status")
    func internalNote() {
        #expect(
            TicketRules.effect(ofMessageBy: .agent, isInternal: true, on: .new, hasFirstResponse: false)
                == .append(newStatus: nil, reopens: false, setsFirstResponse: false))
    }

    @Test("a customer writing on solved reopens, on pending reopens work, on closed starts a follow-up")
    func customerMessages() {
        #expect(
            TicketRules.effect(ofMessageBy: .customer, isInternal: false, on: .solved, hasFirstResponse: true)
                == .append(newStatus: .open, reopens: true, setsFirstResponse: false))
        #expect(
            TicketRules.effect(ofMessageBy: .customer, isInternal: false, on: .pending, hasFirstResponse: true)
                == .append(newStatus: .open, reopens: false, setsFirstResponse: false))
        #expect(TicketRules.effect(ofMessageBy: .customer, isInternal: false, on: .closed, hasFirstResponse: true) == .followUp)
    }

    @Test("agents see their groups, their own and ungrouped tickets; supervisors see all")
    func visibility() {
        let agent = TicketVisibility(userID: 7, role: .agent, groupIDs: [1])
        #expect(agent.canSee(groupID: 1, assigneeID: nil))
        #expect(agent.canSee(groupID: nil, assigneeID: nil))
        #expect(agent.canSee(groupID: 2, assigneeID: 7))
        #expect(!agent.canSee(groupID: 2, assigneeID: 8))
        #expect(TicketVisibility(userID: 9, role: .supervisor, groupIDs: []).canSee(groupID: 2, assigneeID: nil))
    }
}

@Suite("Identities, validation and cursors")
struct ValidationTests {
    @Test("emails are lower-cased; malformed ones refused", arguments: [
        ("Noura@Example.COM", "noura@example.com"), (" sara.ali@mail.example.sa ", "sara.ali@mail.example.sa"),
    ])
    func validEmails(raw: String, expected: String) {
        #expect(Identity.normalizedEmail(raw) == expected)
    }

    @Test("not emails", arguments: ["نورة", "noura@", "@example.com", "noura@example", "no ura@example.com", "a..b@example.com"])
    func invalidEmails(raw: String) {
        #expect(Identity.normalizedEmail(raw) == nil)
    }

    @Test("phones keep + and digits; Arabic-Indic digits count")
    func phones() {
        #expect(Identity.normalizedPhone("+966 50 123 4567") == "+966501234567")
        #expect(Identity.normalizedPhone("٠٥٠١٢٣٤٥٦٧") == "0501234567")
        #expect(Identity.normalizedPhone("هاتف") == nil)
        #expect(Identity.normalizedPhone("12") == nil)
    }

    @Test("whole numbers in any digits, a ticket's # allowed; colours as #rrggbb")
    func numbersAndColours() {
        #expect(Identity.wholeNumber("١٠٤٢") == 1042)
        #expect(Identity.wholeNumber(" #۱۰۴۲ ") == 1042)
        #expect(Identity.wholeNumber("-5") == -5)
        #expect(Identity.wholeNumber("غداً") == nil)
        #expect(Identity.wholeNumber("#") == nil)
        var validation = Validation()
        #expect(validation.color("#0B6E4F", field: "accent_color") == "#0b6e4f")
        #expect(validation.color("#abc", field: "accent_color") == "#aabbcc")
        #expect(validation.color("", field: "accent_color") == nil)
        #expect(validation.errors.isEmpty)
        #expect(validation.color("red; }", field: "accent_color") == nil)
        #expect(validation.color("#12345g", field: "accent_color") == nil)
        #expect(validation.errors.map(\.field) == ["accent_color", "accent_color"])
    }

    @Test("validation collects every field at once")
    func collects() {
        var validation = Validation()
        _ = validation.requiredText("  ", field: "subject", maxCharacters: 250)
        _ = validation.requiredText(String(repeating: "ع", count: 251), field: "title", maxCharacters: 250)
        _ = validation.email("ليس بريدًا", field: "customer.email")
        _ = validation.requiredBody(String(repeating: "ب", count: Limits.bodyBytes / 2 + 1), field: "body")
        #expect(validation.errors.map(\.field) == ["subject", "title", "customer.email", "body"])
        #expect(throws: DomainError.self) { try validation.check() }
    }

    @Test("a 256 KiB body in bytes, not characters: Arabic letters take two")
    func bodyBytes() {
        var validation = Validation()
        _ = validation.requiredBody(String(repeating: "ب", count: Limits.bodyBytes / 2), field: "body")
        #expect(validation.errors.isEmpty)
    }

    @Test("a body's line breaks become \\n, whatever the browser or mailer sent")
    func lineBreaks() {
        var validation = Validation()
        #expect(validation.requiredBody("السلام عليكم\r\nطلبي رقم ١٠٤٢\rلم يصل\n\r\nشكراً", field: "body")
            == "السلام عليكم\nطلبي رقم ١٠٤٢\nلم يصل\n\nشكراً")
        #expect(validation.requiredBody("سطر واحد", field: "body") == "سطر واحد")
    }

    @Test("languages", arguments: [("ar", "ar"), ("AR-sa", "ar-sa"), ("en", "en")])
    func languages(raw: String, expected: String) {
        var validation = Validation()
        #expect(validation.language(raw, field: "language") == expected)
        #expect(validation.language("fr", field: "language") == nil)
    }

    @Test("cursor tokens round-trip and reject junk")
    func cursors() {
        let cursor = ActivityCursor(activityMilliseconds: 1_795_000_000_123, id: 1042)
        #expect(ActivityCursor(token: cursor.token) == cursor)
        #expect(ActivityCursor(token: "مرحبا") == nil)
        #expect(ActivityCursor(token: "12") == nil)
    }
}

@Test func phoneCallSummaryIsBilingualWithDuration() {
    let call = PhoneCall(direction: .inbound, number: "+966501234567", durationSeconds: 200, outcome: .answered, notes: "سأل عن الفاتورة")
    #expect(call.summary == "📞 مكالمة واردة — inbound call · +966501234567 · 3:20 · answered\nسأل عن الفاتورة")
    let missed = PhoneCall(direction: .inbound, number: "+966501234567", durationSeconds: 0, outcome: .missed, notes: nil)
    #expect(missed.summary.hasPrefix("📞 مكالمة فائتة"))
    #expect(missed.summary.contains("0:00"))
}

@Suite("Priority after an upset customer's message — رفع الأولوية")
struct SentimentPriorityTests {
    @Test func aStronglyNegativeMessageRaisesALowOrNormalTicketToHigh() {
        let upset = Sentiment(label: .negative, score: -0.8, language: .arabic)
        let mild = Sentiment(label: .negative, score: -0.3, language: .arabic)
        let happy = Sentiment(label: .positive, score: 0.9, language: .english)
        #expect(TicketRules.priority(after: upset, current: .normal) == .high)
        #expect(TicketRules.priority(after: upset, current: .low) == .high)
        #expect(TicketRules.priority(after: upset, current: .urgent) == nil, "never lowered")
        #expect(TicketRules.priority(after: upset, current: .high) == nil)
        #expect(TicketRules.priority(after: mild, current: .normal) == nil)
        #expect(TicketRules.priority(after: happy, current: .low) == nil)
    }
}
