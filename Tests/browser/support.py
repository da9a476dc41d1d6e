"""What the real-browser tests share: their own `raaya serve`, headless Chromium, JSON websockets, and the
runner that reports a test's checks and cleans up after it.

Each test calls run() with its scenarios; a failed check() raises Failure, which run() turns into exit status 1
with the server's log, a screenshot of each browser still open, and the data directory kept for inspection.
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
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect as ws_connect
except ImportError as error:
    print(f"{os.path.splitext(os.path.basename(sys.argv[0]))[0]}: error: {error}; install "
          "scripts/requirements-test.txt (scripts/browser-test does)", file=sys.stderr)
    sys.exit(2)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

ADMIN = {"email": "admin@example.com", "name": "مديرة النظام", "password": "كلمة-سر-المديرة-2026"}
AGENT = {"email": "sara@example.com", "name": "سارة المنصور", "password": "كلمة-سر-سارة-2026"}
# The staff `raaya serve --demo` makes (Sources/RaayaServer/Demo/DemoData.swift); Omar is a Tier 1 agent, the
# group the demo's chat goes to.
DEMO_ADMIN = {"email": "admin@demo.raaya.test", "name": "مدير النظام — Demo Admin", "password": "raaya-demo"}
DEMO_AGENT = {"email": "omar@demo.raaya.test", "name": "عمر الحربي", "password": "raaya-demo"}

# The running test's name, in front of everything it prints (run() sets it).
PROGRAM = os.path.splitext(os.path.basename(sys.argv[0]))[0]

# Browsers not yet quit: when a check fails, run() saves a screenshot of each before closing it.
OPEN_BROWSERS = []


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def log(message):
    print(f"{PROGRAM}: {message}", flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(probe, what, timeout=20, interval=0.1, describe=repr):
    """Calls probe() until it returns something true, and returns that; fails naming what and the last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout} s waiting for {what}; last seen:\n{describe(value)}")
        time.sleep(interval)


# ---------------------------------------------------------------------------------------------- the server

class Server:
    """`raaya serve` on its own SQLite file in a temporary directory, with an admin and an agent — or, with
    demo=True, `raaya serve --demo` on an empty one: the demo's staff (DEMO_ADMIN, DEMO_AGENT), articles, mailbox,
    chat settings and surveys, and nobody else."""

    def __init__(self, binary, directory, demo=False):
        self.binary = binary
        self.dir = directory
        self.demo = demo
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
        # The demo is seeded only into a database without staff.
        for person, role in (() if self.demo else ((ADMIN, "admin"), (AGENT, "agent"))):
            self.command("admin", "create", "--email", person["email"], "--name", person["name"],
                         "--password", person["password"], "--role", role)
        with open(self.log_path, "wb") as out:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)]
                + (["--demo"] if self.demo else []),
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


# ---------------------------------------------------------------------------------------------- websockets

class FrameSocket:
    """A websocket of JSON frames, each with a `type`, read in any order: next() takes the first one wanted."""

    def __init__(self, url, label, headers=None):
        self.label = label
        self.ws = ws_connect(url, additional_headers=headers or {}, open_timeout=15)
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
                raise Failure(f"{self.label}: no '{kind}' frame within {timeout} s; received: "
                              + json.dumps(self.received[-10:], ensure_ascii=False))
            try:
                raw = self.ws.recv(timeout=left)
            except TimeoutError:
                continue
            except ConnectionClosed as error:
                raise Failure(f"{self.label} closed while waiting for '{kind}': {error}")
            frame = json.loads(raw)
            self.unread.append(frame)
            self.received.append(frame)

    def send(self, frame):
        self.ws.send(json.dumps(frame, ensure_ascii=False))

    def close(self):
        self.ws.close()


class Agent(FrameSocket):
    """An agent's chat websocket, as an agent console would hold it."""

    def __init__(self, server, token):
        url = server.base.replace("http://", "ws://") + "/api/v1/chat/agents/ws"
        super().__init__(url, "agent socket", {"Authorization": f"Bearer {token}"})


# ---------------------------------------------------------------------------------------------- the browser

