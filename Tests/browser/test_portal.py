#!/usr/bin/env python3
"""Real-browser end-to-end test of the customer portal (headless Chromium through Selenium).

  python3 Tests/browser/test_portal.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve` (temporary data directory, SQLite, free port on 127.0.0.1) whose outbound mail goes
to an SMTP relay the test runs itself (aiosmtpd, in this process), creates a mailbox to send from through the
API, then:

1. Phone-sized browser in Arabic, customer Huda: /help is <html lang=ar dir=rtl> with the form's Arabic labels
   word for word and no horizontal scrolling; she fills in her name, email, subject and description (Arabic),
   attaches a text file and sends it. The acknowledgement page names the ticket number; the API shows the
   ticket (channel web, her subject, her name) with the file attached to its first message, byte for byte; the
   relay receives the acknowledgement mail naming the ticket.
2. Same browser: /help/sign-in (Arabic), her email; the relay receives the one-time link, which opens her
   "my requests" (HttpOnly cookie) listing the ticket; on its page she replies in Arabic and the reply is the
   conversation's last message (and the API has it from the customer). The link used again is refused.
3. Desktop browser, customer Khalid: the header's language link turns /help to English (<html lang=en
   dir=ltr>, English labels word for word); he sends a request and signs in by his own mailed link: his list
   has only his ticket, Huda's ticket page is the not-found page (nothing of hers on it), and a reply posted to
   her ticket is refused and not stored.

No console error on any page (but the refused statuses the test asked for). Screenshots (portal-*.png) go to
--out (default test-output/browser/ in the repository); other tests' screenshots there are left alone. Exits 0
when everything passed, 1 with a message naming the failed check otherwise (the server's data directory and
log are then kept, and failure-*.png saved for each open browser).
"""

import email
import email.policy
import json
import os
import re
import sys
import threading
import time
import urllib.request

from aiosmtpd.controller import Controller

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import ADMIN, Browser as BaseBrowser, Failure, check, free_port, log, run  # noqa: E402

MAILBOX = {"address": "support@raaya.test", "name": "دعم رعاية", "language": "ar", "signature": "فريق دعم رعاية"}
HUDA = {"name": "هدى العتيبي", "email": "huda.portal@example.com",
        "subject": "الفاتورة رقم ٧٧٣ مكررة",
        "body": "السلام عليكم،\nخُصم مبلغ الفاتورة رقم ٧٧٣ مرتين من بطاقتي. أرفقت إيصال البنك.",
        "reply": "شكراً لكم، هل يمكن إعادة المبلغ إلى البطاقة نفسها؟"}
ATTACHMENT = {"filename": "إيصال-البنك.txt",
              "content": "إيصال بنكي\nالمبلغ: ٢٥٠ ريالاً\nالتاريخ: ١٤٤٧/٠٥/١٢\n".encode("utf-8")}
KHALID = {"name": "خالد الزهراني", "email": "khalid.portal@example.com",
          "subject": "Order 5521: طلب تغيير المقاس",
          "body": "Hello, I ordered size M by mistake — أرجو تغييره إلى L."}

# The portal's words (Sources/RaayaServer/Web/Phrase.swift), checked word for word.
AR = {"articles": "المقالات", "appName": "رعاية", "helpCenter": "مركز المساعدة", "submitRequest": "أرسل طلباً", "myRequests": "طلباتي",
      "yourName": "اسمك", "yourEmail": "بريدك الإلكتروني", "subject": "الموضوع", "describe": "اشرح طلبك",
      "attachment": "مرفق (اختياري)", "send": "إرسال", "switchLanguage": "English",
      "requestReceived": "استلمنا طلبك",
      "requestReceivedDetail": "أرسلنا إلى بريدك تأكيداً برقم الطلب، وسنرد عليك قريباً.",
      "portalSignIn": "متابعة طلباتي",
      "portalSignInHelp": "أدخل بريدك الإلكتروني وسنرسل إليك رابط دخول صالحاً لمرة واحدة.",
      "linkSent": "إن كان بريدك معروفاً لدينا فستصلك رسالة فيها رابط الدخول.",
      "linkInvalid": "الرابط غير صالح أو انتهت صلاحيته أو استُخدم من قبل", "sendLink": "أرسل الرابط",
      "status": "الحالة", "updated": "آخر نشاط", "writeReply": "اكتب ردك", "customerRole": "عميل", "new": "جديدة",
      "signInMail": "رابط الدخول إلى طلباتك"}
