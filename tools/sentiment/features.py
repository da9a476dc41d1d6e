"""What the sentiment model sees of a message: the Python side of Sources/RaayaCore/Sentiment/SentimentFeatures.swift.

Both sides must produce the same hashed features from the same text, so every step here is defined over Unicode
scalars and UTF-8 bytes, never over locale- or library-dependent notions (Python's str.split, Swift's Character).
The word lists are stored inside the model file, so Swift reads them from there rather than keeping its own copy.
"""

import math

import searchtext
import skeleton as skeletons

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = 0xFFFFFFFFFFFFFFFF

# Scalars that separate the pieces of a message (URLs and @mentions are recognised per piece).
WHITESPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000}
WHITESPACE.update(range(0x2000, 0x200B))
# Punctuation that ends a clause: negation does not reach past it.
CLAUSE_BREAKS = set(map(ord, ".,;:!?،؛؟…\n"))
QUESTION_MARKS = {ord("?"), ord("؟")}
EXCLAMATION = ord("!")
VARIATION_SELECTORS = {0xFE0E, 0xFE0F}

NEGATION_SCOPE = 3
MAX_CHAR_NGRAM_TOKEN = 24
NEGATED_FLIP = -0.5

# Words that negate what follows (after normalization: no hamza, ي for ى, article stripped).
NEGATORS = """
not no never t cannot cant dont doesnt didnt isnt wasnt arent werent wont wouldnt couldnt shouldnt aint
nothing nobody none nor neither without hardly barely
لا ما مش مو ليس ليست لم لن مب مهو مهي ماهو ماهي مافي مافيش مفيش مش ميش مشي موب ولا وما ومش ومو بدون غير
""".split()
# Words that end a negation's scope, like punctuation: "not fast but friendly".
SCOPE_BREAKERS = "but however although though yet لكن لاكن بس انما بينما".split()
# Question words that mark a question wherever they occur.
QUESTION_WORDS = """
متي امتي امتا كيف كيفاش شلون وين فين اين ليش ليه لماذا لمذا هل ايش اش شو ايه ماذا منين كم بكم ليه
""".split()
# English question openers: only a question at the start of a clause ("can you …", "when will …").
QUESTION_STARTERS = """
what when where why how who which whats hows whens wheres can could would will do does did is are was were
should may have has
""".split()
# Requests: what "neutral" mostly is in support traffic.
REQUEST_WORDS = """
please plz pls kindly request
سمحت سمحتي ممكن يرجي ارجو نرجو رجاء اريد نريد ابي ابغي ابغا بدي بدنا عايز عاوز عايزه عاوزه محتاج محتاجه حابب
""".split()

DENSE_NAMES = [
    "arabic", "english", "positive_sum", "negative_sum", "negated_positive_sum", "negated_negative_sum",
    "emoji_positive", "emoji_negative", "question_mark", "question_word", "request", "exclamation",
    "lexicon_score", "length", "elongated",
]


def fnv1a(data, h=FNV_OFFSET):
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & MASK64
    return h


def is_arabic_letter(ch):
    v = ord(ch)
    return 0x0620 <= v <= 0x064A or 0x066E <= v <= 0x06D3 or 0x06FA <= v <= 0x06FF


def is_latin_letter(ch):
    v = ord(ch)
    return 0x41 <= v <= 0x5A or 0x61 <= v <= 0x7A or 0xC0 <= v <= 0x24F


def is_link_or_mention(piece):
    lower = piece.lower()
    return lower.startswith("http://") or lower.startswith("https://") or lower.startswith("www.") \
        or piece.startswith("@")


def pieces(text):
    """The whitespace-separated pieces of a text."""
    result = []
    current = []
    for ch in text + " ":
        if ord(ch) in WHITESPACE:
            if current:
                result.append("".join(current))
                current = []
        else:
            current.append(ch)
    return result


def without_links_and_mentions(text):
    """What the language is decided on: a URL or a handle is Latin letters in any language."""
    kept = pieces(text)
    if not any(is_link_or_mention(p) for p in kept):
        return text
    return " ".join(p for p in kept if not is_link_or_mention(p))


def language(text):
    """Arabic when Arabic letters are at least as many as Latin ones, links and @mentions aside (Arabizi is
    decided before this)."""
    text = without_links_and_mentions(text)
    arabic = latin = 0
    for ch in text:
        if is_arabic_letter(ch):
            arabic += 1
        elif is_latin_letter(ch):
            latin += 1
    return "ar" if arabic > 0 and arabic >= latin else "en"


def is_emoji(v):
    """Pictographs and dingbats, without skin-tone modifiers: each becomes a feature of its own."""
    return (0x2600 <= v <= 0x27BF or 0x1F300 <= v <= 0x1FAFF) and not 0x1F3FB <= v <= 0x1F3FF


def collapse_elongation(token):
    """"جمييييل" → "جميل", "soooo" → "soo": a run of three or more of one letter is emphasis, not spelling."""
    out = []
    i = 0
    elongated = False
    while i < len(token):
        j = i
        while j < len(token) and token[j] == token[i]:
            j += 1
        run = j - i
        if run >= 3:
            elongated = True
            run = 1 if is_arabic_letter(token[i]) else 2
        out.append(token[i] * run)
        i = j
    return "".join(out), elongated


def is_number(token):
    return all(0x30 <= ord(c) <= 0x39 for c in token)


def is_circumfix_negation(token):
    """Egyptian and Levantine "ما…ش": ماعجبنيش، مبيردش، مكانش — the word negates itself."""
    return len(token) >= 5 and token[0] == "م" and token[-1] == "ش"


