#!/usr/bin/env python3
"""Real-browser end-to-end test of the agents' workspace pages (headless Chromium through Selenium).

  python3 Tests/browser/test_workspace.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve` (temporary data directory, SQLite, free port on 127.0.0.1), creates an admin and
an agent with `raaya admin create` and two tickets through the API (one Arabic, one whose subject carries an
<img onerror> payload), then:

1. Browser A (Arabic, desktop), the admin: signs in through the form (HttpOnly session cookie), right-to-left
   page with Arabic labels, the inbox; j then Enter opens a ticket; a public reply ("أُرسل الرد" and the reply in
   the conversation); status set to solved and saved. No console error, and the payload never runs
   (window.__xss stays undefined) on the inbox nor on its ticket's page.
2. Browser A switches language with the header's button: <html lang=en dir=ltr>, "Inbox"; still English
   without the language cookie (the choice is kept on the account).
3. Browser B (English), the agent, keeps the inbox open: its page's chat socket makes chat available; a visitor
   (Python websocket on /chat/ws, not the widget) writes in Arabic, and the live-chats panel shows the chat
   without a reload; on the chat's ticket page the visitor's second message appears without a reload.
4. Two agents on one ticket (assigned to the agent, created through the API): A (the admin, Arabic — turned back
   from English with the header's button) and B (the agent, English) sign in through the form and open its page.
   Each page's #collision (role=status) warns of the other: "{name} يشاهد هذه التذكرة أيضاً" on A's,
   "{name} is also viewing this ticket" on B's; typing in the reply box shows "{name} يكتب رداً الآن" /
   "{name} is typing a reply" on the other's page. B's public reply appears in A's conversation and B's status
   change shows A's #changed, both without A reloading (window.__marker survives); B leaving the page hides A's
   warning again within 10 s.

Screenshots (workspace-*.png) go to --out (default test-output/browser/ in the repository); other tests'
screenshots there are left alone. Exits 0 when everything passed, 1 with a message naming the failed check
otherwise (the server's data directory and log are then kept, and failure-*.png saved for each open browser).
"""

import os
import sys
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import ADMIN, AGENT, Browser as BaseBrowser, FrameSocket, Failure, check, log, run  # noqa: E402

ARABIC_TICKET = {
    "subject": "لم يصل طلبي رقم ٨٨٤٢ حتى الآن",
    "body": "السلام عليكم، طلبت ساعة من متجركم قبل أسبوع ولم تصل بعد. أرجو إفادتي بموعد التوصيل.",
    "customer": {"email": "huda@example.com", "name": "هدى العتيبي"},
}
PAYLOAD = "<img src=x onerror=window.__xss=1>"
XSS_TICKET = {
    "subject": f"استرجاع المبلغ {PAYLOAD}",
    "body": f"أريد استرجاع المبلغ {PAYLOAD} من فضلكم",
    "customer": {"email": "omar@example.com", "name": f"عمر {PAYLOAD}"},
}
REPLY = "أهلاً هدى، تواصلنا مع شركة الشحن وستصلك الساعة غداً إن شاء الله."
VISITOR = {"name": "ليلى", "first": "مرحباً، هل يمكنني تغيير عنوان التوصيل لطلبي رقم ١٠٤٢؟",
           "second": "العنوان الجديد: الرياض، حي النخيل، شارع ١٥"}
SHARED_TICKET = {
    "subject": "الشاشة لا تعمل بعد التحديث",
    "body": "بعد تحديث البرنامج أمس أصبحت الشاشة سوداء عند التشغيل. ماذا أفعل؟",
    "customer": {"email": "faisal@example.com", "name": "فيصل القحطاني"},
}
SHARED = {"draft": "مسودة: سأتصل بالعميل",
          "reply": "Hello Faisal — please hold the power button for 10 seconds. أعد التشغيل بعدها من فضلك."}

# The pages' words (Sources/RaayaServer/Web/Phrase.swift), checked word for word.
AR = {"signInTitle": "الدخول إلى مساحة العمل", "email": "البريد الإلكتروني", "password": "كلمة المرور",
      "signIn": "تسجيل الدخول", "inbox": "صندوق التذاكر", "myOpen": "تذاكري المفتوحة", "subject": "الموضوع",
      "liveChats": "المحادثات المباشرة", "replySent": "أُرسل الرد", "changesSaved": "حُفظت التغييرات",
      "send": "إرسال", "save": "حفظ", "switchLanguage": "English", "solved": "محلولة",
      "viewing": "{name} يشاهد هذه التذكرة أيضاً", "typingReply": "{name} يكتب رداً الآن"}
