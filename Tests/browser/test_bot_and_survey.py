#!/usr/bin/env python3
"""Real-browser end-to-end test of live chat's answer bot and of satisfaction surveys (headless Chromium through
Selenium).

  python3 Tests/browser/test_bot_and_survey.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve --demo` (temporary data directory, SQLite, free port on 127.0.0.1): the demo's staff,
its 37 published bilingual articles, its mailbox and its CSAT survey (an hour after a solve). Outbound mail goes to
an SMTP relay the test runs itself (aiosmtpd, in this process). Chat is made available at any hour (the demo's
calendar is Sunday–Thursday 08:00–18:00 Riyadh; the test takes the calendar away with PUT /api/v1/channels/chat),
and the demo's Tier 1 agent Omar is online on the agents' websocket (Python `websockets`) throughout. Then:

1. Answer bot, Arabic desktop (/chat/demo?lang=ar): the knowledge search (GET /api/v1/kb/search) shows the test's
   question matches the password article surely enough (confidence ≥ 0.5). The visitor asks it; the bot's reply
   in the widget is the article's first paragraph, a link to the article and "did this solve it?", word for word,
   and the chat is not yet waiting for an agent. The visitor answers «لا»: the hand-off message appears, the chat
   now waits for an agent (GET /api/v1/chats), and the agent's socket, the ticket's messages and its events all
   have the whole conversation, with bot_answered (the article) and bot_handed_off (reason not_solved).
2. Answer bot, English desktop: a refund question, the English article's answer, "yes": the bot's thanks, the
   ticket solved (the agent's socket hears the status) with a bot_solved event naming the article.
3. Asking for a person hands off at once, no article offered: «ابغى اكلم موظف» on an Arabic 390×844 phone and
   "agent please" on an English desktop (bot_handed_off, reason asked).
4. Survey by mail on a phone (390×844), Arabic and English: a CSAT survey sent at once (POST /api/v1/surveys,
   delay_minutes 0); an email ticket whose customer reads Arabic (then one who reads English) is solved through
   the API; the server's dispatcher puts the survey in the outbox and the relay receives it in the customer's
   language with one-click links ?score=1..5 to this server. The ?score=4 link opened in Chromium records the
   rating and shows the comment form («سجّلنا تقييمك…», rtl, nothing wider than the screen); a comment typed in
   Arabic and sent gives the thanks; GET /api/v1/surveys/{id}/responses has the score and the comment. In English
   the rating is then changed in the form (allowed for 24 hours) and the new one is stored.
5. Survey in the chat widget: the phone's chat from 3 is answered by Omar and solved; the survey arrives in the
   widget as the "قيّم المحادثة" button (class rate), which opens the survey page in a new tab; the rating and
   Arabic comment chosen there are stored for the chat ticket (channel chat).

No console error on any page. Screenshots (bot-*.png, survey-*.png) go to --out (default test-output/browser/).
Exits 0 when everything passed, 1 with a message naming the failed check otherwise (the server's data directory
and log are then kept, and failure-*.png saved for each open browser).
"""

import json
import os
import re
import sys
from urllib.parse import quote

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import (DEMO_ADMIN, DEMO_AGENT, Agent, Browser as BaseBrowser, check, log,  # noqa: E402
                     run, wait_until)
from test_portal import Relay  # noqa: E402

# ---------------------------------------------------------------------------------------------- what is checked

# Questions that each clearly match one demo article (demo/knowledge-base/articles.json), found by its title.
AR_QUESTION = {"text": "نسيت كلمة المرور، كيف أعيد تعيينها؟", "title": "كيف أعيد تعيين كلمة المرور؟"}
EN_QUESTION = {"text": "How long does a refund take?", "title": "How long does a refund take?"}
AR_PERSON = "ابغى اكلم موظف"
EN_PERSON = "agent please"

# The bot's words (Sources/RaayaServer/Channels/Chat/ChatBot.swift), checked word for word.
BOT = {
    "ar": {"answer": "{paragraph}\n\nالتفاصيل في مقال «{title}»: {link}\n\n"
                     "هل حلّت هذه الإجابة مشكلتك؟ اكتب «نعم» أو «لا».",
           "handOff": "سأحوّلك الآن إلى أحد موظفينا، وسيرى محادثتنا كاملة.",
           "solved": "يسعدنا ذلك! إن احتجت شيئاً آخر فاكتب لنا هنا.",
           "no": "لا"},
    "en": {"answer": "{paragraph}\n\nMore in “{title}”: {link}\n\nDid this solve your problem? Type “yes” or “no”.",
           "handOff": "I'm passing you to one of our team now; they will see our whole conversation.",
           "solved": "Glad to hear it! Write here if you need anything else.",
           "yes": "yes"},
}
# The widget's words (its STRINGS table).
WIDGET = {"ar": {"agent": "فريق الدعم", "rate": "قيّم المحادثة"},
          "en": {"agent": "Support", "rate": "Rate this conversation"}}

