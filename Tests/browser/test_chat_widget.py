#!/usr/bin/env python3
"""Real-browser end-to-end test of the live-chat widget (headless Chromium through Selenium).

  python3 Tests/browser/test_chat_widget.py [--binary .build/debug/raaya] [--out test-output/browser] [--keep]

Starts its own `raaya serve` (temporary data directory, SQLite, free port on 127.0.0.1), creates an admin and
an agent with `raaya admin create`, then drives the widget on the sample page /chat/demo like a visitor would:

1. Arabic page, desktop: right-to-left page and widget, Arabic labels; nobody online, so the offline form asks
   for an email; the message left with one opens a chat ticket and queues the acknowledgement in the outbox.
2. English page, desktop, a fresh browser profile, an agent connected on the agent websocket (Python
   `websockets`): the agent hears of the chat and its text, the agent's typing shows in the widget, the
   agent's reply (REST) appears with the agent's name, and both survive a reload.
3. Arabic page on a 390x844 phone: the open panel fills the screen.

Screenshots go to --out (default test-output/browser/ in the repository); their paths are printed. Exits 0
when everything passed, 1 with a message naming the failed check otherwise (the server's data directory and
log are then kept, and a screenshot of each open browser is saved as failure-*.png).
"""

import json
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import ADMIN, AGENT, Agent, Browser as BaseBrowser, check, log, run  # noqa: E402

MAILBOX = {"address": "help@waha.example", "name": "متجر الواحة — الدعم"}

# What the widget shows (its STRINGS table): checked word for word.
AR = {
    "title": "تحدث معنا",
    "open": "فتح المحادثة",
    "close": "إغلاق المحادثة",
    "noAgents": "لا يوجد موظف متاح الآن",
    "leaveMessage": "اترك رسالتك وبريدك الإلكتروني وسنرد عليك بالبريد",
    "name": "الاسم (اختياري)",
    "emailRequired": "البريد الإلكتروني (مطلوب)",
    "emailMissing": "نحتاج بريدك الإلكتروني لنرد عليك",
    "placeholder": "اكتب رسالتك…",
    "send": "إرسال",
    "thanks": "شكراً، سنرد عليك على {email}",
}
EN = {
    "title": "Chat with us",
    "followUp": "Optional — so we can follow up",
    "emailOptional": "Email (optional)",
    "send": "Send",
    "typing": "{name} is typing…",
}

OFFLINE_VISITOR = {"name": "هدى العتيبي", "email": "huda@example.com",
                   "text": "السلام عليكم، طلبت ساعة من متجركم قبل أسبوع ولم تصل بعد. رقم الطلب ٨٨٤٢"}
LIVE_VISITOR = {"name": "ليلى Layla",
                "text": "Hello! My order #1042 hasn't arrived — مرحباً، لم يصل طلبي رقم ١٠٤٢ بعد"}
AGENT_REPLY = "أهلاً ليلى، سأتابع طلبك الآن وأعود إليك خلال دقائق. Checking your order now."
PHONE_DRAFT = "أريد تغيير عنوان التوصيل من فضلك"

