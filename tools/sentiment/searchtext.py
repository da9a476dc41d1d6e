"""A port of Raaya's `SearchText.normalize` and `SearchText.tokens` (Sources/RaayaCore/Text/SearchText.swift).

The sentiment model is trained in Python and run in Swift, so both must turn a text into the same tokens.
Keep this file in step with the Swift one; `sentiment-eval` and the Swift parity tests check that they agree.
"""

import unicodedata

_LETTER_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo"}
_MARK_CATEGORIES = {"Mn", "Mc", "Me"}

# Tashkeel, superscript alef, honorific signs, tatweel, Quranic annotation marks: removed, joining.
_REMOVED = set()
for _low, _high in [(0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x0640, 0x0640),
                    (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0xFE70, 0xFE7F)]:
    _REMOVED.update(range(_low, _high + 1))

_FOLDED = {0x0622: "ا", 0x0623: "ا", 0x0625: "ا", 0x0671: "ا", 0x0649: "ي", 0x0626: "ي", 0x06CC: "ي",
           0x0629: "ه", 0x0624: "و", 0x06A9: "ك"}
_ARABIC_SEPARATORS = {0x060C, 0x061B, 0x061F, 0x066A, 0x066B, 0x066C, 0x066D, 0x06D4}


def _presentation_forms():
    shapes = [
        ("ء", 1), ("آ", 2), ("أ", 2), ("ؤ", 2), ("إ", 2), ("ئ", 4), ("ا", 2), ("ب", 4), ("ة", 2), ("ت", 4),
        ("ث", 4), ("ج", 4), ("ح", 4), ("خ", 4), ("د", 2), ("ذ", 2), ("ر", 2), ("ز", 2), ("س", 4), ("ش", 4),
        ("ص", 4), ("ض", 4), ("ط", 4), ("ظ", 4), ("ع", 4), ("غ", 4), ("ف", 4), ("ق", 4), ("ك", 4), ("ل", 4),
        ("م", 4), ("ن", 4), ("ه", 4), ("و", 2), ("ى", 2), ("ي", 4), ("لآ", 2), ("لأ", 2), ("لإ", 2), ("لا", 2),
    ]
    table = []
    for letters, count in shapes:
        table += [letters] * count
    assert len(table) == 0xFEFC - 0xFE80 + 1
    return table


_PRESENTATION = _presentation_forms()


class _Normalizer:
    def __init__(self):
        self.out = []
        self.pending = False

    def consume(self, ch):
        v = ord(ch)
        if 0x61 <= v <= 0x7A or 0x30 <= v <= 0x39:
            self._token(ch)
        elif 0x41 <= v <= 0x5A:
            self._token(chr(v + 0x20))
        elif v <= 0x7F:
            self._separate()
        elif v in _REMOVED:
            return
        elif v in _FOLDED:
            self._token(_FOLDED[v])
        elif 0x0620 <= v <= 0x064A:
            self._token(ch)
        elif 0x0660 <= v <= 0x0669 or 0x06F0 <= v <= 0x06F9:
            self._token(chr(0x30 + (v & 0x0F)))
        elif v in _ARABIC_SEPARATORS:
            self._separate()
        elif 0xFE80 <= v <= 0xFEFC:
            for letter in _PRESENTATION[v - 0xFE80]:
                self.consume(letter)
        elif 0xFF01 <= v <= 0xFF5E:
            self.consume(chr(v - 0xFEE0))
        else:
            self._other(ch)

    def _other(self, ch):
        category = unicodedata.category(ch)
        if category in _LETTER_CATEGORIES:
            lower = ch.lower()
            for c in (lower if lower != ch else ch):
                self._token(c)
        elif category == "Nd":
            value = unicodedata.decimal(ch, -1)
            if 0 <= value <= 9:
                self._token(chr(0x30 + value))
            else:
                self._separate()
        elif category in _MARK_CATEGORIES:
            if not self.pending and self.out:
                self.out.append(ch)
        elif category == "Cf":
            return
        else:
            self._separate()

    def _token(self, ch):
        if self.pending:
            self.out.append(" ")
            self.pending = False
        self.out.append(ch)

    def _separate(self):
        self.pending = bool(self.out)


def normalize(text):
    n = _Normalizer()
    for ch in text:
        n.consume(ch)
    return "".join(n.out)


_PREFIXES = ["وبال", "فبال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال"]


def _strip_article(word):
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix):]
            if rest == ("ه" if prefix.endswith("لل") else "له"):
                return "الله"
            if len(rest) >= 2:
                return _strip_article(rest)
    return word


def tokens(text):
    normalized = normalize(text)
    if not normalized:
        return []
    result = []
    for word in normalized.split(" "):
        token = _strip_article(word)
        if token != "ال":
            result.append(token)
    return result
