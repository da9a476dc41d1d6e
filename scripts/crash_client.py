#!/usr/bin/env python3
"""HTTP client for scripts/crash-test (and the log-in step of scripts/bench).

Standard library only, so that it runs on a fresh machine without pip.

  crash_client.py wait   --url URL [--pid PID] [--timeout 60]
  crash_client.py login  --url URL --email E --password P        prints the token
  crash_client.py load   --url URL --token T --kill-pid PID --out FILE
                         [--threads 16] [--duration 3] [--smtp-port P [--mail-threads 4]]
  crash_client.py mailbox --url URL --token T     adds the mailbox the mail load writes to
  crash_client.py verify --url URL --token T --acked FILE

'load' has 16 threads create tickets as fast as the server answers. After
--duration seconds, at a moment when requests are in flight, it sends SIGKILL to
the server itself: timing the kill from here, not from the shell, is what makes
sure the server dies mid-request rather than after the load has stopped. Every
ticket acknowledged with 201 before that is written to FILE as JSON lines. With
--smtp-port, more threads deliver mail to the SMTP listener at the same time;
a 250 after the data acknowledges the ticket it names ("Queued as ticket-N").
'verify' then checks each of them on the restarted server.
"""

import argparse
import base64
import http.client
import json
import os
import signal
import smtplib
import sys
import threading
import time
from urllib.parse import urlsplit


def die(message):
    print(f"crash_client: error: {message}", file=sys.stderr)
    sys.exit(1)


def connection(url, timeout=10):
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)


def request(conn, method, path, token=None, body=None):
    """One request on a kept-alive connection; returns (status, parsed JSON or None)."""
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json; charset=utf-8"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    raw = response.read()
    try:
        payload = json.loads(raw) if raw else None
    except ValueError:
        payload = None
    return response.status, payload