# The survey pages' and mail's words (Sources/RaayaServer/Web/Phrase.swift, Surveys/Survey.swift and
# SurveyInvitations.swift).
SURVEY = {
    "ar": {"question": "ما مدى رضاك عن المساعدة التي تلقيتها؟", "subject": "رأيك يهمنا", "title": "رأيك يهمنا",
           "recorded": "سجّلنا تقييمك، شكراً! يمكنك تغييره أو إضافة تعليق خلال ٢٤ ساعة.",
           "thanks": "شكراً لك! وصلنا رأيك، وسنستفيد منه.", "yourRating": "تقييمك",
           "comment": "هل تود إخبارنا بالمزيد؟ (اختياري)", "send": "إرسال", "greeting": "مرحباً {name}،",
           "scale": ["راضٍ جداً", "راضٍ", "محايد", "غير راضٍ", "غير راضٍ إطلاقاً"]},
    "en": {"question": "How satisfied are you with the help you received?", "subject": "How did we do?",
           "title": "How did we do?",
           "recorded": "Your rating is recorded, thank you! You can change it or add a comment within 24 hours.",
           "thanks": "Thank you! We have your feedback and will learn from it.", "yourRating": "Your rating",
           "comment": "Would you like to tell us more? (optional)", "send": "Send", "greeting": "Hello {name},",
           "scale": ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]},
}
MAIL_CUSTOMERS = {
    "ar": {"name": "منيرة الشهري", "email": "munira.survey@example.com",
           "subject": "لم يصلني رمز التحقق", "body": "السلام عليكم، أحاول الدخول إلى حسابي ولا يصلني رمز التحقق.",
           "reply": "تم حل المشكلة، شكراً لصبرك.",
           "score": 4, "comment": "الموظف كان متعاوناً جداً، لكن الرد تأخر يوماً كاملاً"},
    "en": {"name": "Oliver Grant", "email": "oliver.survey@example.com",
           "subject": "Wrong size delivered", "body": "Hello, I ordered a size M jacket and received an L.",
           "reply": "All sorted, thank you for your patience.",
           "score": 5, "changed": 3, "comment": "Sorted out, though I had to explain it twice."},
}
CHAT_SURVEY = {"reply": "أهلاً بك، أنا عمر من فريق الدعم. حدّثت بيانات طلبك، وسيصلك التأكيد خلال دقائق.",
               "score": 5, "comment": "شكراً عمر، خدمة سريعة وواضحة"}

WIDGET_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '');
const html = document.documentElement;
const page = { url: location.pathname + location.search, dir: html.getAttribute('dir'), lang: html.getAttribute('lang'),
               vw: window.innerWidth, vh: window.innerHeight,
               scrollWidth: (document.scrollingElement || html).scrollWidth };
const host = document.querySelector('raaya-chat');
if (!host || !host.shadowRoot) return { page, mounted: false, h1: null };
const root = host.shadowRoot;
const q = (s, from) => (from || root).querySelector(s);
const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const panel = q('.panel');
return {
  page, mounted: true, h1: '',
  rootDir: q('.root').getAttribute('dir'), rootLang: q('.root').getAttribute('lang'),
  launcher: visible(q('.launcher')),
  panel: visible(panel) && !panel.getAnimations().some((a) => a.playState === 'running'),
  status: visible(q('.status')) ? strip(q('.status').innerText) : '',
  sendDisabled: q('.send').disabled,
  messages: Array.from(root.querySelectorAll('.log .msg')).map((m) => ({
    kind: ['visitor', 'agent', 'system'].find((k) => m.classList.contains(k)),
    pending: m.classList.contains('pending'), failed: m.classList.contains('failed'),
    name: q('.name', m) ? strip(q('.name', m).innerText) : null,
    text: strip(q('.bubble', m).textContent),
    direction: getComputedStyle(q('.bubble', m)).direction,
    links: Array.from(m.querySelectorAll('.bubble a')).map((a) => ({
      cls: a.className, href: a.href, text: strip(a.textContent), target: a.target })) }))
};
"""

SURVEY_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
const q = (s) => document.querySelector(s);
const text = (s) => { const el = q(s); return el ? strip(el.innerText) : null; };
const html = document.documentElement;
return {
  url: location.pathname + location.search, lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
  title: document.title, h1: text('main h1') || text('main .card .notice') || text('main .error'),
  question: text('main h1'), notice: text('main .notice'), error: text('main .error'),
  legend: text('main fieldset.scale legend'),
  scale: Array.from(document.querySelectorAll('main fieldset.scale input[name=score]')).map((i) => ({
    value: i.value, checked: i.checked,
    label: i.parentElement.querySelector('small') ? strip(i.parentElement.querySelector('small').innerText) : null })),
  commentLabel: text('main label[for=comment]'),
  comment: q('#comment') ? q('#comment').value : null,
  button: text('main form button[type=submit]'),
  scrollWidth: (document.scrollingElement || html).scrollWidth, innerWidth: window.innerWidth
};
"""