class Lexicon:
    def __init__(self, words, emoji, emoticons):
        self.words = words  # normalized word -> polarity (VADER scale, about -4…4)
        self.emoji = emoji  # scalar value -> polarity
        self.emoticons = emoticons  # whitespace-separated piece, as typed -> polarity

    def word_score(self, token):
        score = self.words.get(token)
        if score is None and len(token) > 3 and token[0] in "وفب" and is_arabic_letter(token[0]):
            score = self.words.get(token[1:])
        return score


NEGATORS_SET = set(NEGATORS)
BREAKERS_SET = set(SCOPE_BREAKERS)
QUESTION_SET = set(QUESTION_WORDS)
STARTERS_SET = set(QUESTION_STARTERS)
REQUEST_SET = set(REQUEST_WORDS)


def clauses(text, lexicon, cues):
    """Splits a message into clauses of raw text; drops URLs and @mentions; counts emoticons."""
    result = [[]]
    for piece in pieces(text):
        if is_link_or_mention(piece):
            continue
        emoticon = lexicon.emoticons.get(piece)
        if emoticon is not None:
            cues["emoji_positive" if emoticon > 0 else "emoji_negative"] += abs(emoticon)
            continue
        for ch in piece:
            if ord(ch) in CLAUSE_BREAKS:
                result.append([])
            else:
                result[-1].append(ch)
        result[-1].append(" ")
    return ["".join(c) for c in result]


def analyze_tokens(text, lexicon):
    """The clauses of a message as lists of (token, negated), plus the cue counts the dense features use."""
    cues = dict.fromkeys(DENSE_NAMES, 0.0)
    emoji = []
    for ch in text:
        v = ord(ch)
        if is_emoji(v):
            emoji.append(ch)
        if v in QUESTION_MARKS:
            cues["question_mark"] = 1.0
        elif v == EXCLAMATION:
            cues["exclamation"] += 1.0
        else:
            polarity = lexicon.emoji.get(v)
            if polarity is not None:
                cues["emoji_positive" if polarity > 0 else "emoji_negative"] += abs(polarity)
    result = []
    count = 0
    for clause in clauses(text, lexicon, cues):
        marked = []
        scope = 0
        for position, raw in enumerate(searchtext.tokens(clause)):
            token, elongated = collapse_elongation(raw)
            if elongated:
                cues["elongated"] = 1.0
            if is_number(token):
                token = "0"
            count += 1
            if token in BREAKERS_SET:
                scope = 0
                marked.append((token, False))
                continue
            if token in NEGATORS_SET:
                scope = NEGATION_SCOPE
                marked.append((token, False))
                continue
            negated = scope > 0
            if scope > 0:
                scope -= 1
            if is_circumfix_negation(token):
                negated = True
                scope = NEGATION_SCOPE - 1
            if token in QUESTION_SET or (position == 0 and token in STARTERS_SET):
                cues["question_word"] = 1.0
            if token in REQUEST_SET:
                cues["request"] = 1.0
            score = lexicon.word_score(token)
            if score is not None:
                if negated:
                    cues["negated_positive_sum" if score > 0 else "negated_negative_sum"] += abs(score)
                else:
                    cues["positive_sum" if score > 0 else "negative_sum"] += abs(score)
            marked.append((token, negated))
        if marked:
            result.append(marked)
    cues["_count"] = count
    cues["_emoji"] = emoji
    return result, cues


def lexicon_score(cues):
    """The rule-based score (the baseline): polarity summed, negated hits flipped and weakened."""
    return (cues["positive_sum"] - cues["negative_sum"]
            + NEGATED_FLIP * (cues["negated_positive_sum"] - cues["negated_negative_sum"])
            + cues["emoji_positive"] - cues["emoji_negative"])


def dense_features(text, cues):
    lang = language(text)
    values = [
        1.0 if lang == "ar" else 0.0,
        1.0 if lang == "en" else 0.0,
        math.log1p(cues["positive_sum"]),
        math.log1p(cues["negative_sum"]),
        math.log1p(cues["negated_positive_sum"]),
        math.log1p(cues["negated_negative_sum"]),
        math.log1p(cues["emoji_positive"]),
        math.log1p(cues["emoji_negative"]),
        cues["question_mark"],
        cues["question_word"],
        cues["request"],
        min(cues["exclamation"], 3.0) / 3.0,
        math.tanh(lexicon_score(cues) / 4.0),
        math.log1p(cues["_count"]) / 5.0,
        cues["elongated"],
    ]
    return values


def hashed_feature_strings(clause_tokens, emoji):
    """Every feature of a message as bytes (namespace letter + text); the model hashes them into buckets."""
    out = [b"e" + e.encode("utf-8") for e in emoji]
    for marked in clause_tokens:
        previous = None
        for token, negated in marked:
            word = token.encode("utf-8")
            out.append((b"v" if negated else b"w") + word)
            if previous is not None:
                out.append(b"b" + previous + b" " + word)
            previous = word
            if len(token) <= MAX_CHAR_NGRAM_TOKEN:
                padded = "<" + token + ">"
                namespace = b"n" if negated else b"c"
                for n in range(2, 6):
                    for start in range(0, len(padded) - n + 1):
                        out.append(namespace + padded[start:start + n].encode("utf-8"))
            if skeletons.AVAILABLE and is_arabic_letter(token[0]):
                # The consonant skeleton is shared with Arabizi ("wa7esh" and "وحش"), so transliterated
                # messages whose vowels were guessed wrong still meet the features training learned.
                bones = "<" + skeletons.skeleton(token) + ">"
                namespace = b"m" if negated else b"s"
                for n in range(2, 5):
                    for start in range(0, len(bones) - n + 1):
                        out.append(namespace + bones[start:start + n].encode("utf-8"))
    return out
