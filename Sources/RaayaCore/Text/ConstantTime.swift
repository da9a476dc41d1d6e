/// Comparing secrets (tokens, CSRF values) in time that does not depend on where they first differ.
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        return x.count == y.count && zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
