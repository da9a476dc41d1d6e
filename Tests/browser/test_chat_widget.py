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

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect as ws_connect
except ImportError as error:
    print(f"test_chat_widget: error: {error}; install scripts/requirements-test.txt (scripts/browser-test does)", file=sys.stderr)
    sys.exit(2)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

ADMIN = {"email": "admin@example.com", "name": "مديرة النظام", "password": "كلمة-سر-المديرة-2026"}
AGENT = {"email": "sara@example.com", "name": "سارة المنصور", "password": "كلمة-سر-سارة-2026"}
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


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def log(message):
    print(f"test_chat_widget: {message}", flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------- the server

class Server:
    """`raaya serve` on its own SQLite file in a temporary directory, with an admin and an agent."""

    def __init__(self, binary, directory):
        self.binary = binary
        self.dir = directory
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(directory, "server.log")
        self.process = None
        # Nothing of the caller's Raaya setup leaks in: no DATABASE_URL (PostgreSQL), relay or listener.
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("RAAYA_") and k != "DATABASE_URL"}
        self.env.update({
            "RAAYA_DATA_DIR": directory,
            "RAAYA_SMTP_LISTEN": "",     # no SMTP listener: nothing to collide with on port 2525
            "RAAYA_BCRYPT_COST": "4",    # sign-ins in milliseconds; the test is not about password hashing
        })

    def command(self, *args):
        result = subprocess.run([self.binary, *args], cwd=self.dir, env=self.env, capture_output=True, text=True,
                                timeout=120)
        if result.returncode != 0:
            raise Failure(f"raaya {' '.join(args[:2])} failed ({result.returncode}):\n{result.stdout}{result.stderr}")

    def start(self):
        self.command("migrate")
        for person, role in ((ADMIN, "admin"), (AGENT, "agent")):
            self.command("admin", "create", "--email", person["email"], "--name", person["name"],
                         "--password", person["password"], "--role", role)
        with open(self.log_path, "wb") as out:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                cwd=self.dir, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise Failure(f"raaya serve exited with {self.process.returncode} before answering:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise Failure(f"raaya serve did not answer /healthz within 60 s:\n{self.log_tail()}")
            time.sleep(0.1)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no server log)"

    def api(self, method, path, body=None, token=None, expect=(200, 201)):
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json; charset=utf-8")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        check(status in expect, f"{method} {path} answered {status}: {raw[:500].decode('utf-8', 'replace')}")
        return json.loads(raw) if raw else None

    def login(self, person):
        return self.api("POST", "/api/v1/auth/login", {"email": person["email"], "password": person["password"]})["token"]


# ---------------------------------------------------------------------------------------------- the agent

class Agent:
    """An agent's chat websocket, as an agent console would hold it."""

    def __init__(self, server, token):
        url = server.base.replace("http://", "ws://") + "/api/v1/chat/agents/ws"
        self.ws = ws_connect(url, additional_headers={"Authorization": f"Bearer {token}"}, open_timeout=15)
        self.unread = []
        self.received = []

    def next(self, kind, timeout=15, where=lambda frame: True):
        """The first frame of this type (and matching `where`) not taken yet, waiting for it if need be."""
        deadline = time.monotonic() + timeout
        while True:
            for index, frame in enumerate(self.unread):
                if frame.get("type") == kind and where(frame):
                    return self.unread.pop(index)
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(f"agent socket: no '{kind}' frame within {timeout} s; received: "
                              + json.dumps(self.received[-10:], ensure_ascii=False))
            try:
                raw = self.ws.recv(timeout=left)
            except TimeoutError:
                continue
            except ConnectionClosed as error:
                raise Failure(f"agent socket closed while waiting for '{kind}': {error}")
            frame = json.loads(raw)
            self.unread.append(frame)
            self.received.append(frame)

    def send(self, frame):
        self.ws.send(json.dumps(frame, ensure_ascii=False))

    def close(self):
        self.ws.close()


# ---------------------------------------------------------------------------------------------- the browser

