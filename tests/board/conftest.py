import pytest

from pressroom.contact.forms import sign_now
from tests.factories import make_board


@pytest.fixture(autouse=True)
def one_rate_window(settings):
    settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = 10**8


@pytest.fixture
def board(home, company):
    return make_board(home)


def question_post(**overrides) -> dict:
    data = {
        "name": "陈先生",
        "email": "chen@example.net",
        "text": "请问备件多久能发货？",
        "pr_hp": "",
        "pr_ts": sign_now(),
    }
    data.update(overrides)
    return data


@pytest.fixture
def ask(client, board):
    def post(remote_addr="203.0.113.20", **overrides):
        return client.post(board.ask_url(), question_post(**overrides), REMOTE_ADDR=remote_addr)

    return post
