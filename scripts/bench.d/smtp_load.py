"""Inbound mail load for scripts/bench-mail: SENDERS threads, each on its own SMTP connection, send ~SIZE-byte
bilingual messages to one mailbox for SECONDS and time each from MAIL FROM to the 250 after the data.

Prints one line: raaya-mail-result messages=N duration_us=… p50_us=… p99_us=… errors=… (and the first error).
"""
import argparse
import smtplib
import threading
import time
from email.message import EmailMessage

PARAGRAPH = (
    "السلام عليكم، طلبت جهازاً من متجركم قبل أسبوعين ولم يصلني حتى الآن، ورقم الطلب مذكور أدناه. "
    "Hello, I ordered a device two weeks ago and it has not arrived yet; the order number is below. "
)


def message(sender, number, to, size):
    m = EmailMessage()
    m["From"] = f"عميل {sender} <load{sender}@example.com>"
    m["To"] = to
    m["Subject"] = f"تأخر الشحنة — late delivery #{sender}-{number}"
    m["Message-ID"] = f"<load-{sender}-{number}-{time.time_ns()}@example.com>"
    body = (PARAGRAPH * (size // len(PARAGRAPH.encode()) + 1))[: size // 2]
    m.set_content(body)
    return m


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--to", required=True)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--senders", type=int, default=8)
    parser.add_argument("--size", type=int, default=20000)
    args = parser.parse_args()

    latencies, errors, lock = [], [], threading.Lock()
    deadline = time.monotonic() + args.seconds

    def sender(index):
        number = 0
        # Composed once: Python's email package would otherwise cost the senders more CPU than the server.
        template = message(index, 0, args.to, args.size).as_bytes()
        marker = f"load-{index}-0-".encode()
        sender_address = f"load{index}@example.com"
        try:
            with smtplib.SMTP("127.0.0.1", args.port, timeout=60) as smtp:
                while time.monotonic() < deadline:
                    number += 1
                    data = template.replace(marker, f"load-{index}-{number}-".encode(), 1)
                    started = time.monotonic()
                    try:
                        smtp.sendmail(sender_address, [args.to], data)
                    except smtplib.SMTPException as error:
                        with lock:
                            errors.append(repr(error))
                        continue
                    with lock:
                        latencies.append(time.monotonic() - started)
        except Exception as error:  # connection-level failure
            with lock:
                errors.append(repr(error))

    threads = [threading.Thread(target=sender, args=(i,)) for i in range(args.senders)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(p):
        return int(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1e6) if latencies else 0

    first = errors[0].replace(" ", "_") if errors else "-"
    print(
        f"raaya-mail-result messages={len(latencies)} duration_us={int(elapsed * 1e6)} "
        f"p50_us={percentile(0.5)} p99_us={percentile(0.99)} errors={len(errors)} first_error={first}"
    )


if __name__ == "__main__":
    main()