EN = {"signInTitle": "Sign in to the workspace", "inbox": "Inbox", "knowledgeBase": "Knowledge base", "admin": "Administration", "liveChats": "Live chats",
      "noWaitingChats": "No chat is waiting", "switchLanguage": "العربية", "replySent": "Reply sent",
      "changesSaved": "Changes saved",
      "viewing": "{name} is also viewing this ticket", "typingReply": "{name} is typing a reply"}

# The page's state in one round trip: texts without bidi isolates.
SNAPSHOT_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '').trim();
const q = (s) => document.querySelector(s);
const text = (s) => { const el = q(s); return el ? strip(el.innerText) : null; };
const html = document.documentElement;
// An element that may be hidden: null when absent, else whether it shows, its text and its role.
const shown = (s) => { const el = q(s); return el ? { shown: !el.hidden && el.getClientRects().length > 0,
  text: strip(el.textContent).replace(/\s+/g, ' '), role: el.getAttribute('role') } : null; };
return {
  url: location.pathname + location.search, lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
  xss: typeof window.__xss, marker: window.__marker || null,
  h1: text('main h1'), title: document.title,
  headerNav: text('header nav'), languageButton: text('header form[action="/language"] button'),
  notice: text('.notice'), error: text('.error'),
  labels: Array.from(document.querySelectorAll('main label')).map((l) => strip(l.innerText)),
  buttons: Array.from(document.querySelectorAll('main button')).map((b) => strip(b.innerText)),
  views: Array.from(document.querySelectorAll('nav.views a')).map((a) => strip(a.firstChild.textContent)),
  headers: Array.from(document.querySelectorAll('#tickets thead th')).map((th) => strip(th.innerText)),
  rows: Array.from(document.querySelectorAll('#tickets tbody tr')).map((tr) => ({
    href: tr.dataset.href, selected: tr.classList.contains('selected'),
    subject: strip(tr.querySelector('td:nth-child(2)').textContent), images: tr.querySelectorAll('img').length })),
  chats: q('#chats') ? { heading: text('#chats h2'), text: strip(q('#chats').innerText),
    links: Array.from(document.querySelectorAll('#chats li a')).map((a) => ({
      href: a.getAttribute('href'), text: strip(a.textContent) })) } : null,
  messages: Array.from(document.querySelectorAll('#conversation article.message')).map((m) => ({
    id: m.id, classes: m.className, body: strip(m.querySelector('.body').textContent) })),
  status: q('select#status') ? q('select#status').value : null,
  typingShown: q('#typing') ? !q('#typing').hidden : null,
  collision: shown('#collision'), changed: shown('#changed'),
  images: document.querySelectorAll('main img').length,
  sessionCookieVisible: document.cookie.includes('raaya_session')
};
"""


class Browser(BaseBrowser):
    """A Chromium on the workspace pages."""

    snapshot_js = SNAPSHOT_JS

    def sign_in(self, server, person, labels):
        self.driver.get(server.base + "/sign-in")
        state = self.wait(lambda s: s["h1"] == labels["signInTitle"], "the sign-in form")
        self.find("#email").send_keys(person["email"])
        self.find("#password").send_keys(person["password"])
        self.find("main form button[type=submit]").click()
        state = self.wait(lambda s: s["url"].startswith("/agent") and s["h1"] == labels["inbox"],
                          "the inbox after signing in")
        cookies = {c["name"]: c for c in self.driver.get_cookies()}
        session = cookies.get("raaya_session")
        check(session and session.get("httpOnly") is True,
              f"[{self.name}] the session cookie should be HttpOnly: {session}")
        check(not state["sessionCookieVisible"], f"[{self.name}] the page's script can read the session cookie")
        return state

    def check_clean(self):
        """No console error, and the payload of the XSS ticket never ran."""
        check(self.snapshot()["xss"] == "undefined", f"[{self.name}] the <img onerror> payload ran: window.__xss is set")
        self.check_console()


class Visitor(FrameSocket):
    """A chat visitor on /chat/ws, speaking the widget's protocol without the widget."""

    def __init__(self, server):
        super().__init__(server.base.replace("http://", "ws://") + "/chat/ws", "visitor socket",
                         {"Origin": server.base})


def agents_online(server, admin):
    return server.api("GET", "/api/v1/channels/chat", token=admin)