def alive(pid):
    """True while pid runs. A killed child of the shell stays a zombie until
    the shell waits for it, and os.kill(pid, 0) still succeeds on a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except (OSError, IndexError):
        return False


def cmd_wait(args):
    """Wait until GET /healthz answers 200."""
    deadline = time.monotonic() + args.timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if args.pid and not alive(args.pid):
            die(f"server (pid {args.pid}) exited before /healthz answered")
        try:
            conn = connection(args.url, timeout=2)
            status, _ = request(conn, "GET", "/healthz")
            conn.close()
            if status == 200:
                return
            last = f"HTTP {status}"
        except OSError as error:
            last = str(error)
        time.sleep(0.1)
    die(f"/healthz not 200 after {args.timeout} s (last: {last})")


def cmd_login(args):
    conn = connection(args.url)
    status, payload = request(
        conn, "POST", "/api/v1/auth/login", body={"email": args.email, "password": args.password}
    )
    if status != 200 or not isinstance(payload, dict) or not payload.get("token"):
        die(f"login failed: HTTP {status}, {payload!r}")
    print(payload["token"])


def ticket(thread, number):
    return {
        "subject": f"طلب استرجاع رقم {number}",
        "body": f"أرجو استرجاع المبلغ — refund please {number}",
        "channel": "email",
        "customer": {"email": f"c{thread}@example.com", "name": f"عميل {thread}"},
    }


MAILBOX = "support@crash.raaya.test"


def mail(thread, number):
    subject = f"بريد رقم {number} — mail {number}"
    data = (
        f"From: =?utf-8?b?{base64.b64encode(f'مرسل {thread}'.encode()).decode()}?= <m{thread}@example.com>\r\n"
        f"To: {MAILBOX}\r\n"
        f"Subject: =?utf-8?b?{base64.b64encode(subject.encode()).decode()}?=\r\n"
        f"Message-ID: <crash-{thread}-{number}-{time.time_ns()}@example.com>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"متى يصل طلبي رقم {number}؟\r\n"
    ).encode()
    return subject, data


def cmd_mailbox(args):
    conn = connection(args.url)
    status, payload = request(conn, "POST", "/api/v1/mailboxes", args.token, {"address": MAILBOX, "name": "الدعم"})
    if status not in (201, 409):
        die(f"could not add the mailbox: HTTP {status} {payload!r}")


def cmd_load(args):
    lock = threading.Lock()
    acked = []  # (id, subject) of every 201
    counters = {"sent": 0, "in_flight": 0, "non201": 0, "errors_before_kill": 0, "lost_in_kill": 0}
    statuses = {}
    killed = threading.Event()
    next_number = iter(range(1, 10**9))

    def mail_worker(thread):
        # SMTP: a 250 after the data is the acknowledgement; its text names the ticket ("Queued as ticket-N").
        smtp = None
        while True:
            with lock:
                number = next(next_number)
                counters["sent"] += 1
                counters["in_flight"] += 1
            subject, data = mail(thread, number)
            try:
                if smtp is None:
                    smtp = smtplib.SMTP("127.0.0.1", args.smtp_port, timeout=10)
                    smtp.ehlo()
                for step, expected in ((lambda: smtp.mail(f"m{thread}@example.com"), 250), (lambda: smtp.rcpt(MAILBOX), 250)):
                    code, reply = step()
                    if code != expected:
                        raise smtplib.SMTPResponseException(code, reply)
                code, reply = smtp.data(data)
            except (OSError, smtplib.SMTPException) as error:
                with lock:
                    counters["in_flight"] -= 1
                    counters["lost_in_kill" if killed.is_set() else "errors_before_kill"] += 1
                    if not killed.is_set() and counters["errors_before_kill"] <= 3:
                        print(f"crash_client: SMTP: {error!r}", file=sys.stderr)
                smtp = None
                if killed.is_set():
                    return
                continue
            with lock:
                counters["in_flight"] -= 1
                statuses[f"smtp {code}"] = statuses.get(f"smtp {code}", 0) + 1
                text = reply.decode(errors="replace")
                if code == 250 and "ticket-" in text:
                    acked.append((int(text.rsplit("ticket-", 1)[1].split()[0]), subject))
                else:
                    counters["non201"] += 1
            if killed.is_set():
                return

    def worker(thread):
        conn = connection(args.url)
        while True:
            with lock:
                number = next(next_number)
                counters["sent"] += 1
                counters["in_flight"] += 1
            body = ticket(thread, number)
            try:
                status, payload = request(conn, "POST", "/api/v1/tickets", args.token, body)
            except (OSError, http.client.HTTPException):
                with lock:
                    counters["in_flight"] -= 1
                    if killed.is_set():
                        # No answer: the server died with this request. It may
                        # or may not have been stored; it was never acknowledged.
                        counters["lost_in_kill"] += 1
                    else:
                        counters["errors_before_kill"] += 1
                conn.close()
                if killed.is_set():
                    return
                conn = connection(args.url)
                continue
            with lock:
                counters["in_flight"] -= 1
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201 and isinstance(payload, dict) and payload.get("id") is not None:
                    acked.append((payload["id"], body["subject"]))
                else:
                    counters["non201"] += 1
                    if counters["non201"] <= 3:
                        print(f"crash_client: HTTP {status}: {payload!r}", file=sys.stderr)
            if killed.is_set():
                # Answered before the kill took effect: counted above, stop here.
                return

    threads = [threading.Thread(target=worker, args=(t,), daemon=True) for t in range(1, args.threads + 1)]
    if args.smtp_port:
        threads += [
            threading.Thread(target=mail_worker, args=(t,), daemon=True)
            for t in range(args.threads + 1, args.threads + args.mail_threads + 1)
        ]
    for t in threads:
        t.start()
    time.sleep(args.duration)

    # Kill only while requests are in flight (with 16 busy threads that is
    # almost always at once); give up waiting after 2 s and kill anyway.
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        with lock:
            in_flight = counters["in_flight"]
        if in_flight > 0:
            break
        time.sleep(0.0005)
    with lock:
        in_flight_at_kill = counters["in_flight"]
        killed.set()
        os.kill(args.kill_pid, signal.SIGKILL)

    for t in threads:
        t.join(timeout=30)

    with open(args.out, "w", encoding="utf-8") as f:
        for ticket_id, subject in acked:
            f.write(json.dumps({"id": ticket_id, "subject": subject}, ensure_ascii=False) + "\n")
    print(
        f"crash_client: sent {counters['sent']}, acknowledged {len(acked)}, "
        f"in flight at kill -9: {in_flight_at_kill}, unanswered after kill: {counters['lost_in_kill']}, "
        f"non-201: {counters['non201']}, connection errors before kill: {counters['errors_before_kill']}, "
        f"statuses: {dict(sorted(statuses.items(), key=lambda item: str(item[0])))}",
        file=sys.stderr,
    )
    if in_flight_at_kill == 0:
        print("crash_client: warning: no request was in flight at the kill", file=sys.stderr)


def cmd_verify(args):
    with open(args.acked, encoding="utf-8") as f:
        expected = [json.loads(line) for line in f if line.strip()]
    lock = threading.Lock()
    missing = []
    found = [0]
    queue = list(expected)

    def worker():
        conn = connection(args.url)
        while True:
            with lock:
                if not queue:
                    break
                item = queue.pop()
            problem = None
            try:
                status, payload = request(conn, "GET", f"/api/v1/tickets/{item['id']}", args.token)
                subject = payload.get("subject") if isinstance(payload, dict) else None
                if subject is None and isinstance(payload, dict) and isinstance(payload.get("ticket"), dict):
                    subject = payload["ticket"].get("subject")
                if status != 200:
                    problem = f"HTTP {status}"
                elif subject != item["subject"]:
                    problem = f"subject {subject!r}, expected {item['subject']!r}"
            except (OSError, http.client.HTTPException) as error:
                problem = f"request failed: {error}"
                conn.close()
                conn = connection(args.url)
            with lock:
                if problem:
                    missing.append((item["id"], problem))
                else:
                    found[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    for ticket_id, problem in missing[:20]:
        print(f"crash_client: ticket {ticket_id}: {problem}", file=sys.stderr)
    if len(missing) > 20:
        print(f"crash_client: ... and {len(missing) - 20} more", file=sys.stderr)
    print(f"crash-test: {len(expected)} acknowledged, {found[0]} found after kill -9")
    if missing or not expected:
        if not expected:
            print("crash_client: nothing was acknowledged, so nothing was tested", file=sys.stderr)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("wait")
    p.add_argument("--url", required=True)
    p.add_argument("--pid", type=int)
    p.add_argument("--timeout", type=float, default=60)
    p.set_defaults(func=cmd_wait)

    p = sub.add_parser("login")
    p.add_argument("--url", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--password", required=True)
    p.set_defaults(func=cmd_login)

    p = sub.add_parser("load")
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--kill-pid", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--duration", type=float, default=3)
    p.add_argument("--smtp-port", type=int, default=0, help="also deliver mail to the SMTP listener on this port")
    p.add_argument("--mail-threads", type=int, default=4)
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("mailbox")
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.set_defaults(func=cmd_mailbox)

    p = sub.add_parser("verify")
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--acked", required=True)
    p.set_defaults(func=cmd_verify)

    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
