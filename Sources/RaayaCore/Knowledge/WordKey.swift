/// A word as a dictionary key, hashed and compared by its UTF-8 bytes.
///
/// `String`'s own hashing normalizes non-ASCII text to NFC first, which made Arabic dictionary lookups the
/// largest cost of indexing. Every word the knowledge index stores comes out of `SearchText`, which produces
/// one spelling per word, so byte equality is the right equality here.
struct WordKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in
                left.elementsEqual(right)
            }
        }
        return (equal ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashed == nil {
            for byte in text.utf8 {
                hasher.combine(byte)
            }
        }
    }
}
