import socket
import time

import pytest
from aiosmtpd.controller import Controller

from pressroom.contact.forms import sign_now


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """What a real SMTP server on loopback received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "data": envelope.content.decode("utf-8", "replace"),
            }
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self, port: int):
        self.port = port
        self.mailbox = Mailbox()
        self.controller = None

    def start(self, **kwargs):
        self.controller = Controller(
            self.mailbox, hostname="127.0.0.1", port=self.port, ready_timeout=5, **kwargs
        )
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def wait_for(self, count: int, timeout: float = 5.0) -> list:
        deadline = time.monotonic() + timeout
        while len(self.mailbox.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.mailbox.messages


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback that the site mails through."""
    server = SMTPServer(free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def one_rate_window(settings):
    """Rate-limit windows long enough that no test straddles two of them.

    Windows are fixed and start on multiples of their length since the epoch: with the
    default 600 s, a 300-post flood test would cross into a new window in a few runs in a
    hundred and see its counters start again. Tests of the window itself set their own.
    """
    settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = 10**8  # about three years


def message_post(**overrides) -> dict:
    data = {
        "name": "李明",
        "phone": "138 0013 8000",
        "email": "li.ming@example.net",
        "company": "杭州示例贸易有限公司",
        "message": "请问QH系列水泵的交货期是多久？",
        "pr_hp": "",
        "pr_ts": sign_now(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post_message(client, contact_page, company):
    """Send the contact form as a visitor; returns the response."""

    def post(remote_addr="203.0.113.10", forwarded_for=None, **overrides):
        extra = {"REMOTE_ADDR": remote_addr}
        if forwarded_for:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
        return client.post(contact_page.url, message_post(**overrides), **extra)

    return post
