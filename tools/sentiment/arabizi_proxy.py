"""Writes Arabic text in Latin letters the way Arabizi is typed, to test the Arabizi path without labeled
Arabizi data. A proxy: real Arabizi spells vowels and dialect sounds more freely than this map does."""

import random

import searchtext

_LETTERS = {
    "ا": ["a"], "ب": ["b"], "ت": ["t"], "ث": ["th", "s"], "ج": ["j", "g"], "ح": ["7"], "خ": ["5", "kh"],
    "د": ["d"], "ذ": ["th", "z"], "ر": ["r"], "ز": ["z"], "س": ["s"], "ش": ["sh"], "ص": ["9", "s"],
    "ض": ["d"], "ط": ["6", "t"], "ظ": ["z"], "ع": ["3"], "غ": ["gh"], "ف": ["f"], "ق": ["2", "q"],
    "ك": ["k"], "ل": ["l"], "م": ["m"], "ن": ["n"], "ه": ["h"], "و": ["w"], "ي": ["y"], "ء": ["2"],
}
_SHORT_VOWELS = ["a", "e", "i", "o", ""]


def word(arabic, rng):
    if arabic.isdigit() or not arabic:
        return arabic
    out = []
    for i, letter in enumerate(arabic):
        if letter == "ه" and i == len(arabic) - 1 and i > 0:  # ة was folded into ه: usually written "a"
            out.append(rng.choice(["a", "a", "h"]))
            continue
        if letter in "وي" and 0 < i < len(arabic) - 1:
            out.append({"و": rng.choice(["o", "ou", "w"]), "ي": rng.choice(["i", "ee", "y"])}[letter])
            continue
        latin = rng.choice(_LETTERS.get(letter, [""]))
        out.append(latin)
        nxt = arabic[i + 1] if i + 1 < len(arabic) else None
        if nxt and nxt not in "اوي" and letter not in "اوي":
            out.append(rng.choice(_SHORT_VOWELS))
    return "".join(out)


def to_arabizi(text, rng):
    # Normalized first (no hamza seats, ة→ه), as customers typing Latin letters do not distinguish them.
    words = searchtext.normalize(text).split(" ")
    latin = []
    for w in words:
        if w.startswith("ال") and len(w) > 3:
            latin.append(rng.choice(["el", "al", "il"]) + word(w[2:], rng))
        else:
            latin.append(word(w, rng))
    return " ".join(x for x in latin if x)


def generate(items, count, seed):
    rng = random.Random(seed)
    chosen = rng.sample(items, min(count, len(items)))
    out = []
    for item in chosen:
        record = dict(item)
        record["text"] = to_arabizi(item["text"], rng)
        record["file"] = "arabizi_proxy"
        record["source"] = "arabizi_proxy:" + item["source"]
        out.append(record)
    return out
