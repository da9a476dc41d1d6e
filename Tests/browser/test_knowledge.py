#!/usr/bin/env python3
"""Real-browser end-to-end test of the knowledge base (headless Chromium through Selenium).

  python3 Tests/browser/test_knowledge.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve` (temporary data directory, SQLite, free port on 127.0.0.1) with an admin and an
agent made by `raaya admin create`. Through the API, as the admin: a category (Arabic and English names), two
published articles (one about tracking an order) and one internal article, each in Arabic and English, their
bodies Markdown with **bold** and a numbered list. Then:

1. Agent editor, Arabic desktop: the admin signs in through the form, opens /agent/kb/new, types a Markdown
   article in Arabic and English, chooses "منشور", saves: the browser lands on /agent/kb/{id}?done=saved with
   "حُفظت التغييرات", and the preview shows the bold text as <strong> in article[lang=ar] and article[lang=en].
2. Help center, Arabic phone (390×844): /help/kb lists the category and the published titles, not the internal
   one; the dialect question "وين طلبي؟" finds the tracking article first; its page is <article lang=ar dir=rtl>
   with the rendered numbered list and no horizontal scroll; "نعم" under "هل أفادك هذا المقال؟" gives the thanks
   notice (and the API counts helpful = 1); "still need help" leads to /help?article=ID with "بخصوص المقال".
3. English: the same article in an English browser is <article lang=en dir=ltr> with the English title.

No console error in the browser. Screenshots (kb-*.png) go to --out (default test-output/browser/).
Exits 0 when everything passed, 1 with a message naming the failed check otherwise.
"""

import os
import sys

from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import ADMIN, Browser as BaseBrowser, check, log, run  # noqa: E402

CATEGORY = {"name_ar": "الطلبات والشحن", "name_en": "Orders and shipping"}
TRACKING = {
    "tags": ["شحن", "تتبع"],
    "ar": {"title": "تتبّع طلبك خطوة بخطوة",
           "body": "يمكنك معرفة مكان طلبك في أي وقت، **برقم الطلب** الموجود في رسالة التأكيد.\n\n"
                   "1. افتح صفحة طلباتي.\n2. اختر الطلب.\n3. اضغط على تتبّع الشحنة.\n"},
    "en": {"title": "Track your order step by step",
           "body": "You can see where your order is at any time with **your order number** from the confirmation.\n\n"
                   "1. Open My orders.\n2. Choose the order.\n3. Press Track shipment.\n"},
}
RETURNS = {
    "tags": ["استرجاع"],
    "ar": {"title": "سياسة الاسترجاع والاستبدال",
           "body": "يحق لك استرجاع المنتج خلال **أربعة عشر يوماً** من الاستلام.\n\n"
                   "1. احتفظ بالفاتورة.\n2. أعد المنتج في علبته الأصلية.\n"},
    "en": {"title": "Returns and exchanges policy",
           "body": "You may return a product within **fourteen days** of delivery.\n\n"
                   "1. Keep the invoice.\n2. Send the product back in its original box.\n"},
}
INTERNAL = {
    "tags": ["داخلي"],
    "ar": {"title": "ملاحظات الفريق عن شركات الشحن",
           "body": "لا تعد العميل **بموعد محدد** قبل تأكيد شركة الشحن.\n\n1. راجع النظام.\n2. اتصل بالشركة.\n"},
    "en": {"title": "Team notes on carriers",
           "body": "Never promise **a fixed date** before the carrier confirms.\n\n1. Check the system.\n2. Call the carrier.\n"},
}
EDITED = {
    "ar": {"title": "مواعيد عمل خدمة العملاء", "bold": "من الأحد إلى الخميس",
           "body": "نرد على رسائلكم **من الأحد إلى الخميس** طوال اليوم.\n\n1. أرسل طلبك.\n2. انتظر ردنا.\n"},
    "en": {"title": "Customer service hours", "bold": "Sunday to Thursday",
           "body": "We answer your messages **Sunday to Thursday** all day.\n\n1. Send your request.\n2. Wait for our reply.\n"},
}
QUESTION = "وين طلبي؟"