def wait_for_online(server, admin, count, what):
    deadline = time.monotonic() + 20
    while True:
        settings = agents_online(server, admin)
        if settings.get("agents_online") == count:
            return settings
        if time.monotonic() > deadline:
            raise Failure(f"timed out waiting for {what}: GET /api/v1/channels/chat says {settings}")
        time.sleep(0.2)


# ---------------------------------------------------------------------------------------------- the scenarios

def arabic_desk(server, admin, scratch, out, tickets):
    """Browser A in Arabic: sign in, the inbox, j + Enter, a public reply, status solved; no script ran."""
    browser = Browser("workspace-ar", scratch, languages="ar-SA,ar")
    browser.driver.get(server.base + "/sign-in")
    state = browser.wait(lambda s: s["h1"] is not None, "the sign-in page")
    check(state["lang"] == "ar" and state["dir"] == "rtl",
          f"the sign-in page should be <html lang=ar dir=rtl>, is lang={state['lang']} dir={state['dir']}")
    check(state["labels"] == [AR["email"], AR["password"]] and state["buttons"] == [AR["signIn"]],
          f"Arabic sign-in form: labels {state['labels']}, buttons {state['buttons']}")
    state = browser.sign_in(server, ADMIN, AR)
    check(state["lang"] == "ar" and state["dir"] == "rtl", f"inbox: lang={state['lang']} dir={state['dir']}")
    check(state["views"][0] == AR["myOpen"] and AR["subject"] in state["headers"],
          f"Arabic inbox: views {state['views']}, columns {state['headers']}")
    check(state["chats"] and state["chats"]["heading"] == AR["liveChats"], f"live-chats panel: {state['chats']}")
    subjects = sorted(r["subject"] for r in state["rows"])
    check(subjects == sorted(t["subject"] for t in tickets.values()),
          f"the inbox should list both tickets, lists: {subjects}")
    check(all(r["images"] == 0 for r in state["rows"]) and state["images"] == 0,
          "an <img> element is on the inbox page: the subject was not escaped")
    browser.check_clean()

    # j selects the first row, Enter opens it.
    ActionChains(browser.driver).send_keys("j").perform()
    state = browser.wait(lambda s: s["rows"][0]["selected"], "j to select the first row")
    check([r["selected"] for r in state["rows"]].count(True) == 1, f"more than one row selected: {state['rows']}")
    href = state["rows"][0]["href"]
    browser.screenshot(os.path.join(out, "workspace-ar-inbox.png"))
    ActionChains(browser.driver).send_keys("\ue007").perform()   # Enter
    state = browser.wait(lambda s: s["url"] == href and s["messages"], f"Enter to open {href}")
    opened = int(href.rsplit("/", 1)[1])
    ticket = next(t for t in tickets.values() if t["id"] == opened)
    check(state["h1"] == f"#{opened} {ticket['subject']}", f"ticket heading: {state['h1']!r}")
    check([m["body"] for m in state["messages"]] == [ticket["body"]],
          f"the conversation should be the customer's message, is: {state['messages']}")
    check(state["images"] == 0, "an <img> element is on the ticket page: the ticket's text was not escaped")

    # A public reply.
    browser.find("#body").send_keys(REPLY)
    browser.find("input[name=kind][value=public]").click()
    browser.find("form.replybox button[type=submit]").click()
    state = browser.wait(lambda s: s["url"] == f"{href}?done=sent", "the page after sending the reply")
    check(state["notice"] == AR["replySent"], f"notice after the reply: {state['notice']!r}")
    last = state["messages"][-1]
    check(len(state["messages"]) == 2 and last["body"] == REPLY and "agent" in last["classes"].split(),
          f"the reply should be the conversation's last message, from the agent: {state['messages']}")

    # Status: solved, saved.
    Select(browser.find("select#status")).select_by_value("solved")
    browser.find("aside form button[type=submit]").click()
    state = browser.wait(lambda s: s["url"] == f"{href}?done=saved", "the page after saving the details")
    check(state["notice"] == AR["changesSaved"] and state["status"] == "solved",
          f"after saving: notice {state['notice']!r}, status {state['status']!r}")
    stored = server.api("GET", f"/api/v1/tickets/{opened}", token=admin)
    check(stored["status"] == "solved", f"the API says the ticket's status is {stored['status']!r}")
    browser.screenshot(os.path.join(out, "workspace-ar-ticket.png"))
    browser.check_clean()

    # The payload ticket's own page shows it as text.
    xss = tickets["xss"]
    browser.driver.get(f"{server.base}/agent/tickets/{xss['id']}")
    state = browser.wait(lambda s: s["messages"], "the payload ticket's page")
    check(state["h1"] == f"#{xss['id']} {xss['subject']}" and state["messages"][0]["body"] == xss["body"],
          f"the payload should show as text: heading {state['h1']!r}, messages {state['messages']}")
    check(state["images"] == 0, "an <img> element is on the payload ticket's page")
    browser.check_clean()
    log(f"Arabic: replied to #{opened} and solved it; the payload of #{xss['id']} stayed text")
    return browser


