/// The extensions a server lists in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the first,
/// some with parameters.
struct SMTPServerCapabilities {
    private(set) var keywords: Set<String> = []
    /// Upper-cased, in the server's order.
    private(set) var authMechanisms: [String] = []
    /// The largest message the server takes (RFC 1870 §4); nil or 0 when it announces no limit.
    private(set) var maxSize: Int?

    init() {}

    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ")
            guard let first = words.first else { continue }
            let keyword = first.uppercased()
            // `AUTH=LOGIN PLAIN` is how some servers wrote it before RFC 2554 was final.
            if keyword == "AUTH" || keyword.hasPrefix("AUTH=") {
                let listed =
                    (keyword == "AUTH" ? [] : [String(keyword.dropFirst(5))])
                    + words.dropFirst().map { $0.uppercased() }
                for mechanism in listed where !mechanism.isEmpty && !authMechanisms.contains(mechanism) {
                    authMechanisms.append(mechanism)
                }
                keywords.insert("AUTH")
                continue
            }
            keywords.insert(keyword)
            if keyword == "SIZE", words.count > 1 { maxSize = Int(words[1]) }
        }
    }

    func offers(_ keyword: String) -> Bool { keywords.contains(keyword) }
}