# Widget state in one round trip: texts without bidi isolates, visibility, boxes.
SNAPSHOT_JS = r"""
const strip = (s) => s == null ? null : s.replace(/[\u2066-\u2069]/g, '');
const html = document.documentElement;
const page = { htmlDir: html.getAttribute('dir'), htmlLang: html.getAttribute('lang'),
               vw: window.innerWidth, vh: window.innerHeight, scrollWidth: html.scrollWidth };
const host = document.querySelector('raaya-chat');
if (!host || !host.shadowRoot) return { page, mounted: false };
const root = host.shadowRoot;
const q = (s, from) => (from || root).querySelector(s);
const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const text = (el) => el ? strip(el.innerText) : null;
const box = (el) => { if (!el) return null; const b = el.getBoundingClientRect();
  return { left: Math.round(b.left), top: Math.round(b.top), right: Math.round(b.right), bottom: Math.round(b.bottom),
           width: Math.round(b.width), height: Math.round(b.height) }; };
const launcher = q('.launcher'), panel = q('.panel'), email = q('#raaya-email'), send = q('.send');
return {
  page, mounted: true,
  hostDir: host.getAttribute('dir'), hostLang: host.getAttribute('lang'),
  rootDir: q('.root').getAttribute('dir'), rootLang: q('.root').getAttribute('lang'),
  launcher: { visible: visible(launcher), label: launcher.getAttribute('aria-label'),
              expanded: launcher.getAttribute('aria-expanded'), box: box(launcher) },
  panel: { visible: visible(panel), box: box(panel), label: panel.getAttribute('aria-label'),
           // its slide-in moves it for 160 ms: boxes are only measured once it is over
           settled: visible(panel) && !panel.getAnimations().some((a) => a.playState === 'running') },
  title: text(q('.title')),
  status: visible(q('.status')) ? text(q('.status')) : '',
  identity: visible(q('.identity')),
  note: text(q('.note')),
  nameLabel: text(q('label[for="raaya-name"]')),
  emailLabel: text(q('label[for="raaya-email"]')),
  emailRequired: email.required, emailInvalid: email.getAttribute('aria-invalid'),
  emailError: text(q('#raaya-email-error')),
  placeholder: q('textarea').getAttribute('placeholder'), draft: q('textarea').value,
  textareaDirection: getComputedStyle(q('textarea')).direction,
  nameDirection: getComputedStyle(q('#raaya-name')).direction,
  composer: box(q('.composer')), textarea: box(q('textarea')),
  send: { text: text(send), disabled: send.disabled, box: box(send) },
  typing: visible(q('.typing')) ? text(q('.typing')) : null,
  log: box(q('.log')),
  messages: Array.from(root.querySelectorAll('.log .msg')).map((m) => ({
    kind: ['visitor', 'agent', 'system'].find((k) => m.classList.contains(k)),
    pending: m.classList.contains('pending'), failed: m.classList.contains('failed'),
    name: text(q('.name', m)), text: strip(q('.bubble', m).textContent), state: text(q('.state', m)),
    visible: visible(m), box: box(m) }))
};
"""


# ---------------------------------------------------------------------------------------------- the browser

class Browser(BaseBrowser):
    """One headless Chromium with a profile of its own, on the sample page."""

    def open(self, url):
        self.driver.get(url)
        state = self.wait(lambda s: s["mounted"] and s["launcher"]["visible"], "the widget's launcher to appear")
        viewport = (state["page"]["vw"], state["page"]["vh"])
        check(viewport == self.size, f"[{self.name}] the page should be {self.size[0]}x{self.size[1]}, is "
                                     f"{viewport[0]}x{viewport[1]}")

    snapshot_js = SNAPSHOT_JS

    def describe(self, state):
        return describe(state)

    def element(self, selector):
        host = self.driver.find_element(By.CSS_SELECTOR, "raaya-chat")
        return host.shadow_root.find_element(By.CSS_SELECTOR, selector)


def describe(state):
    """A widget state, shortened for a failure message."""
    if not state:
        return repr(state)
    state = dict(state)
    for message in state.get("messages") or []:
        message.pop("box", None)
    return json.dumps(state, ensure_ascii=False, indent=1)[:4000]


def near(a, b, tolerance=2):
    return abs(a - b) <= tolerance


# ---------------------------------------------------------------------------------------------- the scenarios

