"""A port of `Arabizi.skeleton` (Sources/RaayaCore/Text/Arabizi.swift): a word's consonants in classes shared by
Arabic script and Arabizi, so "wa7esh", "wi7ish" and "وحش" give one skeleton. The sentiment model has features
over skeletons; Swift computes them with Arabizi.skeleton, so this must give the same result (the parity tests
in Tests/RaayaCoreTests/Sentiment check fixed values computed here)."""

AVAILABLE = True

# A Latin letter pair read as one sound, and the class it gets.
_LATIN_DIGRAPHS = {("s", "h"): "c", ("c", "h"): "c", ("k", "h"): "x", ("7", "'"): "x", ("g", "h"): "g",
                   ("3", "'"): "g", ("t", "h"): "t", ("d", "h"): "d"}
_LETTER_CLASSES = {
    "b": "b", "p": "b", "t": "t", "6": "t", "j": "j", "g": "j", "7": "h", "h": "h", "5": "x", "d": "d",
    "r": "r", "z": "z", "s": "s", "9": "s", "3": "e", "f": "f", "v": "f", "q": "k", "8": "k", "k": "k",
    "c": "k", "l": "l", "m": "m", "n": "n", "x": "x",
}
for _letters, _consonant in [
    ("ب", "b"), ("تطث", "t"), ("ج", "j"), ("حهة", "h"), ("خ", "x"), ("دضذ", "d"), ("ر", "r"), ("زظ", "z"),
    ("سص", "s"), ("ش", "c"), ("ع", "e"), ("غ", "g"), ("ف", "f"), ("قك", "k"), ("ل", "l"), ("م", "m"),
    ("ن", "n"),
]:
    for _letter in _letters:
        _LETTER_CLASSES[_letter] = _consonant


def _is_latin_vowel(ch):
    return ch in "aeiouy"


def _append(consonant, classes):
    """Doubled letters (shadda, "kwayyes") count once."""
    if not classes or classes[-1] != consonant:
        classes.append(consonant)


def skeleton(word):
    classes = []
    previous = before_previous = last = None
    for scalar in word:
        lower = chr(ord(scalar) + 0x20) if "A" <= scalar <= "Z" else scalar
        digraph = _LATIN_DIGRAPHS.get((previous, lower)) if previous is not None else None
        if digraph is not None:
            # The second letter of a digraph replaces the class its first letter gave.
            consonant = _LETTER_CLASSES.get(previous)
            if consonant is not None and classes and classes[-1] == consonant:
                classes.pop()
            _append(digraph, classes)
            before_previous = previous = None
            last = lower
            continue
        consonant = _LETTER_CLASSES.get(lower)
        if consonant is not None:
            _append(consonant, classes)
        before_previous = previous
        previous = lower
        last = lower
    # The feminine ending: a final ة/ه, or a final h after a vowel ("fatourah").
    if last in ("ة", "ه") or (last == "h" and before_previous is not None and _is_latin_vowel(before_previous)):
        if classes and classes[-1] == "h":
            classes.pop()
    return "".join(classes)