class Browser(BaseBrowser):
    """A Chromium on the chat's sample page (WIDGET_JS) or a survey page (SURVEY_JS)."""

    snapshot_js = WIDGET_JS

    def widget(self, selector):
        host = self.driver.find_element(By.CSS_SELECTOR, "raaya-chat")
        return host.shadow_root.find_element(By.CSS_SELECTOR, selector)

    def open_chat(self, server, language):
        """The sample page, its widget opened, connected and with someone available."""
        self.snapshot_js = WIDGET_JS
        self.driver.get(f"{server.base}/chat/demo?lang={language}")
        state = self.wait(lambda s: s["mounted"] and s["launcher"], "the widget's launcher")
        direction = "rtl" if language == "ar" else "ltr"
        check(state["page"]["dir"] == direction and state["rootDir"] == direction and state["rootLang"] == language,
              f"[{self.name}] the {language} page and widget should be {direction}: page {state['page']}, widget "
              f"dir={state['rootDir']} lang={state['rootLang']}")
        self.widget(".launcher").click()
        return self.wait(lambda s: s["panel"] and not s["sendDisabled"] and s["status"] == "",
                         "the open panel, connected, with an agent available")

    def say(self, text):
        """Sends text from the composer and waits until the server has it."""
        self.widget("textarea").send_keys(text)
        self.widget(".send").click()
        return self.wait(lambda s: any(m["kind"] == "visitor" and m["text"] == text and not m["pending"]
                                       and not m["failed"] for m in s["messages"]),
                         f"the visitor's {text!r} to be acknowledged")

    def replies(self, state):
        return [m for m in state["messages"] if m["kind"] == "agent"]

    def wait_reply(self, count, what, timeout=20):
        """Waits for the count-th reply (the bot's or an agent's) in the transcript; returns it and the state."""
        state = self.wait(lambda s: len(self.replies(s)) >= count, what, timeout)
        return self.replies(state)[count - 1], state

    def fits(self, state, where):
        width = state["page"]["scrollWidth"] if "page" in state else state["scrollWidth"]
        screen = state["page"]["vw"] if "page" in state else state["innerWidth"]
        check(width <= screen + 1, f"[{self.name}] {where} scrolls sideways: {width} px wide on a {screen} px screen")

    def describe(self, state):
        return json.dumps(state, ensure_ascii=False, indent=1)[:5000]


# ---------------------------------------------------------------------------------------------- helpers