EN = {"articles": "Articles", "appName": "Raaya", "helpCenter": "Help center", "submitRequest": "Submit a request", "myRequests": "My requests",
      "yourName": "Your name", "yourEmail": "Your email", "subject": "Subject", "describe": "Describe your request",
      "attachment": "Attachment (optional)", "send": "Send", "switchLanguage": "العربية",
      "requestReceived": "We received your request",
      "requestReceivedDetail": "We emailed you a confirmation with its number, and will answer soon.",
      "portalSignIn": "Follow my requests",
      "portalSignInHelp": "Enter your email and we will send you a sign-in link that works once.",
      "linkSent": "If we know your email, a message with the sign-in link is on its way.",
      "sendLink": "Send the link", "status": "Status", "updated": "Last activity",
      "notFound": "Not found, or not yours to see", "signInMail": "Your sign-in link"}

# The page's state in one round trip: texts without bidi isolates.
SNAPSHOT_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '').trim();
const q = (s) => document.querySelector(s);
const text = (s) => { const el = q(s); return el ? strip(el.innerText) : null; };
const all = (s, f) => Array.from(document.querySelectorAll(s)).map(f);
const html = document.documentElement;
return {
  url: location.pathname + location.search, lang: html.getAttribute('lang'), dir: html.getAttribute('dir'),
  title: document.title, h1: text('main h1'), mainText: strip(q('main') ? q('main').innerText : ''),
  languageLink: q('header a.language') ? { text: strip(q('header a.language').innerText),
    href: q('header a.language').getAttribute('href') } : null,
  views: all('main nav.views a', (a) => strip(a.innerText)),
  labels: all('main label', (l) => strip(l.innerText)),
  buttons: all('main button', (b) => strip(b.innerText)),
  notice: text('.notice'), error: text('.error'), muted: text('main p.muted'),
  headers: all('main table thead th', (th) => strip(th.innerText)),
  rows: all('main table tbody tr', (tr) => ({ cells: Array.from(tr.cells).map((td) => strip(td.innerText)),
    href: tr.querySelector('a') ? tr.querySelector('a').getAttribute('href') : null })),
  messages: all('#conversation article.message', (m) => ({ classes: m.className,
    meta: strip(m.querySelector('.meta').innerText), body: strip(m.querySelector('.body').textContent) })),
  fileChosen: q('input#file') ? Array.from(q('input#file').files).map((f) => f.name) : null,
  scrollWidth: html.scrollWidth, innerWidth: window.innerWidth,
  cookies: document.cookie
};
"""


class Browser(BaseBrowser):
    """A Chromium on the portal's pages."""

    snapshot_js = SNAPSHOT_JS

    def open(self, server, path, what, condition=lambda s: s["h1"] is not None):
        self.driver.get(server.base + path)
        return self.wait(lambda s: s["url"].split("?")[0] == path.split("?")[0] and condition(s), what)

    def check_fits(self, state, where):
        """No horizontal scrolling: the page is no wider than the screen."""
        check(state["scrollWidth"] <= state["innerWidth"] + 1,
              f"[{self.name}] {where} scrolls sideways: {state['scrollWidth']} px wide on a "
              f"{state['innerWidth']} px screen")


# ---------------------------------------------------------------------------------------------- the mail relay

