#!/usr/bin/env python3
"""Validate articles.json and questions.json (Raaya demo knowledge base).

Usage: python3 check.py [folder]   (default: the folder this script is in)
Exits with status 1 if any check fails; warnings do not fail the run.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


ARABIC = re.compile(r"[\u0600-\u06FF]")
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
VARIETIES = {"msa", "gulf", "egyptian", "levantine", "arabizi", "english", "english-misspelled"}
STATES = {"published", "internal", "draft"}


def words(text):
    return [w for w in text.split() if re.search(r"\w", w)]


def normalize(text):
    text = text.lower()
    text = re.sub(r"[\u064B-\u0652\u0670\u0640]", "", text)      # harakat, dagger alef, tatweel
    text = re.sub(r"[أإآٱ]", "ا", text)
    text = text.replace("ة", "ه").replace("ى", "ي").replace("ؤ", "و").replace("ئ", "ي")
    text = text.replace("’", "'")
    return re.sub(r"[^\w\s']", " ", text).split()


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


kb = load("articles.json")
questions = load("questions.json")

# ------------------------------------------------------------------ categories
cats = kb.get("categories", [])
cat_slugs = [c.get("slug") for c in cats]
if not 7 <= len(cats) <= 9:
    err(f"expected 7-9 categories, found {len(cats)}")
if len(set(cat_slugs)) != len(cat_slugs):
    err("duplicate category slugs")
for c in cats:
    if not (c.get("name_ar") and ARABIC.search(c["name_ar"]) and c.get("name_en")):
        err(f"category {c.get('slug')}: needs name_ar (Arabic) and name_en")

# ------------------------------------------------------------------ articles
arts = kb.get("articles", [])
by_slug = {}
for a in arts:
    s = a.get("slug")
    if s in by_slug:
        err(f"duplicate article slug {s}")
    by_slug[s] = a
published = {s for s, a in by_slug.items() if a.get("state") == "published"}

if len(arts) < 34:
    err(f"expected at least 34 articles, found {len(arts)}")
states = Counter(a.get("state") for a in arts)
if states.get("draft", 0) != 1:
    err(f"expected exactly one draft article, found {states.get('draft', 0)}")
if states.get("internal", 0) < 1:
    err("expected at least one internal article")

for a in arts:
    s = a.get("slug", "?")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s or ""):
        err(f"{s}: slug is not kebab-case")
    if a.get("category") not in cat_slugs:
        err(f"{s}: unknown category {a.get('category')}")
    if a.get("state") not in STATES:
        err(f"{s}: bad state {a.get('state')}")
    tags = a.get("tags", [])
    # Tags carry the words customers search with ("also asked as"), so an article may have a good many.
    if not 3 <= len(tags) <= 20:
        err(f"{s}: {len(tags)} tags (want 3-20)")
    if not any(ARABIC.search(t) for t in tags) or not any(not ARABIC.search(t) for t in tags):
        err(f"{s}: tags must include both Arabic and English")
    for r in a.get("related", []):
        if r not in by_slug:
            err(f"{s}: related slug {r} does not exist")
        elif r == s:
            err(f"{s}: relates to itself")
        elif a.get("state") == "published" and r not in published:
            err(f"{s}: published article relates to non-published {r}")

    tr = a.get("translations", {})
    for lang in ("ar", "en"):
        t = tr.get(lang)
        if not t or not t.get("title") or not t.get("body"):
            err(f"{s}: missing {lang} title/body")
            continue
        body, title = t["body"], t["title"]
        n = len(words(body))
        if not 100 <= n <= 250:
            err(f"{s}/{lang}: body has {n} words (want 100-250)")
        first = body.strip().split("\n\n")[0].strip()
        if a.get("state") == "published" and re.match(r"(#|-|\*\s|\d+\.|\|)", first):
            err(f"{s}/{lang}: first block must be a plain answer paragraph")
        if a.get("state") == "published" and len(words(first)) < 15:
            err(f"{s}/{lang}: first paragraph too short to stand alone ({len(words(first))} words)")
        for _, url in LINK.findall(body):
            if not url.startswith("/") or url.startswith("//"):
                err(f"{s}/{lang}: link is not a relative path: {url}")
            m = re.match(r"/help/([a-z0-9-]+)$", url)
            if m:
                target = m.group(1)
                if target not in by_slug:
                    err(f"{s}/{lang}: link to unknown article {target}")
                elif a.get("state") == "published" and target not in published:
                    err(f"{s}/{lang}: published article links to non-published {target}")
        if lang == "ar":
            if not ARABIC.search(title) or not ARABIC.search(body):
                err(f"{s}/ar: text is not Arabic")
            plain = LINK.sub(lambda m_: m_.group(1), body)
            for m_ in re.finditer(r"[\u0600-\u06FF][\s*)]*[,;?]", plain):
                err(f"{s}/ar: Latin punctuation after Arabic text: ...{plain[max(0, m_.start()-15):m_.end()]}")
            if re.search(r"[,;?]", title):
                err(f"{s}/ar: Latin punctuation in title")
        else:
            if ARABIC.search(title + body):
                err(f"{s}/en: English text contains Arabic script")
    # rough parity check between the two translations
    if tr.get("ar") and tr.get("en"):
        na, ne = len(words(tr["ar"]["body"])), len(words(tr["en"]["body"]))
        if not 0.55 <= na / ne <= 1.15:
            warn(f"{s}: ar/en length ratio {na/ne:.2f} looks unbalanced")
        la, le = LINK.findall(tr["ar"]["body"]), LINK.findall(tr["en"]["body"])
        if sorted(u for _, u in la) != sorted(u for _, u in le):
            err(f"{s}: ar and en bodies link to different targets")

for c in cat_slugs:
    if not any(a.get("category") == c for a in arts):
        err(f"category {c} has no articles")

# ------------------------------------------------------------------ questions
if not isinstance(questions, list):
    err("questions.json must be a list")
    questions = []
if len(questions) < 70:
    err(f"expected at least 70 questions, found {len(questions)}")
seen = set()
answered = Counter()
unanswered = Counter()
covered = Counter()
title_overlap = []
for i, q in enumerate(questions):
    text, lang, var, ans = q.get("q", ""), q.get("lang"), q.get("variety"), q.get("answers")
    tag = f"question #{i} ({text[:30]!r})"
    if not text.strip():
        err(f"{tag}: empty")
    if text in seen:
        err(f"{tag}: duplicate")
    seen.add(text)
    if var not in VARIETIES:
        err(f"{tag}: bad variety {var}")
    want_lang = "en" if var in ("english", "english-misspelled") else "ar"
    if lang != want_lang:
        err(f"{tag}: lang {lang} but variety {var}")
    if var in ("english", "english-misspelled", "arabizi") and ARABIC.search(text):
        err(f"{tag}: {var} question contains Arabic script")
    if var in ("msa", "gulf", "egyptian", "levantine") and not ARABIC.search(text):
        err(f"{tag}: {var} question is not in Arabic script")
    if not isinstance(ans, list):
        err(f"{tag}: answers must be a list")
        continue
    for s in ans:
        if s not in by_slug:
            err(f"{tag}: unknown answer slug {s}")
        elif s not in published:
            err(f"{tag}: answer {s} is not published")
        covered[s] += 1
    (answered if ans else unanswered)[var] += 1
    # does the question reuse the exact wording of an answer's title?
    qt = normalize(text)
    for s in ans:
        if s not in by_slug:
            continue
        tt = normalize(by_slug[s]["translations"][lang]["title"])
        contiguous = any(qt[k:k + len(tt)] == tt for k in range(len(qt) - len(tt) + 1))
        if tt and (contiguous or set(tt) <= set(qt)):
            title_overlap.append(text)
            break

total_answered = sum(answered.values())
share = len(title_overlap) / max(1, total_answered)
if share > 0.20:
    err(f"{len(title_overlap)} questions ({share:.0%}) reuse an answer title's exact wording (max 20%)")

minimums = {"msa": 20, "gulf": 10, "egyptian": 6, "levantine": 5, "arabizi": 4}
for v, m in minimums.items():
    if answered[v] < m:
        err(f"only {answered[v]} answered {v} questions (want about {m}+)")
if answered["english"] + answered["english-misspelled"] < 13:
    err("too few answered English questions (want about 15)")
if answered["english-misspelled"] < 4:
    err("too few misspelled English questions (want about 5)")
if not 10 <= sum(unanswered.values()) <= 15:
    err(f"expected about 12 unanswerable questions, found {sum(unanswered.values())}")
for s in sorted(published - set(covered)):
    warn(f"published article {s} is not the answer to any question")

# ------------------------------------------------------------------ report
print("Categories / articles:")
for c in cats:
    group = [a for a in arts if a.get("category") == c["slug"]]
    st = Counter(a["state"] for a in group)
    extra = ", ".join(f"{k} {v}" for k, v in sorted(st.items()) if k != "published")
    print(f"  {c['slug']:10} {len(group):2}  ({c['name_en']} / {c['name_ar']})" + (f"  [{extra}]" if extra else ""))
print(f"  total      {len(arts):2}  (published {states['published']}, internal {states['internal']}, draft {states['draft']})")
print("Questions by variety (answered + unanswerable):")
for v in ["msa", "gulf", "egyptian", "levantine", "arabizi", "english", "english-misspelled"]:
    print(f"  {v:19} {answered[v]:3} + {unanswered[v]:2} = {answered[v] + unanswered[v]}")
print(f"  {'total':19} {total_answered:3} + {sum(unanswered.values()):2} = {len(questions)}")
print(f"Questions reusing an answer title's wording: {len(title_overlap)} ({share:.0%})")
for t in title_overlap:
    print(f"    - {t}")
print(f"Published articles covered by questions: {len(set(covered) & published)}/{len(published)}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print("OK" if not errors else f"FAILED with {len(errors)} error(s)")
sys.exit(1 if errors else 0)