def arabic_offline(server, admin, scratch, out):
    """Arabic page on a desktop with nobody online: the offline form, and the message left by email."""
    browser = Browser("ar-desktop", scratch)
    browser.open(server.base + "/chat/demo?lang=ar")
    state = browser.snapshot()
    check(state["page"]["htmlDir"] == "rtl" and state["page"]["htmlLang"] == "ar",
          f"the Arabic demo page should be <html lang=ar dir=rtl>, is lang={state['page']['htmlLang']} "
          f"dir={state['page']['htmlDir']}")
    check(state["rootDir"] == "rtl" and state["hostDir"] == "rtl" and state["rootLang"] == "ar",
          f"the widget should be dir=rtl lang=ar, is root dir={state['rootDir']} lang={state['rootLang']}, "
          f"host dir={state['hostDir']}")
    check(state["launcher"]["label"] == AR["open"], f"launcher label: {state['launcher']['label']!r}")
    check(not state["panel"]["visible"], "the panel shows before the launcher was pressed")
    vw = state["page"]["vw"]
    launcher = state["launcher"]["box"]
    check(launcher["right"] < vw / 2,
          f"right-to-left: the launcher should sit at the bottom left, its box is {launcher} in a {vw}px window")

    browser.element(".launcher").click()
    state = browser.wait(lambda s: s["panel"]["settled"] and s["status"] == AR["noAgents"] and s["identity"],
                         "the open panel to say nobody is available and show the offline form")
    check(state["launcher"]["label"] == AR["close"] and state["launcher"]["expanded"] == "true",
          f"open launcher: label {state['launcher']['label']!r}, aria-expanded {state['launcher']['expanded']}")
    for key, actual in (("title", state["title"]), ("leaveMessage", state["note"]), ("name", state["nameLabel"]),
                        ("emailRequired", state["emailLabel"]), ("placeholder", state["placeholder"]),
                        ("send", state["send"]["text"])):
        check(actual == AR[key], f"Arabic label '{key}': expected {AR[key]!r}, the widget shows {actual!r}")
    check(state["panel"]["label"] == AR["title"], f"panel aria-label: {state['panel']['label']!r}")
    check(state["emailRequired"] is True, "the offline form's email field is not required")
    check(state["textareaDirection"] == "rtl" and state["nameDirection"] == "rtl",
          f"empty Arabic fields should read right to left (placeholder and caret on the right): message box is "
          f"{state['textareaDirection']}, name is {state['nameDirection']}")
    panel = state["panel"]["box"]
    check(panel["left"] >= 0 and panel["left"] < vw / 2 and panel["top"] >= 0
          and panel["bottom"] <= state["page"]["vh"],
          f"right-to-left: the panel should open at the left, inside the window; its box is {panel}")

    # Without an email the widget refuses, names the field, and sends nothing.
    state = browser.wait(lambda s: not s["send"]["disabled"], "the send button to be enabled (connected)")
    browser.element("textarea").send_keys(OFFLINE_VISITOR["text"])
    browser.element(".send").click()
    state = browser.wait(lambda s: s["emailError"] == AR["emailMissing"],
                         "the 'email needed' error after sending without an email")
    check(state["emailInvalid"] == "true", "the email field is not marked aria-invalid")
    check(not state["messages"], "a message was sent although the email was missing")
    check(state["draft"] == OFFLINE_VISITOR["text"], "the refused message left the composer")

    browser.element("#raaya-name").send_keys(OFFLINE_VISITOR["name"])
    browser.element("#raaya-email").send_keys(OFFLINE_VISITOR["email"])
    browser.element(".send").click()
    thanks = AR["thanks"].format(email=OFFLINE_VISITOR["email"])
    state = browser.wait(lambda s: any(m["kind"] == "system" and m["text"] == thanks for m in s["messages"]),
                         f"the thank-you note {thanks!r}")
    sent = [m for m in state["messages"] if m["kind"] == "visitor"]
    check(len(sent) == 1 and sent[0]["text"] == OFFLINE_VISITOR["text"] and not sent[0]["pending"]
          and not sent[0]["failed"], f"the visitor's message is not shown as sent: {sent}")
    check(state["emailError"] == "" and state["draft"] == "", "the error or the draft stayed after sending")
    log_box, bubble = state["log"], sent[0]["box"]
    check(bubble["left"] - log_box["left"] <= 16,
          f"right-to-left: the visitor's bubble should sit at the left of the transcript; bubble {bubble}, "
          f"transcript {log_box}")
    browser.screenshot(os.path.join(out, "ar-desktop-offline.png"))
    browser.check_console()
    browser.quit()

    # The message is a chat ticket of the customer with that email, and the acknowledgement waits in the outbox.
    tickets = server.api("GET", "/api/v1/tickets?channel=chat", token=admin)["data"]
    mine = [t for t in tickets if (t.get("customer") or {}).get("email") == OFFLINE_VISITOR["email"]]
    check(len(mine) == 1, f"expected one chat ticket for {OFFLINE_VISITOR['email']}, found: {tickets}")
    ticket = server.api("GET", f"/api/v1/tickets/{mine[0]['id']}", token=admin)
    check(ticket["channel"] == "chat", f"ticket channel: {ticket['channel']}")
    check(ticket["customer"]["name"] == OFFLINE_VISITOR["name"], f"ticket customer: {ticket['customer']}")
    check(ticket["customer"]["language"] == "ar", f"customer language: {ticket['customer'].get('language')}")
    messages = server.api("GET", f"/api/v1/tickets/{ticket['id']}/messages", token=admin)["data"]
    check([m.get("body") for m in messages] == [OFFLINE_VISITOR["text"]], f"ticket messages: {messages}")
    outbox = server.api("GET", "/api/v1/outbox", token=admin)["data"]
    acks = [m for m in outbox if m.get("kind") == "acknowledgement" and m.get("ticket_id") == ticket["id"]]
    check(len(acks) == 1 and acks[0]["recipient"] == OFFLINE_VISITOR["email"],
          f"expected the acknowledgement to {OFFLINE_VISITOR['email']} in the outbox, found: {outbox}")
    log(f"offline chat: ticket #{ticket['id']} (channel chat), acknowledgement #{acks[0]['id']} "
        f"to {acks[0]['recipient']} ({acks[0]['status']})")


