"""A real SMTP server for tests (aiosmtpd): stores each message it accepts as N.eml in a folder.

    python3 smtp_sink.py FOLDER [--tls] [--auth USER:PASSWORD]
        writes FOLDER/port once it listens; stops when stdin closes. --tls offers STARTTLS (and requires it)
        with a certificate for "localhost" made with openssl, written to FOLDER/cert.pem for the client to
        trust; --auth requires AUTH (PLAIN or LOGIN) with these credentials, over TLS only.
"""
import asyncio
import os
import socket
import ssl
import subprocess
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


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


def certificate(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Credentials:
    def __init__(self, user, password, folder):
        self.user, self.password, self.folder = user.encode(), password.encode(), folder

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == self.user and auth_data.password == self.password
        with open(os.path.join(self.folder, "auth.log"), "a") as out:
            out.write(f"{mechanism} {'ok' if ok else 'refused'}\n")
        # handled=False: aiosmtpd then answers 235 or 535 itself.
        return AuthResult(success=ok, handled=False)


def main():
    folder = sys.argv[1]
    options = sys.argv[2:]
    settings = {}
    if "--tls" in options:
        settings.update(tls_context=certificate(folder), require_starttls=True)
    if "--auth" in options:
        user, password = options[options.index("--auth") + 1].split(":", 1)
        settings.update(authenticator=Credentials(user, password, folder), auth_required=True, auth_require_tls=True)
    port = free_port()
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, **settings)
    controller.start()
    with open(os.path.join(folder, "port.tmp"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    sys.stdin.read()  # until the test closes our stdin (or exits)
    controller.stop()


if __name__ == "__main__":
    main()
