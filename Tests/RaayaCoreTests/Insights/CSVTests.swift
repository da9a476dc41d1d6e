import RaayaCore
import Testing

@Suite("CSV for report exports — ملفات CSV")
struct CSVTests {
    @Test("plain fields stay as they are; commas, quotes and line breaks are quoted; lines end with CRLF")
    func quoting() {
        #expect(CSV.line(["17", "فاتورة", "2026-11-01T06:00:00.000Z"]) == "17,فاتورة,2026-11-01T06:00:00.000Z\r\n")
        #expect(CSV.line(["شحن, توصيل", "he said \"late\"", "سطر\nثانٍ"]) == "\"شحن, توصيل\",\"he said \"\"late\"\"\",\"سطر\nثانٍ\"\r\n")
        // The Arabic comma separates nothing in CSV.
        #expect(CSV.field("شحن، توصيل") == "شحن، توصيل")
        #expect(CSV.field("") == "")
    }

    @Test("text a spreadsheet would run as a formula gets an apostrophe; negative numbers do not")
    func formulas() {
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("+966 55 123") == "'+966 55 123")
        #expect(CSV.field("@نورة") == "'@نورة")
        #expect(CSV.field("-3") == "-3")
        #expect(CSV.field("-0.5") == "-0.5")
        #expect(CSV.field("-cmd") == "'-cmd")
    }
}