def switch_language(browser):
    """The header's button: English, left to right, remembered on the account."""
    state = browser.snapshot()
    check(state["languageButton"] == AR["switchLanguage"], f"the language button says {state['languageButton']!r}")
    browser.find('header form[action="/language"] button').click()
    state = browser.wait(lambda s: s["lang"] == "en", "the page in English after the language button")
    check(state["dir"] == "ltr", f"English page should be dir=ltr, is {state['dir']}")
    check(state["headerNav"].split("\n") == [EN["inbox"], EN["knowledgeBase"], "Reports", "Satisfaction", EN["admin"]] and state["languageButton"] == EN["switchLanguage"],
          f"English header: nav {state['headerNav']!r}, language button {state['languageButton']!r}")
    # Remembered on the account, not only in the browser's cookie: without the cookie (and an Arabic
    # Accept-Language) the inbox is still English.
    browser.driver.delete_cookie("raaya_lang")
    browser.driver.get(browser.driver.current_url.split("/agent")[0] + "/agent")
    state = browser.wait(lambda s: s["h1"] is not None, "the inbox")
    check(state["lang"] == "en" and state["dir"] == "ltr" and state["h1"] == EN["inbox"],
          f"the inbox after switching (language cookie deleted): lang={state['lang']} dir={state['dir']} "
          f"h1={state['h1']!r}")
    browser.check_clean()
    browser.quit()


def live_chat(server, admin, scratch, out):
    """Browser B in English holds the inbox open; a visitor's chat shows up live, then its next message."""
    # Browser A is gone: nobody is online until browser B's page connects.
    wait_for_online(server, admin, 0, "no agent online once browser A closed")
    browser = Browser("workspace-en", scratch, languages="en-US,en")
    browser.driver.get(server.base + "/sign-in")
    state = browser.sign_in(server, AGENT, EN)
    check(state["lang"] == "en" and state["dir"] == "ltr", f"browser B's inbox: lang={state['lang']} dir={state['dir']}")
    check(state["chats"]["heading"] == EN["liveChats"] and EN["noWaitingChats"] in state["chats"]["text"],
          f"live-chats panel before the chat: {state['chats']}")
    settings = wait_for_online(server, admin, 1, "browser B's page to put the agent online")
    check(settings.get("available") is True, f"chat should be available with browser B open: {settings}")
    browser.driver.execute_script("window.__marker = 'no reload'")

    visitor = Visitor(server)
    try:
        visitor.send({"type": "hello", "token": None, "language": "ar"})
        welcome = visitor.next("welcome")
        check(welcome.get("available") is True and welcome.get("messages") == [],
              f"the visitor's welcome should say chat is available: {welcome}")
        visitor.send({"type": "message", "client_id": "v1", "text": VISITOR["first"], "name": VISITOR["name"]})
        ticket_id = visitor.next("ack", where=lambda f: f.get("client_id") == "v1").get("ticket_id")
        check(isinstance(ticket_id, int), f"the visitor's message was not acknowledged with a ticket: {visitor.received}")
        href = f"/agent/tickets/{ticket_id}"

        state = browser.wait(lambda s: any(link["href"] == href for link in s["chats"]["links"]),
                             f"the chat #{ticket_id} in the live-chats panel", timeout=15)
        check(state["marker"] == "no reload", "the inbox reloaded to show the chat")
        link = next(link for link in state["chats"]["links"] if link["href"] == href)
        check(link["text"].startswith(VISITOR["name"]), f"the chat's entry should name the visitor: {link['text']!r}")
        browser.screenshot(os.path.join(out, "workspace-en-inbox-chat.png"))
        browser.check_clean()

        browser.find(f'#chats a[href="{href}"]').click()
        state = browser.wait(lambda s: s["url"] == href and s["messages"], f"the chat ticket {href}")
        check([m["body"] for m in state["messages"]] == [VISITOR["first"]],
              f"the chat's conversation should be the visitor's message: {state['messages']}")
        browser.driver.execute_script("window.__marker = 'no reload'")

        # The ticket page's own socket is up once the visitor's typing shows on it.
        deadline = time.monotonic() + 15
        while True:
            visitor.send({"type": "typing", "active": True})
            try:
                browser.wait(lambda s: s["typingShown"], "the visitor's typing on the ticket page", timeout=1)
                break
            except Failure:
                if time.monotonic() > deadline:
                    raise
        visitor.send({"type": "message", "client_id": "v2", "text": VISITOR["second"]})
        visitor.next("ack", where=lambda f: f.get("client_id") == "v2")
        state = browser.wait(lambda s: [m["body"] for m in s["messages"]] == [VISITOR["first"], VISITOR["second"]],
                             "the visitor's second message in the conversation", timeout=15)
        check(state["marker"] == "no reload", "the ticket page reloaded to show the message")
        browser.screenshot(os.path.join(out, "workspace-en-chat-ticket.png"))
        browser.check_clean()
        browser.quit()
        log(f"live chat #{ticket_id}: in the panel and both messages on its page without a reload")
    finally:
        visitor.close()