def english_live(server, agent_token, scratch, out):
    """English page, fresh profile, an agent online: the conversation both ways, typing, and a reload."""
    agent = Agent(server, agent_token)
    browser = None
    try:
        hello = agent.next("hello")
        check(hello.get("wait_alert_seconds") == 60, f"agent hello: {hello}")

        browser = Browser("en-desktop", scratch)
        browser.open(server.base + "/chat/demo?lang=en")
        state = browser.snapshot()
        check(state["page"]["htmlDir"] == "ltr" and state["rootDir"] == "ltr" and state["rootLang"] == "en",
              f"the English page and widget should be left-to-right: html dir={state['page']['htmlDir']}, "
              f"widget dir={state['rootDir']} lang={state['rootLang']}")
        check(state["launcher"]["box"]["left"] > state["page"]["vw"] / 2,
              f"left-to-right: the launcher should sit at the bottom right, its box is {state['launcher']['box']}")
        check(not [m for m in state["messages"]], "a fresh profile already shows a transcript")

        browser.element(".launcher").click()
        state = browser.wait(lambda s: s["panel"]["settled"] and not s["send"]["disabled"] and s["identity"]
                             and s["status"] == "", "the open panel, connected, with someone available")
        for key, actual in (("title", state["title"]), ("followUp", state["note"]),
                            ("emailOptional", state["emailLabel"]), ("send", state["send"]["text"])):
            check(actual == EN[key], f"English label '{key}': expected {EN[key]!r}, the widget shows {actual!r}")
        check(state["emailRequired"] is False, "the email is required although an agent is online")

        browser.element("#raaya-name").send_keys(LIVE_VISITOR["name"])
        textarea = browser.element("textarea")
        textarea.send_keys(LIVE_VISITOR["text"])
        textarea.send_keys(Keys.ENTER)   # Enter sends
        state = browser.wait(
            lambda s: any(m["kind"] == "visitor" and m["text"] == LIVE_VISITOR["text"] and not m["pending"]
                          for m in s["messages"]), "the visitor's message to be acknowledged")
        check(not state["identity"], "the optional name/email fields are still there after the first message")

        opened = agent.next("chat_opened")
        ticket_id = opened.get("ticket_id")
        check(isinstance(ticket_id, int) and opened.get("status") == "new", f"chat_opened frame: {opened}")
        incoming = agent.next("message", where=lambda f: f.get("ticket_id") == ticket_id and f.get("from") == "visitor")
        check(incoming.get("text") == LIVE_VISITOR["text"],
              f"the agent received {incoming.get('text')!r}, the visitor sent {LIVE_VISITOR['text']!r}")
        log(f"live chat: the agent socket heard chat_opened #{ticket_id} and the visitor's message")

        agent.send({"type": "typing", "ticket_id": ticket_id, "active": True})
        typing = EN["typing"].format(name=AGENT["name"])
        browser.wait(lambda s: s["typing"] == typing, f"the typing indicator {typing!r}", timeout=5)
        browser.screenshot(os.path.join(out, "en-desktop-typing.png"))

        server.api("POST", f"/api/v1/tickets/{ticket_id}/messages", {"body": AGENT_REPLY}, token=agent_token)
        state = browser.wait(lambda s: any(m["kind"] == "agent" and m["text"] == AGENT_REPLY for m in s["messages"]),
                             "the agent's reply in the widget")
        reply = [m for m in state["messages"] if m["kind"] == "agent"]
        check(len(reply) == 1 and reply[0]["name"] == AGENT["name"],
              f"the reply should carry the agent's name {AGENT['name']!r}: {reply}")
        check(state["typing"] is None, f"the typing indicator stayed after the reply: {state['typing']!r}")
        check([m["kind"] for m in state["messages"]] == ["visitor", "agent"],
              f"the transcript should be the visitor's message then the reply: {[m['kind'] for m in state['messages']]}")
        log_box = state["log"]
        mine, theirs = state["messages"][0]["box"], state["messages"][1]["box"]
        check(log_box["right"] - mine["right"] <= 30 and theirs["left"] - log_box["left"] <= 16,
              f"left-to-right: the visitor's bubble should be at the right and the reply at the left; "
              f"visitor {mine}, reply {theirs}, transcript {log_box}")
        agent.next("message", where=lambda f: f.get("ticket_id") == ticket_id and f.get("from") == "agent"
                   and f.get("text") == AGENT_REPLY)
        browser.screenshot(os.path.join(out, "en-desktop-live.png"))
        browser.check_console()

        # A reload: the widget reconnects with its stored token and shows the same conversation.
        browser.driver.refresh()
        browser.wait(lambda s: s["mounted"] and len(s["messages"]) == 2, "the transcript to come back after a reload")
        browser.element(".launcher").click()
        state = browser.wait(lambda s: s["panel"]["settled"] and not s["send"]["disabled"],
                             "the panel to open after the reload")
        kept = [(m["kind"], m["name"], m["text"]) for m in state["messages"]]
        check(kept == [("visitor", None, LIVE_VISITOR["text"]), ("agent", AGENT["name"], AGENT_REPLY)]
              and all(m["visible"] for m in state["messages"]),
              f"after the reload the transcript should be both messages, is: {kept}")
        check(not state["identity"], "after the reload the widget asks for name/email again")
        browser.screenshot(os.path.join(out, "en-desktop-reloaded.png"))
        browser.check_console()
        browser.quit()
    finally:
        agent.close()