# The pages' words (Sources/RaayaServer/Web/Phrase.swift), checked word for word.
AR = {"otherArticles": "مقالات أخرى", "signInTitle": "الدخول إلى مساحة العمل", "inbox": "صندوق التذاكر", "newArticle": "مقال جديد",
      "changesSaved": "حُفظت التغييرات", "helpCenter": "مركز المساعدة", "wasHelpful": "هل أفادك هذا المقال؟",
      "yes": "نعم", "thanks": "شكراً لك، رأيك يساعدنا على تحسين المقالات.", "stillNeedHelp": "ما زلت بحاجة إلى مساعدة؟",
      "fromArticle": "بخصوص المقال"}

SNAPSHOT_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const q = (s) => document.querySelector(s);
const all = (s, root) => Array.from((root || document).querySelectorAll(s));
const text = (s) => { const el = q(s); return el ? strip(el.textContent) : null; };
const html = document.documentElement;
const article = (el) => ({ lang: el.getAttribute('lang'), dir: el.getAttribute('dir'),
  title: strip((el.querySelector('h1, h2') || {}).textContent),
  strong: all('.article-body strong', el).map((s) => strip(s.textContent)),
  ol: all('.article-body ol li', el).map((li) => strip(li.textContent)) });
return {
  url: location.pathname + location.search, lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
  h1: text('main h1'), notice: text('main .notice'), error: text('main .error'),
  categories: all('main .categories section').map((s) => ({ name: strip(s.querySelector('h2').textContent),
    titles: all('ul.articles a', s).map((a) => strip(a.textContent)) })),
  results: all('main ul.articles a').map((a) => ({ href: a.getAttribute('href'), title: strip(a.textContent) })),
  articles: all('main article').map(article),
  vote: q('form[action$="/vote"]') ? { question: text('form[action$="/vote"] span'),
    buttons: all('form[action$="/vote"] button').map((b) => strip(b.textContent)) } : null,
  stillNeedHelp: q('#still-need-help') ? { title: text('#still-need-help h2'),
    href: q('#still-need-help a.button').getAttribute('href') } : null,
  fromArticle: text('main p.muted'),
  articleField: q('input[name=article_id]') ? q('input[name=article_id]').value : null,
  scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth
};
"""


class Browser(BaseBrowser):
    snapshot_js = SNAPSHOT_JS


def create_content(server, admin, found):
    category = server.api("POST", "/api/v1/kb/categories", CATEGORY, token=admin)
    found["category"] = category["id"]
    for key, fixture, state in (("tracking", TRACKING, "published"), ("returns", RETURNS, "published"),
                                ("internal", INTERNAL, "internal")):
        made = server.api("POST", "/api/v1/kb/articles", {
            "category_id": category["id"], "state": state, "tags": fixture["tags"],
            "translations": {"ar": fixture["ar"], "en": fixture["en"]}}, token=admin)
        check(made["state"] == state and set(made["translations"]) == {"ar", "en"}, f"the API's new article: {made}")
        found[key] = made["id"]


# ---------------------------------------------------------------------------------------------- the scenarios

def editor(server, browser, out):
    """The agent's editor: a Markdown article in both languages, saved and previewed."""
    browser.driver.get(server.base + "/sign-in")
    browser.wait(lambda s: s["h1"] == AR["signInTitle"], "the Arabic sign-in form")
    browser.find("#email").send_keys(ADMIN["email"])
    browser.find("#password").send_keys(ADMIN["password"])
    browser.find("main form button[type=submit]").click()
    browser.wait(lambda s: s["url"].startswith("/agent") and s["h1"] == AR["inbox"], "the inbox after signing in")

    state = browser.open(server, "/agent/kb/new", "/agent/kb/new")
    check(state["lang"] == "ar" and state["dir"] == "rtl" and state["h1"] == AR["newArticle"],
          f"/agent/kb/new: lang={state['lang']} dir={state['dir']} h1={state['h1']!r}")
    for code in ("ar", "en"):
        browser.type_into(f"#title-{code}", EDITED[code]["title"])
        browser.type_into(f"#body-{code}", EDITED[code]["body"])
    Select(browser.find("form[action='/agent/kb'] select[name=state]")).select_by_value("published")
    browser.find("form[action='/agent/kb'] button[type=submit]").click()
    state = browser.wait(lambda s: s["url"].endswith("?done=saved") and s["url"].startswith("/agent/kb/"),
                         "the article's page after saving")
    check(state["notice"] == AR["changesSaved"] and state["error"] is None,
          f"after saving: notice {state['notice']!r}, error {state['error']!r}")
    previews = {a["lang"]: a for a in state["articles"]}
    for code, direction in (("ar", "rtl"), ("en", "ltr")):
        preview = previews.get(code)
        check(preview is not None, f"no article[lang={code}] preview: {state['articles']}")
        check(preview["dir"] == direction and preview["title"] == EDITED[code]["title"],
              f"the {code} preview: {preview}")
        check(preview["strong"] == [EDITED[code]["bold"]], f"the {code} preview's <strong>: {preview['strong']}")
        check(len(preview["ol"]) == 2, f"the {code} preview's numbered list: {preview['ol']}")
    browser.screenshot(os.path.join(out, "kb-ar-editor.png"))
    browser.check_console()
    log(f"editor: article {state['url']} saved and previewed in both languages")