def collision(server, admin, scratch, out, ticket_id):
    """Two agents on one ticket: each sees the other viewing and typing; B's reply and status change reach A's
    page without a reload; B leaving clears A's warning."""
    href = f"/agent/tickets/{ticket_id}"
    a = Browser("workspace-ar-collision", scratch, languages="ar-SA,ar")
    b = Browser("workspace-en-collision", scratch, languages="en-US,en")

    # A: the admin. The language scenario left the account in English: the header's button turns it back.
    a.driver.get(server.base + "/sign-in")
    a.wait(lambda s: s["h1"] == AR["signInTitle"], "the Arabic sign-in form")
    a.find("#email").send_keys(ADMIN["email"])
    a.find("#password").send_keys(ADMIN["password"])
    a.find("main form button[type=submit]").click()
    state = a.wait(lambda s: s["url"].startswith("/agent") and s["h1"] in (AR["inbox"], EN["inbox"]),
                   "A's inbox after signing in")
    if state["lang"] != "ar":
        a.find('header form[action="/language"] button').click()
        state = a.wait(lambda s: s["lang"] == "ar" and s["h1"] == AR["inbox"], "A's inbox back in Arabic")
    check(state["dir"] == "rtl", f"A's inbox: lang={state['lang']} dir={state['dir']}")
    a.driver.get(server.base + href)
    state = a.wait(lambda s: s["url"] == href and s["messages"], "A on the shared ticket's page")
    check(state["lang"] == "ar" and state["messages"][0]["body"] == SHARED_TICKET["body"],
          f"A's ticket page: lang {state['lang']}, messages {state['messages']}")
    check(state["collision"] is not None, "the ticket page has no #collision element")
    check(state["collision"]["role"] == "status", f"#collision should have role=status: {state['collision']}")
    state = a.wait(lambda s: not s["collision"]["shown"], "A's #collision hidden while A is alone on the page",
                   timeout=10)
    check(state["changed"] is None or not state["changed"]["shown"], f"#changed shows before any change: {state['changed']}")
    a.driver.execute_script("window.__marker = 'no reload'")

    # B: the agent, in English, on the same page.
    b.sign_in(server, AGENT, EN)
    b.driver.get(server.base + href)
    state = b.wait(lambda s: s["url"] == href and s["messages"], "B on the shared ticket's page")
    check(state["lang"] == "en" and state["collision"] is not None, f"B's ticket page: lang {state['lang']}, "
          f"#collision {state['collision']}")
    viewing_en = EN["viewing"].format(name=ADMIN["name"])
    state = b.wait(lambda s: s["collision"]["shown"] and viewing_en in s["collision"]["text"],
                   f"B's warning {viewing_en!r}", timeout=10)
    viewing_ar = AR["viewing"].format(name=AGENT["name"])
    state = a.wait(lambda s: s["collision"]["shown"] and viewing_ar in s["collision"]["text"],
                   f"A's warning {viewing_ar!r}", timeout=10)
    check(state["marker"] == "no reload", "A's page reloaded to show the warning")
    a.screenshot(os.path.join(out, "workspace-ar-collision.png"))
    b.screenshot(os.path.join(out, "workspace-en-collision.png"))

    # Typing, both ways.
    a.find("#body").send_keys(SHARED["draft"])
    typing_en = EN["typingReply"].format(name=ADMIN["name"])
    b.wait(lambda s: s["collision"]["shown"] and typing_en in s["collision"]["text"], f"B's warning {typing_en!r}",
           timeout=5)
    b.find("#body").send_keys(SHARED["reply"])
    typing_ar = AR["typingReply"].format(name=AGENT["name"])
    a.wait(lambda s: s["collision"]["shown"] and typing_ar in s["collision"]["text"], f"A's warning {typing_ar!r}",
           timeout=5)
    a.screenshot(os.path.join(out, "workspace-ar-collision-typing.png"))

    # B's public reply reaches A's conversation without a reload.
    b.find("input[name=kind][value=public]").click()
    b.find("form.replybox button[type=submit]").click()
    state = b.wait(lambda s: s["url"] == f"{href}?done=sent", "B's page after sending the reply")
    check(state["notice"] == EN["replySent"] and state["messages"][-1]["body"] == SHARED["reply"],
          f"B after replying: notice {state['notice']!r}, messages {state['messages']}")
    state = a.wait(lambda s: [m["body"] for m in s["messages"]] == [SHARED_TICKET["body"], SHARED["reply"]],
                   "B's reply in A's conversation", timeout=10)
    check(state["marker"] == "no reload", "A's page reloaded to show B's reply")
    check("agent" in state["messages"][-1]["classes"].split(), f"B's reply should be an agent's: {state['messages']}")

    # B's status change shows A's #changed, without a reload.
    Select(b.find("select#status")).select_by_value("solved")
    b.find("aside form button[type=submit]").click()
    state = b.wait(lambda s: s["url"] == f"{href}?done=saved", "B's page after saving the details")
    check(state["notice"] == EN["changesSaved"] and state["status"] == "solved",
          f"B after saving: notice {state['notice']!r}, status {state['status']!r}")
    check(server.api("GET", f"/api/v1/tickets/{ticket_id}", token=admin)["status"] == "solved",
          "the API should say B solved the ticket")
    state = a.wait(lambda s: s["changed"] and s["changed"]["shown"], "A's #changed after B's status change",
                   timeout=10)
    check(state["marker"] == "no reload", "A's page reloaded to show the change")
    a.screenshot(os.path.join(out, "workspace-ar-changed.png"))

    # B leaves: A's warning goes away.
    b.driver.get(server.base + "/agent")
    b.wait(lambda s: s["url"] == "/agent" and s["h1"] == EN["inbox"], "B back on the inbox")
    state = a.wait(lambda s: not s["collision"]["shown"], "A's warning hidden once B left", timeout=10)
    check(state["marker"] == "no reload", "A's page reloaded when B left")
    a.check_clean()
    b.check_clean()
    a.quit()
    b.quit()
    log(f"#{ticket_id}: viewing and typing warned both ways; B's reply and status change reached A live")