def arabic_phone(server, scratch, out):
    """The Arabic page on a 390x844 phone: the open panel takes the whole screen, the composer stays on it."""
    browser = Browser("ar-phone", scratch, width=390, height=844, phone=True)
    browser.open(server.base + "/chat/demo?lang=ar")
    state = browser.snapshot()
    vw, vh = state["page"]["vw"], state["page"]["vh"]
    check((vw, vh) == (390, 844), f"the phone's viewport should be 390x844, is {vw}x{vh}")
    check(state["rootDir"] == "rtl", f"widget dir on the phone: {state['rootDir']}")
    browser.element(".launcher").click()
    state = browser.wait(lambda s: s["panel"]["settled"] and not s["send"]["disabled"],
                         "the panel to open on the phone, connected")
    panel = state["panel"]["box"]
    check(panel["left"] <= 2 and panel["top"] <= 2 and panel["width"] >= vw - 4 and panel["height"] >= vh * 0.95,
          f"on a phone the panel should fill the {vw}x{vh} screen; its box is {panel}")
    check(not state["launcher"]["visible"], "the launcher still shows over the full-screen panel")
    for name in ("composer", "textarea"):
        box = state[name]
        check(box["bottom"] <= vh and box["left"] >= 0 and box["right"] <= vw,
              f"on a phone the {name} should be on screen; its box is {box} in {vw}x{vh}")
    check(state["send"]["box"]["bottom"] <= vh and state["send"]["box"]["left"] >= 0,
          f"the send button is off screen: {state['send']['box']}")
    check(state["log"]["height"] >= 100, f"the transcript is squeezed to {state['log']['height']}px")
    check(state["page"]["scrollWidth"] <= vw, f"the page scrolls sideways: {state['page']['scrollWidth']}px wide")
    browser.element("textarea").send_keys(PHONE_DRAFT)
    browser.wait(lambda s: s["draft"] == PHONE_DRAFT, "the draft in the composer")
    browser.screenshot(os.path.join(out, "ar-phone.png"))
    browser.check_console()
    browser.quit()


def scenarios(server, scratch, out):
    admin = server.login(ADMIN)
    agent_token = server.login(AGENT)
    server.api("POST", "/api/v1/mailboxes", MAILBOX, token=admin)
    return (("Arabic page, desktop, nobody online", lambda: arabic_offline(server, admin, scratch, out)),
            ("English page, desktop, live with an agent", lambda: english_live(server, agent_token, scratch, out)),
            ("Arabic page on a 390x844 phone", lambda: arabic_phone(server, scratch, out)))


if __name__ == "__main__":
    sys.exit(run(__doc__.split("\n\n")[0], scenarios))