class Browser:
    """One headless Chromium with a profile of its own, on the sample page."""

    def __init__(self, name, scratch, width=1280, height=800, phone=False):
        self.name = name
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        profile = tempfile.mkdtemp(prefix=f"profile-{name}-", dir=scratch)
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}"):
            options.add_argument(argument)
        if phone:
            options.add_experimental_option("mobileEmulation", {
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True},
                "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/156.0 Mobile Safari/537.36"})
        else:
            options.add_argument(f"--window-size={width},{height}")
            options.add_argument("--force-device-scale-factor=1")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        # A driver path of our own: Selenium Manager (which would go online for a driver) never runs.
        self.driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        self.driver.set_page_load_timeout(30)
        self.console = []
        OPEN_BROWSERS.append(self)
        if not phone:
            # Headless Chromium still counts a frame around the page: grow the window so the page gets width x height.
            inner = self.driver.execute_script("return [window.innerWidth, window.innerHeight]")
            outer = self.driver.get_window_size()
            self.driver.set_window_size(outer["width"] - inner[0] + width, outer["height"] - inner[1] + height)
        self.size = (width, height)

    def open(self, url):
        self.driver.get(url)
        state = self.wait(lambda s: s["mounted"] and s["launcher"]["visible"], "the widget's launcher to appear")
        viewport = (state["page"]["vw"], state["page"]["vh"])
        check(viewport == self.size, f"[{self.name}] the page should be {self.size[0]}x{self.size[1]}, is "
                                     f"{viewport[0]}x{viewport[1]}")

    def snapshot(self):
        return self.driver.execute_script(SNAPSHOT_JS)

    def wait(self, condition, what, timeout=20):
        """Polls the widget's state until condition(state) holds; fails with the last state seen."""
        deadline = time.monotonic() + timeout
        state = None
        while True:
            state = self.snapshot()
            try:
                if condition(state):
                    return state
            except (KeyError, TypeError, IndexError):
                pass   # not mounted yet, or a message not there yet
            if time.monotonic() > deadline:
                raise Failure(f"[{self.name}] timed out after {timeout} s waiting for {what}; widget state:\n"
                              + describe(state))
            time.sleep(0.1)

    def element(self, selector):
        host = self.driver.find_element(By.CSS_SELECTOR, "raaya-chat")
        return host.shadow_root.find_element(By.CSS_SELECTOR, selector)

    def screenshot(self, path):
        check(self.driver.save_screenshot(path), f"[{self.name}] could not save the screenshot {path}")
        log(f"screenshot: {os.path.relpath(path, REPO) if path.startswith(REPO) else path}")

    def check_console(self):
        """No script errors on the page (a missing favicon is not one)."""
        entries = self.driver.get_log("browser")
        self.console.extend(entries)
        errors = [e["message"] for e in entries if e.get("level") == "SEVERE" and "favicon.ico" not in e["message"]]
        check(not errors, f"[{self.name}] errors in the browser console:\n" + "\n".join(errors))

    def quit(self):
        if self in OPEN_BROWSERS:
            OPEN_BROWSERS.remove(self)
        try:
            self.driver.quit()
        except WebDriverException:
            pass


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


# Browsers not yet quit: when a check fails, main() saves a screenshot of each before closing it.
OPEN_BROWSERS = []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "debug", "raaya"))
    parser.add_argument("--out", default=os.path.join(REPO, "test-output", "browser"))
    parser.add_argument("--keep", action="store_true", help="keep the server's data directory even on success")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"test_chat_widget: error: no server binary at {binary}; build it first (swift build)", file=sys.stderr)
        return 2
    for tool in ("chromium", "chromedriver"):
        if not shutil.which(tool):
            print(f"test_chat_widget: error: {tool} not found (apt-get install chromium chromium-driver)",
                  file=sys.stderr)
            return 2
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.endswith(".png"):
            os.remove(os.path.join(out, old))

    # Killed (scripts/test's TERM trap, CI timeout): leave through the finally below, which stops the server and browsers.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    scratch = tempfile.mkdtemp(prefix="raaya-browser-")
    server = Server(binary, scratch)
    started = time.monotonic()
    passed = False
    try:
        log(f"server {binary} on {server.base}, data in {scratch}")
        server.start()
        admin = server.login(ADMIN)
        agent_token = server.login(AGENT)
        server.api("POST", "/api/v1/mailboxes", MAILBOX, token=admin)
        for title, run in (("Arabic page, desktop, nobody online", lambda: arabic_offline(server, admin, scratch, out)),
                           ("English page, desktop, live with an agent", lambda: english_live(server, agent_token, scratch, out)),
                           ("Arabic page on a 390x844 phone", lambda: arabic_phone(server, scratch, out))):
            step = time.monotonic()
            run()
            log(f"passed: {title} ({time.monotonic() - step:.1f} s)")
        passed = True
    except Failure as failure:
        print(f"test_chat_widget: FAILED: {failure}", file=sys.stderr)
    except Exception:   # a crash of the test itself (driver, socket): still a failure, with its traceback
        print("test_chat_widget: FAILED with an unexpected error:", file=sys.stderr)
        traceback.print_exc()
    finally:
        for browser in list(OPEN_BROWSERS):
            if not passed:
                try:
                    browser.driver.save_screenshot(os.path.join(out, f"failure-{browser.name}.png"))
                    print(f"test_chat_widget: failure screenshot: {os.path.join(out, f'failure-{browser.name}.png')}",
                          file=sys.stderr)
                except WebDriverException:
                    pass
            browser.quit()
        server.stop()
        if not passed:
            print(f"test_chat_widget: server log (last lines of {server.log_path}):\n{server.log_tail()}", file=sys.stderr)
            print(f"test_chat_widget: kept the data directory for inspection: {scratch}", file=sys.stderr)
        elif args.keep:
            log(f"kept the data directory: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if passed:
        log(f"all passed in {time.monotonic() - started:.1f} s")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