def help_center_phone(server, admin, browser, out, found):
    """The public help center on an Arabic phone: list, dialect search, article, vote, still need help."""
    state = browser.open(server, "/help/kb", "/help/kb")
    check(state["lang"] == "ar" and state["dir"] == "rtl" and state["h1"] == AR["helpCenter"],
          f"/help/kb: lang={state['lang']} dir={state['dir']} h1={state['h1']!r}")
    # The category, then "other articles" for the one written in the editor without a category.
    check([c["name"] for c in state["categories"]] == [CATEGORY["name_ar"], AR["otherArticles"]],
          f"the categories: {state['categories']}")
    titles = state["categories"][0]["titles"]
    check(state["categories"][1]["titles"] == [EDITED["ar"]["title"]],
          f"the uncategorised article should be under {AR['otherArticles']!r}: {state['categories'][1]}")
    for fixture in (TRACKING, RETURNS):
        check(fixture["ar"]["title"] in titles, f"{fixture['ar']['title']!r} should be listed: {titles}")
    check(INTERNAL["ar"]["title"] not in titles, f"the internal article is listed publicly: {titles}")
    check(state["scrollWidth"] <= state["clientWidth"],
          f"/help/kb scrolls sideways: {state['scrollWidth']} > {state['clientWidth']}")
    browser.screenshot(os.path.join(out, "kb-ar-phone-home.png"))

    browser.type_into("main form[role=search] input[name=q]", QUESTION)
    browser.find("main form[role=search] button[type=submit]").click()
    state = browser.wait(lambda s: s["url"].startswith("/help/kb?q=") and s["results"] is not None
                         and (s["results"] or s["fromArticle"]), f"the results for {QUESTION!r}")
    check(state["results"] and state["results"][0]["href"] == f"/help/kb/{found['tracking']}",
          f"{QUESTION!r} should find {TRACKING['ar']['title']!r} first: {state['results']} ({state['fromArticle']!r})")
    check(all(r["title"] != INTERNAL["ar"]["title"] for r in state["results"]),
          f"the internal article is in the public results: {state['results']}")

    browser.find("main ul.articles a").click()
    href = f"/help/kb/{found['tracking']}"
    state = browser.wait(lambda s: s["url"] == href and s["articles"], f"the article's page {href}")
    article = state["articles"][0]
    check(article["lang"] == "ar" and article["dir"] == "rtl" and article["title"] == TRACKING["ar"]["title"],
          f"the Arabic article: {article}")
    check(article["ol"] == ["افتح صفحة طلباتي.", "اختر الطلب.", "اضغط على تتبّع الشحنة."],
          f"the numbered list: {article['ol']}")
    check(article["strong"] == ["برقم الطلب"], f"the bold text: {article['strong']}")
    check(state["scrollWidth"] <= state["clientWidth"],
          f"the article scrolls sideways on a phone: {state['scrollWidth']} > {state['clientWidth']}")
    check(state["vote"] and state["vote"]["question"] == AR["wasHelpful"] and AR["yes"] in state["vote"]["buttons"],
          f"the vote form: {state['vote']}")
    check(state["stillNeedHelp"] and state["stillNeedHelp"]["title"] == AR["stillNeedHelp"],
          f"the still-need-help section: {state['stillNeedHelp']}")
    browser.screenshot(os.path.join(out, "kb-ar-phone-article.png"))
    browser.check_console()

    browser.find('form[action$="/vote"] button[value=yes]').click()
    state = browser.wait(lambda s: s["url"] == f"{href}?voted=1", "the article after voting")
    check(state["notice"] == AR["thanks"] and state["vote"] is None,
          f"after voting: notice {state['notice']!r}, form {state['vote']}")
    stored = server.api("GET", f"/api/v1/kb/articles/{found['tracking']}", token=admin)
    check(stored["helpful"] == 1 and stored["not_helpful"] == 0,
          f"the API's votes: helpful {stored['helpful']}, not helpful {stored['not_helpful']}")

    browser.find("#still-need-help a.button").click()
    state = browser.wait(lambda s: s["url"] == f"/help?article={found['tracking']}", "the request form from the article")
    check(state["fromArticle"] == f"{AR['fromArticle']}: {TRACKING['ar']['title']}",
          f"the request form's article line: {state['fromArticle']!r}")
    check(state["articleField"] == str(found["tracking"]), f"the form's article_id: {state['articleField']!r}")
    browser.check_console()
    log(f"phone: {QUESTION!r} → #{found['tracking']}, voted helpful, request form about it")


