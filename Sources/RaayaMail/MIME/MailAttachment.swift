/// A file that came with a message, or goes out with one.
public struct MailAttachment: Sendable, Equatable {
    public enum Disposition: String, Sendable {
        /// Shown within the body, typically an image the HTML refers to by `cid:`.
        case inline
        case attachment
    }

    /// Decoded filename, or nil when the sender gave none.
    public var filename: String?
    /// `type/subtype`, lowercased: `application/pdf`.
    public var contentType: String
    /// The Content-ID without angle brackets, which HTML bodies use as `cid:…`.
    public var contentID: String?
    public var disposition: Disposition
    public var bytes: [UInt8]

    public var size: Int { bytes.count }

    public init(
        filename: String?, contentType: String, contentID: String? = nil, disposition: Disposition = .attachment,
        bytes: [UInt8]
    ) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.disposition = disposition
        self.bytes = bytes
    }
}