class Browser:
    """One headless Chromium with a profile of its own. `languages` (e.g. "ar-SA,ar") is its Accept-Language."""

    def __init__(self, name, scratch, width=1280, height=800, phone=False, languages=None):
        self.name = name
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        profile = tempfile.mkdtemp(prefix=f"profile-{name}-", dir=scratch)
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}"):
            options.add_argument(argument)
        if languages:
            options.add_argument(f"--lang={languages.split(',')[0]}")
            options.add_experimental_option("prefs", {"intl.accept_languages": languages})
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

    # A test's page state in one round trip: its script (SNAPSHOT_JS) returns a JSON-able object.
    snapshot_js = "return null;"

    def snapshot(self):
        return self.driver.execute_script(self.snapshot_js)

    def describe(self, state):
        """A state, shortened for a failure message."""
        return json.dumps(state, ensure_ascii=False, indent=1)[:4000]

    def wait(self, condition, what, timeout=20):
        """Polls the page's state until condition(state) holds; fails with the last state seen. A condition that
        looks for something not there yet (KeyError, TypeError, IndexError, AttributeError) is just not met."""
        deadline = time.monotonic() + timeout
        state = None
        while True:
            try:
                state = self.snapshot()
                if condition(state):
                    return state
            except (KeyError, TypeError, IndexError, AttributeError):
                pass
            if time.monotonic() > deadline:
                raise Failure(f"[{self.name}] timed out after {timeout} s waiting for {what}; page state:\n"
                              + self.describe(state))
            time.sleep(0.1)

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def type_into(self, selector, text):
        field = self.find(selector)
        field.clear()
        field.send_keys(text)

    def open(self, server, path, what, condition=lambda s: True):
        """Loads a page of `server` and waits until it has its heading (and `condition` holds)."""
        self.driver.get(server.base + path)
        return self.wait(lambda s: s["h1"] is not None and condition(s), what)

    def screenshot(self, path):
        check(self.driver.save_screenshot(path), f"[{self.name}] could not save the screenshot {path}")
        log(f"screenshot: {os.path.relpath(path, REPO) if path.startswith(REPO) else path}")

    def check_console(self, allow=()):
        """No script errors on the page. A missing favicon is not one, nor a message that contains every string
        of one of the tuples in `allow` (e.g. the URL and status of a page the test expected to be refused)."""
        entries = self.driver.get_log("browser")
        self.console.extend(entries)
        errors = [e["message"] for e in entries if e.get("level") == "SEVERE" and "favicon.ico" not in e["message"]
                  and not any(all(part in e["message"] for part in expected) for expected in allow)]
        check(not errors, f"[{self.name}] errors in the browser console:\n" + "\n".join(errors))

    def quit(self):
        if self in OPEN_BROWSERS:
            OPEN_BROWSERS.remove(self)
        try:
            self.driver.quit()
        except WebDriverException:
            pass


# ---------------------------------------------------------------------------------------------- the runner

def run(description, scenarios, is_stale=lambda name: name.endswith(".png"), prepare=None, demo=False):
    """The command line of a browser test: --binary, --out, --keep. Starts the server (`serve --demo` when demo
    is true), then runs scenarios(server, scratch, out) — a list of (title, function) — in order, each function
    called with no arguments; screenshots in --out for which is_stale(name) holds are removed first.
    prepare(server, scratch), when given, runs before the server starts (it may add to server.env) and may return
    a function to call at the end, whatever happened. Returns the exit status."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "debug", "raaya"))
    parser.add_argument("--out", default=os.path.join(REPO, "test-output", "browser"))
    parser.add_argument("--keep", action="store_true", help="keep the server's data directory even on success")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"{PROGRAM}: error: no server binary at {binary}; build it first (swift build)", file=sys.stderr)
        return 2
    for tool in ("chromium", "chromedriver"):
        if not shutil.which(tool):
            print(f"{PROGRAM}: error: {tool} not found (apt-get install chromium chromium-driver)",
                  file=sys.stderr)
            return 2
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if is_stale(old):
            os.remove(os.path.join(out, old))

    # Killed (scripts/test's TERM trap, CI timeout): leave through the finally below, which stops the server and browsers.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    scratch = tempfile.mkdtemp(prefix="raaya-browser-")
    server = Server(binary, scratch, demo=demo)
    started = time.monotonic()
    passed = False
    cleanup = None
    try:
        log(f"server {binary} on {server.base}, data in {scratch}")
        if prepare is not None:
            cleanup = prepare(server, scratch)
        server.start()
        for title, scenario in scenarios(server, scratch, out):
            step = time.monotonic()
            scenario()
            log(f"passed: {title} ({time.monotonic() - step:.1f} s)")
        passed = True
    except Failure as failure:
        print(f"{PROGRAM}: FAILED: {failure}", file=sys.stderr)
    except Exception:   # a crash of the test itself (driver, socket): still a failure, with its traceback
        print(f"{PROGRAM}: FAILED with an unexpected error:", file=sys.stderr)
        traceback.print_exc()
    finally:
        for browser in list(OPEN_BROWSERS):
            if not passed:
                try:
                    browser.driver.save_screenshot(os.path.join(out, f"failure-{browser.name}.png"))
                    print(f"{PROGRAM}: failure screenshot: {os.path.join(out, f'failure-{browser.name}.png')}",
                          file=sys.stderr)
                except WebDriverException:
                    pass
            browser.quit()
        server.stop()
        if cleanup is not None:
            cleanup()
        if not passed:
            print(f"{PROGRAM}: server log (last lines of {server.log_path}):\n{server.log_tail()}", file=sys.stderr)
            print(f"{PROGRAM}: kept the data directory for inspection: {scratch}", file=sys.stderr)
        elif args.keep:
            log(f"kept the data directory: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if passed:
        log(f"all passed in {time.monotonic() - started:.1f} s")
        return 0
    return 1