def english(server, browser, out, found):
    """The article in an English browser: the English translation."""
    href = f"/help/kb/{found['tracking']}"
    state = browser.open(server, href, href, lambda s: s["articles"])
    check(state["lang"] == "en" and state["dir"] == "ltr", f"the English page: lang={state['lang']} dir={state['dir']}")
    article = state["articles"][0]
    check(article["lang"] == "en" and article["dir"] == "ltr" and article["title"] == TRACKING["en"]["title"],
          f"the English article: {article}")
    check(article["strong"] == ["your order number"] and len(article["ol"]) == 3, f"the English body: {article}")
    browser.screenshot(os.path.join(out, "kb-en-article.png"))
    browser.check_console()
    log("English: the English translation, ltr")


def scenarios(server, scratch, out):
    admin = server.login(ADMIN)
    found = {}
    create_content(server, admin, found)
    desktop = Browser("kb-ar-desktop", scratch, languages="ar-SA,ar")
    phone = Browser("kb-ar-phone", scratch, width=390, height=844, phone=True, languages="ar")
    english_browser = Browser("kb-en", scratch, languages="en-US,en")
    return (("agent editor in Arabic: Markdown in both languages", lambda: editor(server, desktop, out)),
            ("help center on an Arabic phone", lambda: help_center_phone(server, admin, phone, out, found)),
            ("help center article in English", lambda: english(server, english_browser, out, found)))


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios,
                 is_stale=lambda name: name.startswith(("kb-", "failure-kb-")) and name.endswith(".png")))