class Relay:
    """The SMTP relay `raaya serve` hands its outbox to: keeps every mail it accepts, parsed."""

    def __init__(self):
        self.port = free_port()
        self.mails = []
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        with self.lock:
            self.mails.append({"to": list(envelope.rcpt_tos), "subject": str(message["Subject"]),
                               "text": body.get_content() if body is not None else ""})
        return "250 2.0.0 accepted"

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def wait_for(self, recipient, condition, what, timeout=15):
        """The first mail to recipient for which condition(mail) holds, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                mails = list(self.mails)
            for mail in mails:
                if recipient in mail["to"] and condition(mail):
                    return mail
            if time.monotonic() > deadline:
                raise Failure(f"timed out after {timeout} s waiting for {what} to {recipient}; the relay has:\n"
                              + json.dumps(mails, ensure_ascii=False, indent=1)[:3000])
            time.sleep(0.1)


def sign_in_link(relay, server, person, subject):
    """The link in the sign-in mail to person (whose subject is in their language)."""
    mail = relay.wait_for(person["email"], lambda m: re.search(r"/help/session\?token=", m["text"]),
                          "the sign-in link mail")
    check(mail["subject"] == subject, f"the sign-in mail's subject should be {subject!r}, is {mail['subject']!r}")
    check(person["name"] in mail["text"], f"the sign-in mail should greet {person['name']}: {mail['text']!r}")
    link = re.search(r"\S+/help/session\?token=\S+", mail["text"]).group(0)
    check(link.startswith(server.base + "/help/session?token="),
          f"the sign-in link should lead to this server ({server.base}): {link}")
    return link


# ---------------------------------------------------------------------------------------------- the scenarios

def submit_request(browser, person, attachment=None):
    """Fills in /help's form (already open) and sends it; returns the new ticket's number."""
    browser.find("#name").send_keys(person["name"])
    browser.find("#email").send_keys(person["email"])
    browser.find("#subject").send_keys(person["subject"])
    browser.find("#body").send_keys(person["body"])
    if attachment:
        browser.find("input#file").send_keys(attachment)
        browser.wait(lambda s: s["fileChosen"] == [os.path.basename(attachment)], "the file chosen")


def received(browser, labels):
    """The acknowledgement page after sending the form; returns the ticket number it names."""
    state = browser.wait(lambda s: s["url"] == "/help/requests" and s["h1"] and s["h1"].startswith(labels["requestReceived"]),
                         "the acknowledgement page")
    match = re.fullmatch(re.escape(labels["requestReceived"]) + r" — #(\d+)", state["h1"])
    check(match, f"the acknowledgement should name the ticket: {state['h1']!r}")
    check(state["notice"] == labels["requestReceivedDetail"], f"acknowledgement notice: {state['notice']!r}")
    return int(match.group(1)), state


def arabic_request(server, admin, relay, browser, scratch, out, tickets):
    """Huda on her phone, in Arabic: the form, a request with a file; the API and the relay agree."""
    state = browser.open(server, "/help", "the portal's home page")
    check(state["lang"] == "ar" and state["dir"] == "rtl",
          f"/help should be <html lang=ar dir=rtl>, is lang={state['lang']} dir={state['dir']}")
    check(state["title"] == f"{AR['helpCenter']} — {AR['appName']}", f"/help's title: {state['title']!r}")
    check(state["h1"] == AR["submitRequest"], f"/help's heading: {state['h1']!r}")
    check(state["views"] == [AR["articles"], AR["submitRequest"], AR["myRequests"]], f"/help's navigation: {state['views']}")
    check(state["labels"] == [AR["yourName"], AR["yourEmail"], AR["subject"], AR["describe"], AR["attachment"]],
          f"Arabic form labels: {state['labels']}")
    check(state["buttons"] == [AR["send"]], f"Arabic form buttons: {state['buttons']}")
    check(state["languageLink"] == {"text": AR["switchLanguage"], "href": "/language?to=en"},
          f"the language link: {state['languageLink']}")
    browser.check_fits(state, "/help")

    path = os.path.join(scratch, ATTACHMENT["filename"])
    with open(path, "wb") as f:
        f.write(ATTACHMENT["content"])
    submit_request(browser, HUDA, attachment=path)
    browser.check_fits(browser.snapshot(), "/help, filled in")
    browser.screenshot(os.path.join(out, "portal-ar-phone-form.png"))
    browser.find("main form button[type=submit]").click()
    ticket_id, state = received(browser, AR)
    check(state["lang"] == "ar" and state["dir"] == "rtl", f"acknowledgement: lang={state['lang']} dir={state['dir']}")
    browser.check_fits(state, "the acknowledgement page")
    browser.screenshot(os.path.join(out, "portal-ar-phone-received.png"))
    browser.check_console()

    ticket = server.api("GET", f"/api/v1/tickets/{ticket_id}", token=admin)
    check(ticket["channel"] == "web" and ticket["subject"] == HUDA["subject"] and ticket["status"] == "new",
          f"the ticket through the API: channel {ticket['channel']!r}, subject {ticket['subject']!r}, "
          f"status {ticket['status']!r}")
    customer = ticket["customer"]
    check(customer["name"] == HUDA["name"] and customer["email"] == HUDA["email"] and customer["language"] == "ar",
          f"the ticket's customer should be {HUDA['name']} <{HUDA['email']}>, Arabic: {customer}")
    messages = server.api("GET", f"/api/v1/tickets/{ticket_id}/messages", token=admin)["data"]
    # A form sends a textarea's line breaks as CRLF (HTML's form encoding), and the server keeps them so.
    check(len(messages) == 1 and messages[0]["author"] == "customer"
          and messages[0]["body"].replace("\r\n", "\n") == HUDA["body"],
          f"the ticket's first message should be her description: {messages}")
    files = messages[0]["attachments"]
    check(len(files) == 1, f"the first message should have one attachment: {files}")
    check(files[0]["filename"] == ATTACHMENT["filename"] and files[0]["size"] == len(ATTACHMENT["content"])
          and not files[0]["inline"],
          f"the attachment should be {ATTACHMENT['filename']} of {len(ATTACHMENT['content'])} bytes: {files[0]}")
    request = urllib.request.Request(f"{server.base}/api/v1/attachments/{files[0]['id']}",
                                     headers={"Authorization": f"Bearer {admin}"})
    with urllib.request.urlopen(request, timeout=15) as response:
        stored = response.read()
    check(stored == ATTACHMENT["content"], f"the stored attachment differs from the file sent: {stored[:200]!r}")

    mail = relay.wait_for(HUDA["email"], lambda m: f"#{ticket_id}" in m["subject"], "the acknowledgement mail")
    check(HUDA["subject"] in mail["subject"] and HUDA["name"] in mail["text"],
          f"the acknowledgement mail should name her request and greet her: {mail}")
    tickets["huda"] = ticket_id
    log(f"Huda's request #{ticket_id}: channel web, {ATTACHMENT['filename']} attached, acknowledged by mail")


def arabic_follow_up(server, admin, relay, browser, out, tickets):
    """Huda signs in by the mailed link, sees her request and replies to it in Arabic."""
    ticket_id = tickets["huda"]
    state = browser.open(server, "/help/sign-in", "the portal's sign-in page")
    check(state["lang"] == "ar" and state["dir"] == "rtl", f"sign-in: lang={state['lang']} dir={state['dir']}")
    check(state["h1"] == AR["portalSignIn"] and state["muted"] == AR["portalSignInHelp"],
          f"Arabic sign-in page: heading {state['h1']!r}, help {state['muted']!r}")
    check(state["labels"] == [AR["yourEmail"]] and state["buttons"] == [AR["sendLink"]],
          f"Arabic sign-in form: labels {state['labels']}, buttons {state['buttons']}")
    browser.check_fits(state, "/help/sign-in")
    browser.find("#email").send_keys(HUDA["email"])
    browser.find("main form button[type=submit]").click()
    state = browser.wait(lambda s: s["url"] == "/help/sign-in?sent=1", "the page after asking for the link")
    check(state["notice"] == AR["linkSent"], f"notice after asking for the link: {state['notice']!r}")
    browser.screenshot(os.path.join(out, "portal-ar-phone-link-sent.png"))

    link = sign_in_link(relay, server, HUDA, AR["signInMail"])
    browser.driver.get(link)
    state = browser.wait(lambda s: s["url"] == "/help/requests" and s["h1"] == AR["myRequests"],
                         "her requests after opening the link")
    cookie = next((c for c in browser.driver.get_cookies() if c["name"] == "raaya_customer"), None)
    check(cookie and cookie.get("httpOnly") is True, f"the portal's session cookie should be HttpOnly: {cookie}")
    check("raaya_customer" not in state["cookies"], "the page's script can read the portal's session cookie")
    check(state["headers"] == ["#", AR["subject"], AR["status"], AR["updated"]], f"her requests' columns: {state['headers']}")
    check([r["cells"][:3] for r in state["rows"]] == [[f"#{ticket_id}", HUDA["subject"], AR["new"]]],
          f"her requests should be #{ticket_id} only, new: {state['rows']}")
    browser.check_fits(state, "/help/requests")
    browser.screenshot(os.path.join(out, "portal-ar-phone-requests.png"))

    browser.find(f'main table a[href="/help/requests/{ticket_id}"]').click()
    state = browser.wait(lambda s: s["url"] == f"/help/requests/{ticket_id}" and s["messages"], "her request's page")
    check(state["h1"] == f"#{ticket_id} {HUDA['subject']}", f"her request's heading: {state['h1']!r}")
    check([m["body"] for m in state["messages"]] == [HUDA["body"]]
          and state["messages"][0]["meta"].startswith(AR["customerRole"]),
          f"the conversation should be her description, from the customer: {state['messages']}")
    check(state["labels"] == [AR["writeReply"], AR["attachment"]] and state["buttons"] == [AR["send"]],
          f"Arabic reply form: labels {state['labels']}, buttons {state['buttons']}")
    browser.find("#body").send_keys(HUDA["reply"])
    browser.find("main form button[type=submit]").click()
    state = browser.wait(lambda s: len(s["messages"]) == 2, "her reply in the conversation")
    check(state["url"] == f"/help/requests/{ticket_id}", f"after replying the page is {state['url']}")
    last = state["messages"][-1]
    check(last["body"] == HUDA["reply"] and "customer" in last["classes"].split(),
          f"her reply should be the conversation's last message, hers: {state['messages']}")
    browser.check_fits(state, "her request's page")
    browser.screenshot(os.path.join(out, "portal-ar-phone-conversation.png"))
    browser.check_console()
    messages = server.api("GET", f"/api/v1/tickets/{ticket_id}/messages", token=admin)["data"]
    check([(m["author"], m["body"], m["internal"]) for m in messages][-1] == ("customer", HUDA["reply"], False),
          f"the API should have her reply as the last message, public, from the customer: {messages}")

    # The link works once.
    browser.driver.get(link)
    state = browser.wait(lambda s: s["url"].startswith("/help/session") and s["error"], "the used link refused")
    check(state["error"] == AR["linkInvalid"], f"the link used again should be refused: {state['error']!r}")
    browser.check_console(allow=[("/help/session?token=", "status of 403")])
    browser.quit()
    log(f"Huda signed in by her link, replied on #{ticket_id}; the link did not work twice")


def english_other_customer(server, admin, relay, scratch, out, tickets):
    """Khalid switches the portal to English, sends a request, signs in: he sees only his own."""
    huda = tickets["huda"]
    browser = Browser("portal-en", scratch, languages="ar-SA,ar")
    state = browser.open(server, "/help", "the portal's home page")
    check(state["lang"] == "ar" and state["dir"] == "rtl", f"/help before switching: lang={state['lang']} dir={state['dir']}")
    browser.find("header a.language").click()
    state = browser.wait(lambda s: s["url"] == "/help" and s["lang"] == "en", "/help in English after the language link")
    check(state["dir"] == "ltr", f"English /help should be dir=ltr, is {state['dir']}")
    check(state["title"] == f"{EN['helpCenter']} — {EN['appName']}" and state["h1"] == EN["submitRequest"],
          f"English /help: title {state['title']!r}, heading {state['h1']!r}")
    check(state["views"] == [EN["articles"], EN["submitRequest"], EN["myRequests"]], f"English navigation: {state['views']}")
    check(state["labels"] == [EN["yourName"], EN["yourEmail"], EN["subject"], EN["describe"], EN["attachment"]],
          f"English form labels: {state['labels']}")
    check(state["buttons"] == [EN["send"]], f"English form buttons: {state['buttons']}")
    check(state["languageLink"] == {"text": EN["switchLanguage"], "href": "/language?to=ar"},
          f"the language link in English: {state['languageLink']}")
    browser.screenshot(os.path.join(out, "portal-en-form.png"))

    submit_request(browser, KHALID)
    browser.find("main form button[type=submit]").click()
    ticket_id, state = received(browser, EN)
    check(state["lang"] == "en" and state["dir"] == "ltr", f"English acknowledgement: lang={state['lang']} dir={state['dir']}")
    check(ticket_id != huda, f"Khalid's request got Huda's number #{ticket_id}")
    ticket = server.api("GET", f"/api/v1/tickets/{ticket_id}", token=admin)
    check(ticket["channel"] == "web" and ticket["subject"] == KHALID["subject"]
          and ticket["customer"]["name"] == KHALID["name"] and ticket["customer"]["email"] == KHALID["email"]
          and ticket["customer"]["language"] == "en",
          f"Khalid's ticket through the API: {ticket}")
    huda_ticket = server.api("GET", f"/api/v1/tickets/{huda}", token=admin)
    check(ticket["customer"]["id"] != huda_ticket["customer"]["id"], "Khalid's request went to Huda's customer record")
    browser.check_console()

    state = browser.open(server, "/help/sign-in", "the sign-in page in English")
    check(state["lang"] == "en" and state["h1"] == EN["portalSignIn"] and state["muted"] == EN["portalSignInHelp"]
          and state["labels"] == [EN["yourEmail"]] and state["buttons"] == [EN["sendLink"]],
          f"English sign-in page: lang {state['lang']}, heading {state['h1']!r}, help {state['muted']!r}, "
          f"labels {state['labels']}, buttons {state['buttons']}")
    browser.find("#email").send_keys(KHALID["email"])
    browser.find("main form button[type=submit]").click()
    state = browser.wait(lambda s: s["url"] == "/help/sign-in?sent=1", "the page after asking for the link")
    check(state["notice"] == EN["linkSent"], f"English notice after asking for the link: {state['notice']!r}")
    link = sign_in_link(relay, server, KHALID, EN["signInMail"])
    browser.driver.get(link)
    state = browser.wait(lambda s: s["url"] == "/help/requests" and s["h1"] == EN["myRequests"],
                         "Khalid's requests after opening his link")
    check(state["headers"] == ["#", EN["subject"], EN["status"], EN["updated"]], f"his requests' columns: {state['headers']}")
    check([r["href"] for r in state["rows"]] == [f"/help/requests/{ticket_id}"],
          f"Khalid's list should have his request #{ticket_id} only: {state['rows']}")
    check(HUDA["subject"] not in state["mainText"], "Huda's subject is on Khalid's list of requests")
    browser.screenshot(os.path.join(out, "portal-en-requests.png"))
    browser.check_console()

    # Huda's request is not his: the not-found page, with nothing of hers.
    browser.driver.get(f"{server.base}/help/requests/{huda}")
    state = browser.wait(lambda s: s["url"] == f"/help/requests/{huda}" and s["error"], "Huda's request refused to Khalid")
    check(state["error"] == EN["notFound"], f"Huda's request should be not found for Khalid: {state['error']!r}")
    for secret in (HUDA["subject"], HUDA["body"].split("\n")[1], HUDA["reply"], HUDA["name"]):
        check(secret not in state["mainText"], f"Khalid sees Huda's {secret!r}")
    check(not state["messages"], f"a conversation is on the not-found page: {state['messages']}")
    browser.screenshot(os.path.join(out, "portal-en-not-found.png"))

    # Nor may he write into it, even with a valid form of his own.
    outcome = browser.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const form = new URLSearchParams({ _csrf: arguments[0], body: arguments[1] });
        fetch(arguments[2], { method: 'POST', body: form, redirect: 'manual', credentials: 'same-origin' })
          .then((r) => done({ status: r.status, type: r.type }), (e) => done({ error: String(e) }));
    """, _form_token(browser, server, ticket_id), "رسالة من خالد في تذكرة هدى", f"/help/requests/{huda}/messages")
    check(outcome.get("status") in (403, 404), f"Khalid's reply to Huda's request should be refused: {outcome}")
    messages = server.api("GET", f"/api/v1/tickets/{huda}/messages", token=admin)["data"]
    check(len(messages) == 2 and all(m["body"] != "رسالة من خالد في تذكرة هدى" for m in messages),
          f"Huda's ticket gained Khalid's message: {messages}")
    browser.check_console(allow=[(f"/help/requests/{huda}", f"status of {status}")
                                 for status in (404, outcome["status"])])
    browser.quit()
    log(f"Khalid (English) sees #{ticket_id} only; Huda's #{huda} is not found for him and refuses his reply "
        f"({outcome['status']})")