def scenarios(server, scratch, out):
    admin = server.login(ADMIN)
    me = server.api("GET", "/api/v1/me", token=admin)
    tickets = {}
    # The payload first, so the Arabic ticket is the newest, at the top of the inbox.
    for key, ticket in (("xss", XSS_TICKET), ("arabic", ARABIC_TICKET)):
        created = server.api("POST", "/api/v1/tickets", dict(ticket, channel="web", assignee_id=me["id"]), token=admin)
        tickets[key] = dict(ticket, id=created["id"])
    state = {}

    def shared_ticket():
        # Assigned to the agent, so she sees it too (the admin sees every ticket).
        agent = server.api("GET", "/api/v1/me", token=server.login(AGENT))
        return server.api("POST", "/api/v1/tickets", dict(SHARED_TICKET, channel="web", assignee_id=agent["id"]),
                          token=admin)["id"]

    return (("Arabic workspace: sign in, inbox, j + Enter, reply, solve",
             lambda: state.update(browser=arabic_desk(server, admin, scratch, out, tickets))),
            ("language switch to English", lambda: switch_language(state["browser"])),
            ("live chat in the English workspace", lambda: live_chat(server, admin, scratch, out)),
            ("two agents on one ticket: live reply and collision warning",
             lambda: collision(server, admin, scratch, out, shared_ticket())))


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios,
                 is_stale=lambda name: name.startswith(("workspace-", "failure-workspace-")) and name.endswith(".png")))
