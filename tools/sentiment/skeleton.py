"""A port of `Arabizi.skeleton` (Sources/RaayaCore/Text/Arabizi.swift): a word's consonants in classes shared by
Arabic script and Arabizi, so "wa7esh", "wi7ish" and "وحش" give one skeleton. The sentiment model has features
over skeletons; Swift computes them with Arabizi.skeleton, so this must give the same result (the parity tests
in Tests/RaayaCoreTests/Sentiment check fixed values computed here)."""

AVAILABLE = True

_LATIN_DIGRAPHS = {"sh": "c", "ch": "c", "kh": "x", "gh": "g", "th": "t", "dh": "d", "3'": "g", "7'": "x"}
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


def skeleton(word):
    scalars = list(word.lower())
    classes = []
    position = 0
    while position < len(scalars):
        scalar = scalars[position]
        following = scalars[position + 1] if position + 1 < len(scalars) else " "
        digraph = _LATIN_DIGRAPHS.get(scalar + following)
        if digraph is not None:
            classes.append(digraph)
            position += 2
            continue
        position += 1
        if scalar == "h" and position == len(scalars) and position >= 2 and _is_latin_vowel(scalars[position - 2]):
            continue
        consonant = _LETTER_CLASSES.get(scalar)
        if consonant is not None:
            classes.append(consonant)
    if word and word[-1] in "ةه" and classes and classes[-1] == "h":
        classes.pop()
    collapsed = []
    for consonant in classes:
        if not collapsed or collapsed[-1] != consonant:
            collapsed.append(consonant)
    return "".join(collapsed)
