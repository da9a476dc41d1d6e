"""A real SMTP server for tests (aiosmtpd): stores each message it accepts as N.eml in a folder.

    python3 smtp_sink.py FOLDER     writes FOLDER/port once it listens; stops when stdin closes.
"""
import asyncio
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count}.eml")
        with open(path + ".tmp", "wb") as out:
            out.write(envelope.original_content or envelope.content)
        with open(os.path.join(self.folder, f"{self.count}.rcpt"), "w") as out:
            out.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos))
        os.rename(path + ".tmp", path)
        return "250 2.0.0 stored as " + str(self.count)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = free_port()
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    with open(os.path.join(folder, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    sys.stdin.read()  # until the test closes our stdin (or exits)
    controller.stop()


if __name__ == "__main__":
    main()
