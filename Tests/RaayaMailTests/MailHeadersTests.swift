import RaayaMail
import Testing

@Test func headerLookupIgnoresCaseAndKeepsRepeats() {
    var headers = MailHeaders()
    headers.append("Subject", "استفسار عن الفاتورة")
    headers.append("Received", "from a")
    headers.append("received", "from b")
    #expect(headers["SUBJECT"] == "استفسار عن الفاتورة")
    #expect(headers.all("Received") == ["from a", "from b"])
    #expect(headers["In-Reply-To"] == nil)
}
