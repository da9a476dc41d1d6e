import RaayaMail
import Testing

@Suite struct AttachmentTests {
    @Test func arabicPDFNameFromRFC2231Continuations() {
        let message = MailMessage.parse(MailFixtures.arabicPDF.crlfBytes)
        #expect(message.problems == [])
        #expect(message.subject == "فاتورة نوفمبر")
        #expect(message.from == MailAddress(name: "Khalid Al-Otaibi, Finance", address: "khalid@example.sa"))
        #expect(message.textBody == "مرفق فاتورة شهر نوفمبر.")
        let pdf = message.attachments.first
        #expect(message.attachments.count == 1)
        #expect(pdf?.filename == "فاتورة نوفمبر ٢٠٢٦.pdf")
        #expect(pdf?.contentType == "application/pdf")
        #expect(pdf?.disposition == .attachment)
        #expect(pdf?.bytes == MailFixtures.pdfBytes)
        #expect(pdf?.size == MailFixtures.pdfBytes.count)
    }

    @Test func inlineImageKeepsItsContentID() {
        let message = MailMessage.parse(MailFixtures.inlineImage.crlfBytes)
        #expect(message.subject == "صورة الخطأ")
        #expect(message.htmlBody == #"<p dir="rtl">انظر إلى الصورة: <img src="cid:logo@raaya" alt="شعار"></p>"#)
        #expect(message.textBody == nil)
        #expect(message.preferredText == "انظر إلى الصورة:")
        let image = message.attachments.first
        #expect(image?.contentID == "logo@raaya")
        #expect(image?.disposition == .inline)
        #expect(image?.filename == "شعار.png")
        #expect(image?.bytes == MailFixtures.pngBytes)
    }

    @Test(arguments: [
        #"attachment; filename*=utf-8''%D8%B9%D9%82%D8%AF.docx"#,
        #"attachment; filename*=UTF-8'ar'%D8%B9%D9%82%D8%AF.docx"#,
        #"attachment; FILENAME="=?UTF-8?B?2LnZgtiv?=.docx""#,
        #"attachment; filename="عقد.docx""#,
        #"attachment; filename=عقد.docx"#,
        "attachment; filename=\"ignored.docx\"; filename*=utf-8''%D8%B9%D9%82%D8%AF.docx",
        #"attachment; filename*0="%D8%B9"; filename*1*=%D9%82%D8%AF; filename*2=.docx"#,
        "attachment (from Outlook); filename*1*=%D9%82%D8%AF.docx; filename*0*=utf-8''%D8%B9",
    ])
    func filenameForms(disposition: String) {
        let raw = """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document
            Content-Disposition: \(disposition)

            PK
            --b--
            """
        let name = MailMessage.parse(raw.crlfBytes).attachments.first?.filename
        // Section 0 of the seventh form is not extended, so its `%` stays literal, as RFC 2231 says.
        let expected = disposition.contains(#"filename*0="%D8%B9""#) ? "%D8%B9قد.docx" : "عقد.docx"
        #expect(name == expected)
    }

    @Test func nameFromContentTypeWhenDispositionHasNone() {
        let raw = """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: image/jpeg; name="=?windows-1256?Q?=D5=E6=D1=C9?=.jpg"
            Content-Transfer-Encoding: base64

            /9j/
            --b--
            """
        let attachment = MailMessage.parse(raw.crlfBytes).attachments.first
        #expect(attachment?.filename == "صورة.jpg")
        #expect(attachment?.disposition == .attachment)
        #expect(attachment?.contentType == "image/jpeg")
    }

    @Test func textWithAFilenameIsAnAttachmentNotTheBody() {
        let raw = """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=utf-8

            الرسالة
            --b
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: attachment; filename="ملاحظات.txt"

            محتوى الملف
            --b--
            """
        let message = MailMessage.parse(raw.crlfBytes)
        #expect(message.textBody == "الرسالة")
        #expect(message.attachments.first?.filename == "ملاحظات.txt")
        #expect(message.attachments.first?.bytes == Array("محتوى الملف".utf8))
    }
}