def _form_token(browser, server, ticket_id):
    """Khalid's form token, from the reply form on his own request's page."""
    browser.driver.get(f"{server.base}/help/requests/{ticket_id}")
    browser.wait(lambda s: s["url"] == f"/help/requests/{ticket_id}" and s["messages"], "Khalid's own request")
    return browser.find('main form input[name="_csrf"]').get_attribute("value")


def scenarios(server, scratch, out):
    admin = server.login(ADMIN)
    server.api("POST", "/api/v1/mailboxes", MAILBOX, token=admin)
    relay = server.relay
    tickets = {}
    phone = {}

    def open_phone():
        phone["browser"] = Browser("portal-ar-phone", scratch, width=390, height=844, phone=True, languages="ar-SA,ar")
        arabic_request(server, admin, relay, phone["browser"], scratch, out, tickets)

    return (("Arabic phone: the request form, a request with a file", open_phone),
            ("Arabic phone: sign in by the mailed link, reply", lambda: arabic_follow_up(
                server, admin, relay, phone["browser"], out, tickets)),
            ("English: another customer sees only their own requests",
             lambda: english_other_customer(server, admin, relay, scratch, out, tickets)))


def prepare(server, scratch):
    """The relay, and the server's outbound mail set up to go to it."""
    relay = Relay()
    relay.start()
    server.relay = relay
    # No RAAYA_PUBLIC_URL: the links in mail are made from --hostname and --port (the test checks they lead here).
    server.env["RAAYA_SMTP_RELAY"] = f"smtp://127.0.0.1:{relay.port}"
    log(f"SMTP relay on 127.0.0.1:{relay.port}")
    return relay.stop


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios, prepare=prepare,
                 is_stale=lambda name: name.startswith(("portal-", "failure-portal-")) and name.endswith(".png")))
