/// Message identifiers as used to thread replies (RFC 5322 §3.6.4).
public enum MessageID {
    /// The ids in a Message-ID, In-Reply-To or References value, without angle brackets, in order and without
    /// repeats. Comments and quoted phrases (old In-Reply-To forms) are skipped; a word with an `@` outside
    /// brackets is taken as an id whose brackets a mailer forgot.
    public static func parseList(_ value: String) -> [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ id: some StringProtocol) {
            let id = String(id).filter { $0 != " " && $0 != "\t" }
            if !id.isEmpty, seen.insert(id).inserted { ids.append(id) }
        }

        var word = ""
        func flushWord() {
            if word.contains("@") { add(word) }
            word = ""
        }

        var commentDepth = 0
        var inQuote = false
        var inAngle = false
        var angled = ""
        for character in value {
            if inAngle {
                if character == ">" {
                    add(angled)
                    inAngle = false
                } else {
                    angled.append(character)
                }
            } else if inQuote {
                if character == "\"" { inQuote = false }
            } else if commentDepth > 0 {
                if character == "(" { commentDepth += 1 }
                if character == ")" { commentDepth -= 1 }
            } else {
                switch character {
                case "<":
                    flushWord()
                    inAngle = true
                    angled = ""
                case "(":
                    flushWord()
                    commentDepth = 1
                case "\"":
                    flushWord()
                    inQuote = true
                case " ", "\t", ",", ";", ">":
                    flushWord()
                default:
                    word.append(character)
                }
            }
        }
        if inAngle, angled.contains("@") { add(angled) }
        flushWord()
        return ids
    }
}