def plain_first_paragraph(markdown):
    """An article body's first paragraph as plain text, as the bot quotes it (RaayaCore's Markdown.firstParagraph):
    headings' and list items' marks, **bold**, `code` and [links](…) reduced to their text."""
    lines = []
    for line in markdown.split("\n"):
        line = line.strip()
        line = re.sub(r"^#{1,6} ", "", line)
        line = re.sub(r"^(?:[-*+]|\d+[.)]) ", "", line)
        line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)
        line = re.sub(r"`([^`]+)`", r"\1", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
        lines.append(line)
    return next(block.strip() for block in "\n".join(lines).split("\n\n") if block.strip())


def choose(browser, score):
    """Taps a point of the survey's scale (its label: the radio button itself may be styled away)."""
    browser.find(f"main fieldset.scale label:has(input[value='{score}'])").click()


def matched_article(server, admin, question, language):
    """The article the knowledge search finds first for question, checked to be the expected one and sure enough
    for the bot to answer with it; returns the article as GET /api/v1/kb/articles/{id} has it."""
    found = server.api("GET", f"/api/v1/kb/search?q={quote(question['text'])}&lang={language}", token=admin)
    check(found["data"], f"the knowledge search finds nothing for {question['text']!r}")
    best = found["data"][0]
    article_id = best.get("id") or (best.get("article") or {}).get("id")
    article = server.api("GET", f"/api/v1/kb/articles/{article_id}", token=admin)
    title = article["translations"][language]["title"]
    check(title == question["title"] and article["state"] == "published",
          f"{question['text']!r} should find the published article {question['title']!r} first, found #{article_id} "
          f"{title!r} ({article['state']}); results: {json.dumps(found['data'][:3], ensure_ascii=False)[:800]}")
    check(found["confidence"] >= 0.5,
          f"the search for {question['text']!r} is not sure enough for the bot "
          f"(confidence {found['confidence']} < 0.5)")
    log(f"knowledge search: {question['text']!r} → #{article_id} {title!r}, confidence {found['confidence']:.2f}")
    return article


def bot_answer(server, article, language):
    body = article["translations"][language]["body"]
    return BOT[language]["answer"].format(paragraph=plain_first_paragraph(body),
                                          title=article["translations"][language]["title"],
                                          link=f"{server.base}/help/kb/{article['id']}")


def ticket_of(agent, text):
    """The chat the agent's socket heard open with the visitor's text; returns its ticket id."""
    opened = agent.next("chat_opened")
    ticket_id = opened["ticket_id"]
    agent.next("message", where=lambda f: f.get("ticket_id") == ticket_id and f.get("from") == "visitor"
               and f.get("text") == text)
    return ticket_id


def conversation_on_socket(agent, ticket_id, last_text):
    """Every message of the chat the agent's socket heard, in order, once it has heard last_text."""
    agent.next("message", where=lambda f: f.get("ticket_id") == ticket_id and f.get("text") == last_text)
    return [(f["from"], f["text"]) for f in agent.received
            if f.get("type") == "message" and f.get("ticket_id") == ticket_id]


def stored_conversation(server, admin, ticket_id):
    messages = server.api("GET", f"/api/v1/tickets/{ticket_id}/messages", token=admin)["data"]
    return [(m["author"], m["body"]) for m in messages if not m["internal"]]


def events(server, admin, ticket_id):
    return server.api("GET", f"/api/v1/tickets/{ticket_id}/events", token=admin)["data"]


def waiting_chats(server, admin):
    return [c["ticket_id"] for c in server.api("GET", "/api/v1/chats", token=admin)["data"]]


def as_socket(pairs):
    """Stored (author, body) pairs as the agent socket names them."""
    return [("visitor" if author == "customer" else author, body) for author, body in pairs]


# ---------------------------------------------------------------------------------------------- the scenarios

def open_chat_all_hours(server, admin):
    """Chat without a calendar (always open), and Omar online: chat is available."""
    before = server.api("GET", "/api/v1/channels/chat", token=admin)
    check(before.get("calendar_id") is not None, f"the demo's chat should come with its calendar: {before}")
    after = server.api("PUT", "/api/v1/channels/chat", {"enabled": True, "calendar_id": None}, token=admin)
    check(after.get("calendar_id") is None and after["enabled"],
          f"PUT calendar_id null should leave chat without a calendar: {after}")

    def available():
        settings = server.api("GET", "/api/v1/channels/chat", token=admin)
        return settings if settings["available"] else None

    state = wait_until(available, "chat to be available with Omar online", timeout=10)
    log(f"chat open around the clock (calendar {before['calendar_id']} taken away), "
        f"agents online: {state['agents_online']}")


def arabic_bot(server, admin, agent, scratch, out, shared):
    """Arabic desktop: the question, the article's answer, «لا», the hand-off with the whole conversation."""
    article = matched_article(server, admin, AR_QUESTION, "ar")
    expected = bot_answer(server, article, "ar")
    browser = Browser("bot-ar-desktop", scratch)
    browser.open_chat(server, "ar")
    browser.say(AR_QUESTION["text"])
    ticket_id = ticket_of(agent, AR_QUESTION["text"])

    answer, state = browser.wait_reply(1, "the bot's answer")
    check(answer["text"] == expected, f"the bot's answer should be\n{expected!r}\nthe widget shows\n{answer['text']!r}")
    check(answer["name"] == WIDGET["ar"]["agent"],
          f"the bot's answer should be signed {WIDGET['ar']['agent']!r}: {answer['name']!r}")
    check(answer["direction"] == "rtl", f"the Arabic answer should read right to left, reads {answer['direction']}")
    link = f"{server.base}/help/kb/{article['id']}"
    check(answer["links"] == [{"cls": "link", "href": link, "text": link, "target": "_blank"}],
          f"the article's link should be the one link in the answer, clickable: {answer['links']}")
    check(ticket_id not in waiting_chats(server, admin),
          "a chat the bot is answering should not be waiting for an agent (GET /api/v1/chats lists it)")
    browser.screenshot(os.path.join(out, "bot-ar-answer.png"))

    browser.say(BOT["ar"]["no"])
    handoff, state = browser.wait_reply(2, "the bot's hand-off after «لا»")
    check(handoff["text"] == BOT["ar"]["handOff"], f"the hand-off message: {handoff['text']!r}")
    check([(m["kind"], m["text"]) for m in state["messages"]]
          == [("visitor", AR_QUESTION["text"]), ("agent", expected), ("visitor", BOT["ar"]["no"]),
              ("agent", BOT["ar"]["handOff"])],
          f"the widget's transcript: {[(m['kind'], m['text']) for m in state['messages']]}")
    browser.screenshot(os.path.join(out, "bot-ar-handoff.png"))
    browser.check_console()

    whole = [("customer", AR_QUESTION["text"]), ("bot", expected), ("customer", BOT["ar"]["no"]),
             ("bot", BOT["ar"]["handOff"])]
    heard = conversation_on_socket(agent, ticket_id, BOT["ar"]["handOff"])
    check(heard == as_socket(whole), f"the agent's socket should have heard the whole conversation, heard: {heard}")
    stored = stored_conversation(server, admin, ticket_id)
    check(stored == whole, f"ticket #{ticket_id}'s messages should be the whole conversation, are: {stored}")
    kinds = {e["kind"]: e for e in events(server, admin, ticket_id)}
    check("bot_answered" in kinds and kinds["bot_answered"]["data"].get("article_id") == str(article["id"]),
          f"bot_answered with article_id {article['id']}: {kinds.get('bot_answered')}")
    check("bot_handed_off" in kinds and kinds["bot_handed_off"]["data"].get("reason") == "not_solved",
          f"bot_handed_off with reason not_solved: {kinds.get('bot_handed_off')} (events: {list(kinds)})")
    wait_until(lambda: ticket_id in waiting_chats(server, admin),
               f"chat #{ticket_id} to wait for an agent after the hand-off", timeout=5)
    browser.quit()
    log(f"Arabic: chat #{ticket_id} answered with article #{article['id']}, «لا» handed it to the agents")


def english_bot(server, admin, agent, scratch, out, shared):
    """English desktop: the question, the article's answer, "yes": solved as self-service."""
    article = matched_article(server, admin, EN_QUESTION, "en")
    expected = bot_answer(server, article, "en")
    browser = Browser("bot-en-desktop", scratch)
    browser.open_chat(server, "en")
    browser.say(EN_QUESTION["text"])
    ticket_id = ticket_of(agent, EN_QUESTION["text"])
    answer, _ = browser.wait_reply(1, "the bot's answer")
    check(answer["text"] == expected, f"the bot's answer should be\n{expected!r}\nthe widget shows\n{answer['text']!r}")
    check(answer["direction"] == "ltr" and answer["name"] == WIDGET["en"]["agent"],
          f"the English answer: direction {answer['direction']}, signed {answer['name']!r}")
    browser.say(BOT["en"]["yes"])
    thanks, state = browser.wait_reply(2, "the bot's thanks after \"yes\"")
    check(thanks["text"] == BOT["en"]["solved"], f"the bot's thanks: {thanks['text']!r}")
    browser.screenshot(os.path.join(out, "bot-en-solved.png"))
    browser.check_console()

    agent.next("status", where=lambda f: f.get("ticket_id") == ticket_id and f.get("status") == "solved")
    ticket = server.api("GET", f"/api/v1/tickets/{ticket_id}", token=admin)
    check(ticket["status"] == "solved", f"ticket #{ticket_id} should be solved, is {ticket['status']}")
    kinds = {e["kind"]: e for e in events(server, admin, ticket_id)}
    check("bot_solved" in kinds and kinds["bot_solved"]["data"].get("article_id") == str(article["id"]),
          f"bot_solved with article_id {article['id']}: {kinds.get('bot_solved')} (events: {list(kinds)})")
    check("bot_handed_off" not in kinds, f"a solved chat was handed off: {kinds.get('bot_handed_off')}")
    stored = stored_conversation(server, admin, ticket_id)
    check(stored == [("customer", EN_QUESTION["text"]), ("bot", expected), ("customer", "yes"),
                     ("bot", BOT["en"]["solved"])],
          f"ticket #{ticket_id}'s messages: {stored}")
    browser.quit()
    log(f"English: chat #{ticket_id} answered with article #{article['id']}, \"yes\" solved it (bot_solved)")


def asks_for_person(server, admin, agent, scratch, out, shared):
    """Asking for a person hands off at once: «ابغى اكلم موظف» on an Arabic phone, "agent please" in English."""
    for language, text, browser in (
            ("ar", AR_PERSON, Browser("bot-ar-phone", scratch, width=390, height=844, phone=True)),
            ("en", EN_PERSON, Browser("bot-en-person", scratch))):
        state = browser.open_chat(server, language)
        browser.say(text)
        ticket_id = ticket_of(agent, text)
        handoff, state = browser.wait_reply(1, f"the hand-off after {text!r}")
        check(handoff["text"] == BOT[language]["handOff"],
              f"asking for a person should hand off at once: {handoff['text']!r}")
        kinds = [e["kind"] for e in events(server, admin, ticket_id)]
        reasons = [e["data"].get("reason") for e in events(server, admin, ticket_id) if e["kind"] == "bot_handed_off"]
        check(reasons == ["asked"] and "bot_answered" not in kinds,
              f"{text!r}: bot_handed_off (reason asked) and no article; events {kinds}, reasons {reasons}")
        check(stored_conversation(server, admin, ticket_id) == [("customer", text), ("bot", BOT[language]["handOff"])],
              f"ticket #{ticket_id}'s messages: {stored_conversation(server, admin, ticket_id)}")
        browser.fits(state, f"the {language} chat")
        browser.screenshot(os.path.join(out, f"{browser.name}.png"))
        browser.check_console()
        if language == "ar":
            shared["phone"], shared["phone_ticket"] = browser, ticket_id   # scenario 5 goes on with this chat
        else:
            browser.quit()
        log(f"{language}: {text!r} handed chat #{ticket_id} to the agents at once")


def create_survey(server, admin, shared):
    survey = server.api("POST", "/api/v1/surveys", {"kind": "csat", "delay_minutes": 0, "name": "CSAT — browser test"},
                        token=admin)
    check(survey["kind"] == "csat" and survey["enabled"] and survey["on_solve"] and survey["delay_minutes"] == 0,
          f"the new survey: {survey}")
    shared["survey"] = survey["id"]
    log(f"CSAT survey #{survey['id']}: sent as soon as a ticket is solved")


def responses(server, admin, shared, ticket_id):
    return [r for r in server.api("GET", f"/api/v1/surveys/{shared['survey']}/responses", token=admin)["data"]
            if r["ticket_id"] == ticket_id]


def survey_by_mail(server, admin, relay, scratch, out, shared, language):
    """A solved email ticket's survey mail, its one-click link on a phone, a comment; the API has the answer."""
    person, words = MAIL_CUSTOMERS[language], SURVEY[language]
    ticket = server.api("POST", "/api/v1/tickets", {
        "subject": person["subject"], "body": person["body"], "channel": "email",
        "customer": {"email": person["email"], "name": person["name"]}}, token=admin)
    ticket_id = ticket["id"]
    server.api("PATCH", f"/api/v1/customers/{ticket['customer']['id']}", {"language": language}, token=admin)
    server.api("POST", f"/api/v1/tickets/{ticket_id}/messages",
               {"body": person["reply"]},
               token=admin)
    solved = server.api("PATCH", f"/api/v1/tickets/{ticket_id}", {"status": "solved"}, token=admin)
    check(solved["status"] == "solved", f"ticket #{ticket_id} after PATCH status solved: {solved['status']}")

    # The dispatcher (every 5 s) puts the survey in the outbox; with a relay it leaves at once, so any status.
    item = wait_until(lambda: next((m for m in server.api("GET", "/api/v1/outbox", token=admin)["data"]
                                    if m["kind"] == "survey" and m["ticket_id"] == ticket_id), None),
                      f"a survey mail for ticket #{ticket_id} in the outbox", timeout=20, interval=0.5)
    check(item["recipient"] == person["email"], f"the survey mail's recipient: {item}")
    mail = relay.wait_for(person["email"], lambda m: "/help/survey/" in m["text"], "the survey mail", timeout=20)
    check(mail["subject"] == words["subject"],
          f"the survey mail's subject should be {words['subject']!r}: {mail['subject']!r}")
    check(words["greeting"].format(name=person["name"]) in mail["text"] and words["question"] in mail["text"],
          f"the survey mail should greet {person['name']} and ask {words['question']!r}:\n{mail['text']}")
    other = "en" if language == "ar" else "ar"
    check(SURVEY[other]["question"] not in mail["text"],
          f"a {language} customer's mail has the {other} text too:\n{mail['text']}")
    links = dict((int(score), url) for url, score in
                 re.findall(r"(https?://\S+/help/survey/v1\.\d+\.[0-9a-f]+)\?score=(\d+)", mail["text"]))
    check(sorted(links) == [1, 2, 3, 4, 5] and len(set(links.values())) == 1,
          f"the mail should have one link with ?score=1..5: {links}\n{mail['text']}")
    base = links[1]
    check(base.startswith(server.base + "/help/survey/v1."), f"the survey link should lead to this server: {base}")
    log(f"{language}: ticket #{ticket_id} solved; outbox #{item['id']} ({item['status']}); link {base}?score=N")
    events_now = [e for e in events(server, admin, ticket_id) if e["kind"] == "survey_sent"]
    check(any(e["data"].get("via") == "email" and e["data"].get("survey_id") == str(shared["survey"])
              for e in events_now),
          f"a survey_sent event (via email) on ticket #{ticket_id}: {events_now}")

    browser = Browser(f"survey-{language}-phone", scratch, width=390, height=844, phone=True, languages=language)
    browser.snapshot_js = SURVEY_JS
    browser.driver.get(f"{base}?score={person['score']}")
    state = browser.wait(lambda s: s["notice"] is not None, "the survey page after the one-click rating")
    direction = "rtl" if language == "ar" else "ltr"
    check(state["lang"] == language and state["dir"] == direction,
          f"the survey page should be <html lang={language} dir={direction}>: lang={state['lang']} dir={state['dir']}")
    check(browser.driver.execute_script("return document.documentElement.dir") == direction,
          f"document.documentElement.dir should be {direction}")
    check(state["notice"] == words["recorded"], f"the one-click rating's notice: {state['notice']!r}")
    check(state["question"] == words["question"] and state["legend"] == words["yourRating"]
          and state["commentLabel"] == words["comment"] and state["button"] == words["send"],
          f"the survey form's words: {state}")
    check([(p["value"], p["label"]) for p in state["scale"]] == list(zip("54321", words["scale"]))
          and [p["value"] for p in state["scale"] if p["checked"]] == [str(person["score"])],
          f"the scale should be 5 ({words['scale'][0]}) down to 1 ({words['scale'][-1]}) with {person['score']} "
          f"chosen: {state['scale']}")
    browser.fits(state, "the survey page")
    browser.screenshot(os.path.join(out, f"survey-{language}-phone-recorded.png"))
    recorded = responses(server, admin, shared, ticket_id)
    check(len(recorded) == 1 and recorded[0]["score"] == person["score"] and recorded[0].get("comment") is None,
          f"the one-click rating should be stored without a comment: {recorded}")

    score = person.get("changed", person["score"])
    if score != person["score"]:
        choose(browser, score)
        browser.wait(lambda s: [p["value"] for p in s["scale"] if p["checked"]] == [str(score)], f"{score} chosen")
    browser.type_into("#comment", person["comment"])
    browser.find("main form button[type=submit]").click()
    state = browser.wait(lambda s: s["notice"] == words["thanks"], "the thanks after sending the comment")
    check(state["dir"] == direction and not state["scale"], f"the thanks page: {state}")
    browser.fits(state, "the thanks page")
    browser.screenshot(os.path.join(out, f"survey-{language}-phone-thanks.png"))
    browser.check_console()
    browser.quit()

    stored = responses(server, admin, shared, ticket_id)
    check(len(stored) == 1 and stored[0]["score"] == score and stored[0].get("comment") == person["comment"]
          and stored[0]["kind"] == "csat" and stored[0]["channel"] == "email",
          f"GET /api/v1/surveys/{shared['survey']}/responses should have score {score} and the comment: {stored}")
    log(f"{language}: rated {person['score']}" + (f", changed to {score}" if score != person["score"] else "")
        + f", comment stored (sentiment {stored[0].get('comment_sentiment')})")


def survey_in_chat(server, admin, scratch, out, shared):
    """The phone's chat, answered by Omar and solved: the survey button in the widget, answered in a new tab."""
    browser, ticket_id = shared["phone"], shared["phone_ticket"]
    omar = shared["omar"]
    server.api("POST", f"/api/v1/tickets/{ticket_id}/messages", {"body": CHAT_SURVEY["reply"]}, token=omar)
    reply, _ = browser.wait_reply(2, "Omar's reply in the widget")
    check(reply["text"] == CHAT_SURVEY["reply"] and reply["name"] == DEMO_AGENT["name"], f"Omar's reply: {reply}")
    server.api("PATCH", f"/api/v1/tickets/{ticket_id}", {"status": "solved"}, token=omar)
    invitation, state = browser.wait_reply(3, "the survey in the widget", timeout=20)
    rate = [link for link in invitation["links"] if link["cls"] == "rate"]
    check(len(rate) == 1 and rate[0]["text"] == WIDGET["ar"]["rate"]
          and re.fullmatch(re.escape(server.base) + r"/help/survey/v1\.\d+\.[0-9a-f]+", rate[0]["href"]),
          f"the survey should show as the {WIDGET['ar']['rate']!r} button to this server's survey: {invitation}")
    check(invitation["text"].startswith(SURVEY["ar"]["question"]), f"the survey message: {invitation['text']!r}")
    browser.fits(state, "the chat with the survey")
    browser.screenshot(os.path.join(out, "bot-ar-phone-rate.png"))
    browser.check_console()

    tabs = browser.driver.window_handles
    browser.widget(".bubble a.rate").click()
    wait_until(lambda: len(browser.driver.window_handles) > len(tabs), "the survey to open in a new tab", timeout=10)
    browser.driver.switch_to.window([h for h in browser.driver.window_handles if h not in tabs][0])
    browser.snapshot_js = SURVEY_JS
    state = browser.wait(lambda s: s["question"] is not None, "the survey page from the chat")
    log(f"the survey opened in a new tab {state['innerWidth']} px wide")
    check(state["lang"] == "ar" and state["dir"] == "rtl" and state["question"] == SURVEY["ar"]["question"],
          f"the survey page from the chat: lang={state['lang']} dir={state['dir']} question={state['question']!r}")
    check(state["notice"] is None and not any(p["checked"] for p in state["scale"]),
          f"nothing should be rated yet: {state['notice']!r}, {state['scale']}")
    browser.fits(state, "the survey page from the chat")
    score = CHAT_SURVEY["score"]
    choose(browser, score)
    browser.type_into("#comment", CHAT_SURVEY["comment"])
    browser.screenshot(os.path.join(out, "survey-ar-phone-from-chat.png"))
    browser.find("main form button[type=submit]").click()
    browser.wait(lambda s: s["notice"] == SURVEY["ar"]["thanks"], "the thanks after answering from the chat")
    browser.check_console()
    stored = responses(server, admin, shared, ticket_id)
    check(len(stored) == 1 and stored[0]["score"] == score and stored[0].get("comment") == CHAT_SURVEY["comment"]
          and stored[0]["channel"] == "chat", f"the chat's survey answer: {stored}")
    sent = [e["data"] for e in events(server, admin, ticket_id) if e["kind"] == "survey_sent"]
    check(any(d.get("via") == "chat" for d in sent), f"survey_sent via chat on ticket #{ticket_id}: {sent}")
    browser.quit()
    log(f"chat #{ticket_id}: solved by Omar, rated {score} from the widget's button, comment stored")


def scenarios(server, scratch, out):
    admin = server.login(DEMO_ADMIN)
    shared = {"omar": server.login(DEMO_AGENT)}
    agent = Agent(server, shared["omar"])
    agent.next("hello")
    open_chat_all_hours(server, admin)
    relay = server.relay
    return (
        ("answer bot in Arabic: an article, «لا», handed off",
         lambda: arabic_bot(server, admin, agent, scratch, out, shared)),
        ("answer bot in English: an article, \"yes\", solved",
         lambda: english_bot(server, admin, agent, scratch, out, shared)),
        ("asking for a person hands off at once", lambda: asks_for_person(server, admin, agent, scratch, out, shared)),
        ("CSAT survey sent at once on solving", lambda: create_survey(server, admin, shared)),
        ("survey by mail, one click on an Arabic phone",
         lambda: survey_by_mail(server, admin, relay, scratch, out, shared, "ar")),
        ("survey by mail, one click on an English phone",
         lambda: survey_by_mail(server, admin, relay, scratch, out, shared, "en")),
        ("survey in the chat widget on an Arabic phone", lambda: survey_in_chat(server, admin, scratch, out, shared)),
        ("Omar goes offline", agent.close),
    )


def prepare(server, scratch):
    """The relay, and the server's outbound mail set up to go to it."""
    relay = Relay()
    relay.start()
    server.relay = relay
    server.env["RAAYA_SMTP_RELAY"] = f"smtp://127.0.0.1:{relay.port}"
    log(f"SMTP relay on 127.0.0.1:{relay.port}")
    return relay.stop


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios, prepare=prepare, demo=True,
                 is_stale=lambda name: name.startswith(("bot-", "survey-", "failure-bot-", "failure-survey-"))
                 and name.endswith(".png")))
