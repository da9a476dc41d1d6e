import Foundation
import Testing
import RaayaCore
@testable import RaayaServer

@Suite("Tickets: create, list, change, converse, merge")
struct TicketTests {
    @Test("a created ticket is new, numbered in sequence, with its customer found or made")
    func create() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let first = try await app.createTicket(token: token, tags: ["فاتورة", "Billing"])
            let second = try await app.createTicket(
                token: token, subject: "طلب \"استرجاع\" \\ عاجل", body: "سطر أول\nسطر\tثان", customerEmail: "NOURA@example.com")
            #expect(second.string("subject") == "طلب \"استرجاع\" \\ عاجل")
            #expect(first.string("status") == "new")
            #expect(first.string("priority") == "normal")
            #expect(first.string("channel") == "email")
            #expect(first["tags"] as? [String] == ["billing", "فاتورة"])
            let firstID = try #require(first.int("id"))
            #expect(second.int("id") == firstID + 1)
            let firstCustomer = try #require(first["customer"] as? [String: Any])
            let secondCustomer = try #require(second["customer"] as? [String: Any])
            #expect(firstCustomer.int("id") == secondCustomer.int("id"))
            #expect(firstCustomer.string("email") == "noura@example.com")
            #expect(first["first_response_at"] is NSNull)
            #expect(first.int("reopen_count") == 0)
            let detail = try await app.send(.GET, "/api/v1/tickets/\(firstID)", token: token)
            #expect(detail.status == .ok)
            #expect(detail.object.string("subject") == "استفسار عن الفاتورة")
            let messages = try await app.send(.GET, "/api/v1/tickets/\(firstID)/messages", token: token)
            #expect(messages.items.count == 1)
            #expect(messages.items.first?.string("author") == "customer")
            #expect(messages.items.first?.string("body") == "أين فاتورتي؟ Where is my invoice?")
            let events = try await app.send(.GET, "/api/v1/tickets/\(firstID)/events", token: token)
            #expect(events.items.map { $0.string("kind") } == ["created"])
        }
    }

    @Test("a retry with the same Idempotency-Key returns the first ticket and makes no second one")
    func idempotency() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let body: [String: Any] = [
                "subject": "الطلب لم يصل", "body": "طلبي متأخر", "channel": "web", "customer": ["phone": "+966 50 000 1111"],
            ]
            let first = try await app.send(.POST, "/api/v1/tickets", token: token, json: body, headers: [("Idempotency-Key", "طلب-1")])
            let retry = try await app.send(.POST, "/api/v1/tickets", token: token, json: body, headers: [("Idempotency-Key", "طلب-1")])
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.object.int("id") == first.object.int("id"))
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            let other = try await app.send(.POST, "/api/v1/tickets", token: token, json: body, headers: [("Idempotency-Key", "طلب-2")])
            #expect(other.object.int("id") != first.object.int("id"))
            let list = try await app.send(.GET, "/api/v1/tickets", token: token)
            #expect(list.items.count == 2)
        }
    }

    @Test("the list is newest activity first, pages with a cursor, and filters")
    func list() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            var ids: [Int] = []
            for n in 0..<5 {
                app.clock.advance(by: 1)
                let ticket = try await app.createTicket(
                    token: token, subject: "طلب رقم \(n)", channel: n % 2 == 0 ? "chat" : "phone",
                    customerEmail: "c\(n)@example.com", tags: n == 3 ? ["عاجل"] : nil)
                ids.append(try #require(ticket.int("id")))
            }
            // Activity on the oldest ticket brings it to the top.
            app.clock.advance(by: 1)
            let reply = try await app.send(.POST, "/api/v1/tickets/\(ids[0])/messages", token: token, json: ["body": "نعمل على طلبك"])
            #expect(reply.status == .created)
            let page1 = try await app.send(.GET, "/api/v1/tickets?limit=2", token: token)
            #expect(page1.items.compactMap { $0.int("id") } == [ids[0], ids[4]])
            let cursor = try #require(page1.object.string("next_cursor"))
            let page2 = try await app.send(.GET, "/api/v1/tickets?limit=2&cursor=\(cursor)", token: token)
            #expect(page2.items.compactMap { $0.int("id") } == [ids[3], ids[2]])
            let page3 = try await app.send(
                .GET, "/api/v1/tickets?limit=2&cursor=\(try #require(page2.object.string("next_cursor")))", token: token)
            #expect(page3.items.compactMap { $0.int("id") } == [ids[1]])
            #expect(page3.object["next_cursor"] is NSNull)

            let chat = try await app.send(.GET, "/api/v1/tickets?channel=chat", token: token)
            #expect(Set(chat.items.compactMap { $0.int("id") }) == [ids[0], ids[2], ids[4]])
            let open = try await app.send(.GET, "/api/v1/tickets?status=open", token: token)
            #expect(open.items.compactMap { $0.int("id") } == [ids[0]])
            let tagged = try await app.send(
                .GET, "/api/v1/tickets?tag=\("عاجل".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)", token: token)
            #expect(tagged.items.compactMap { $0.int("id") } == [ids[3]])
            let badStatus = try await app.send(.GET, "/api/v1/tickets?status=done", token: token)
            #expect(badStatus.status == .unprocessableEntity)
            #expect(badStatus.object.string("field") == "status")
            let arabicLimit = try await app.send(.GET, "/api/v1/tickets?limit=\("٣".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)", token: token)
            #expect(arabicLimit.items.count == 3)
        }
    }

    @Test("status moves follow the machine; an illegal one is a 409 naming the allowed moves")
    func statusChanges() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let id = try #require(try await app.createTicket(token: token).int("id"))
            let solved = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "solved", "priority": "high"])
            #expect(solved.status == .ok)
            #expect(solved.object.string("status") == "solved")
            #expect(solved.object.string("priority") == "high")
            #expect(solved.object["solved_at"] is String)
            let illegal = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "pending"])
            #expect(illegal.status == .conflict)
            #expect(illegal.object["allowed_statuses"] as? [String] == ["open", "closed"])
            let closed = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "closed"])
            #expect(closed.status == .ok)
            let reopen = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "open"])
            #expect(reopen.status == .conflict)
            let events = try await app.send(.GET, "/api/v1/tickets/\(id)/events", token: token)
            #expect(events.items.map { $0.string("kind") } == ["created", "status_changed", "priority_changed", "status_changed"])
            let change = try #require(events.items[1]["data"] as? [String: String])
            #expect(change == ["from": "new", "to": "solved"])
        }
    }

    @Test("assignee, group and tags change with events; unknown ids are refused")
    func assignment() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let group = try await app.createGroup(token: token, name: "الفواتير")
            let agent = try await app.createUser(email: "omar@example.com", name: "عمر", role: .agent, groups: [group])
            let id = try #require(try await app.createTicket(token: token).int("id"))
            let assigned = try await app.send(
                .PATCH, "/api/v1/tickets/\(id)", token: token,
                json: ["assignee_id": agent, "group_id": group, "tags": ["vip", "فاتورة"]])
            #expect(assigned.status == .ok)
            #expect((assigned.object["assignee"] as? [String: Any])?.int("id") == agent)
            #expect((assigned.object["group"] as? [String: Any])?.string("name") == "الفواتير")
            #expect(assigned.object["tags"] as? [String] == ["vip", "فاتورة"])
            let cleared = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["assignee_id": NSNull()])
            #expect(cleared.object["assignee"] is NSNull)
            let unknown = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["group_id": 999])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.object.string("field") == "group_id")
            let events = try await app.send(.GET, "/api/v1/tickets/\(id)/events", token: token)
            #expect(events.items.map { $0.string("kind") } == ["created", "assigned", "group_changed", "tags_changed", "assigned"])
        }
    }

    @Test("the first public agent reply sets first_response_at once; an internal note does not")
    func firstResponse() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let id = try #require(try await app.createTicket(token: token).int("id"))
            app.clock.advance(by: 60)
            let note = try await app.send(
                .POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "ملاحظة داخلية", "internal": true])
            #expect(note.status == .created)
            #expect(note.object["internal"] as? Bool == true)
            var ticket = try await app.send(.GET, "/api/v1/tickets/\(id)", token: token)
            #expect(ticket.object["first_response_at"] is NSNull)
            #expect(ticket.object.string("status") == "new")
            app.clock.advance(by: 60)
            _ = try await app.send(.POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "أهلًا، نحن نراجع طلبك"])
            ticket = try await app.send(.GET, "/api/v1/tickets/\(id)", token: token)
            let firstResponse = try #require(ticket.object.string("first_response_at"))
            #expect(ticket.object.string("status") == "open")
            app.clock.advance(by: 60)
            _ = try await app.send(.POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "رد ثان"])
            ticket = try await app.send(.GET, "/api/v1/tickets/\(id)", token: token)
            #expect(ticket.object.string("first_response_at") == firstResponse)
            let customerNote = try await app.send(
                .POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "x", "internal": true, "author": "customer"])
            #expect(customerNote.status == .unprocessableEntity)
            #expect(customerNote.object.string("field") == "internal")
        }
    }

    @Test("a customer message reopens a solved ticket and starts a follow-up on a closed one")
    func reopenAndFollowUp() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let id = try #require(try await app.createTicket(token: token).int("id"))
            _ = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "solved"])
            let again = try await app.send(
                .POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "ما زالت المشكلة قائمة", "author": "customer"])
            #expect(again.status == .created)
            var ticket = try await app.send(.GET, "/api/v1/tickets/\(id)", token: token)
            #expect(ticket.object.string("status") == "open")
            #expect(ticket.object.int("reopen_count") == 1)
            _ = try await app.send(.PATCH, "/api/v1/tickets/\(id)", token: token, json: ["status": "closed"])
            let late = try await app.send(
                .POST, "/api/v1/tickets/\(id)/messages", token: token, json: ["body": "عندي سؤال جديد", "author": "customer"])
            #expect(late.status == .created)
            let followUpID = try #require(late.object.int("ticket_id"))
            #expect(followUpID != id)
            let followUp = try await app.send(.GET, "/api/v1/tickets/\(followUpID)", token: token)
            #expect(followUp.object.int("follow_up_of") == id)
            #expect(followUp.object.string("status") == "new")
            ticket = try await app.send(.GET, "/api/v1/tickets/\(id)", token: token)
            #expect(ticket.object.string("status") == "closed")
            let oldMessages = try await app.send(.GET, "/api/v1/tickets/\(id)/messages", token: token)
            #expect(oldMessages.items.count == 2)
            let events = try await app.send(.GET, "/api/v1/tickets/\(id)/events", token: token)
            #expect(events.items.map { $0.string("kind") }.contains("reopened"))
            #expect(events.items.last?.string("kind") == "follow_up_created")
        }
    }

    @Test("merging moves the messages and closes the source with a link")
    func merge() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let source = try #require(try await app.createTicket(token: token, subject: "الفاتورة مرة أخرى").int("id"))
            let target = try #require(try await app.createTicket(token: token, subject: "استفسار عن الفاتورة").int("id"))
            let merged = try await app.send(.POST, "/api/v1/tickets/\(source)/merge", token: token, json: ["into": target])
            #expect(merged.status == .ok)
            #expect(merged.object.string("status") == "closed")
            #expect(merged.object.int("merged_into") == target)
            let messages = try await app.send(.GET, "/api/v1/tickets/\(target)/messages", token: token)
            #expect(messages.items.count == 2)
            let sourceMessages = try await app.send(.GET, "/api/v1/tickets/\(source)/messages", token: token)
            #expect(sourceMessages.items.isEmpty)
            let found = try await app.send(.GET, "/api/v1/search?q=\("مرة".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)", token: token)
            #expect((found.object["tickets"] as? [[String: Any]] ?? []).compactMap { $0.int("id") }.contains(target))
            let self_ = try await app.send(.POST, "/api/v1/tickets/\(target)/merge", token: token, json: ["into": target])
            #expect(self_.status == .unprocessableEntity)
            let closed = try await app.send(.POST, "/api/v1/tickets/\(target)/merge", token: token, json: ["into": source])
            #expect(closed.status == .conflict)
            let targetEvents = try await app.send(.GET, "/api/v1/tickets/\(target)/events", token: token)
            #expect(targetEvents.items.last?.string("kind") == "merged_from")
        }
    }

    @Test("concurrent creates in one commit each get their own ticket; failures among them write nothing")
    func groupCommit() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let results = try await withThrowingTaskGroup(of: (Int, TestResponse).self) { group in
                for n in 0..<24 {
                    group.addTask {
                        var body: [String: Any] = [
                            "subject": "طلب متزامن \(n)", "body": "نص \(n)", "channel": "api",
                            "customer": ["email": "parallel\(n)@example.com", "name": "عميل \(n)"],
                        ]
                        if n % 4 == 0 { body["group_id"] = 4242 }
                        return (n, try await app.send(.POST, "/api/v1/tickets", token: token, json: body))
                    }
                }
                return try await group.reduce(into: [(Int, TestResponse)]()) { $0.append($1) }
            }
            for (n, response) in results {
                #expect(response.status == (n % 4 == 0 ? .unprocessableEntity : .created), "request \(n): \(response.text)")
            }
            let ids = results.compactMap { $0.1.object.int("id") }
            #expect(Set(ids).count == 18)
            let customers = try await app.send(.GET, "/api/v1/customers?limit=100", token: token)
            #expect(customers.items.count == 18)
        }
    }

    @Test("concurrent tickets from one new customer make one customer, and learn their phone")
    func concurrentSameCustomer() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let results = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for n in 0..<12 {
                    group.addTask {
                        var customer: [String: Any] = ["email": "layla@example.com", "name": "ليلى"]
                        if n == 5 { customer["phone"] = "+966 50 555 0000" }
                        return try await app.send(
                            .POST, "/api/v1/tickets", token: token,
                            json: ["subject": "سؤال \(n)", "body": "نص", "channel": "chat", "customer": customer])
                    }
                }
                return try await group.reduce(into: [TestResponse]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.status == .created })
            let customerIDs = Set(results.compactMap { ($0.object["customer"] as? [String: Any])?.int("id") })
            #expect(customerIDs.count == 1)
            let customers = try await app.send(.GET, "/api/v1/customers", token: token)
            #expect(customers.items.count == 1)
            #expect(customers.items.first?["phones"] as? [String] == ["+966505550000"])
        }
    }

    @Test("one run of creates: a bad reference fails alone, a shared new customer keeps every identity")
    func combinedRun() async throws {
        try await TestApp.run { app in
            let token = try await app.token()
            let now = app.clock.now()
            func creation(_ subject: String, phone: String? = nil, group: Int? = nil) -> TicketCreation {
                TicketCreation(
                    ticket: NewTicket(
                        subject: subject, body: "نص", channel: .web, priority: .normal, customerID: nil,
                        customer: CustomerDraft(name: "سلمى", email: "salma@example.com", phone: phone),
                        groupID: group, assigneeID: nil, tags: ["دفعة"]),
                    actor: nil, now: now)
            }
            let run = [creation("الأول"), creation("الثاني", phone: "+966500000001"), creation("الثالث", group: 999)]
            let results = try await app.app.raaya.writer.write { database in
                try await TicketCreation.apply(run, on: try database.sqlDatabase()).map { result in result.map(\.id).mapError { ($0 as? DomainError) ?? .conflict("\($0)") } }
            }
            #expect((try? results[0].get()) != nil)
            #expect((try? results[1].get()) != nil)
            #expect(results[2] == .failure(.invalid("group_id", "names no group")))
            let customers = try await app.send(.GET, "/api/v1/customers", token: token)
            #expect(customers.items.count == 1)
            #expect(customers.items.first?["phones"] as? [String] == ["+966500000001"])
            let tickets = try await app.send(.GET, "/api/v1/tickets", token: token)
            #expect(tickets.items.count == 2)
            #expect(tickets.items.allSatisfy { $0["tags"] as? [String] == ["دفعة"] })
        }
    }
}
