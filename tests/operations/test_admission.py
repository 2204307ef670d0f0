"""Admission control at the WSGI layer: a few uncached renders at once, a fast 503 for the rest.

These call the WSGI wrapper directly, with an application that holds its slot until the test
lets it go, so "every slot is taken" is a fact, not a race. tests/operations/test_overload.py
floods a real `pressroom serve`.
"""

import threading
import time

import pytest

from pressroom.operations.admission import AdmissionApp, Gate


class HeldApp:
    """A WSGI application that answers 200 once ``release`` is set (a slow render)."""

    def __init__(self):
        self.entered = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        if environ["PATH_INFO"].startswith("/slow"):
            self.entered.set()
            assert self.release.wait(30)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"rendered"]


def call(app, path, method="GET"):
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    answer["body"] = b"".join(app({"PATH_INFO": path, "REQUEST_METHOD": method}, start_response))
    return answer


def slot_held() -> tuple[AdmissionApp, HeldApp, threading.Thread]:
    """An admission layer (with the settings of the moment) whose one slot a slow render holds."""
    inner = HeldApp()
    app = AdmissionApp(inner)
    slow = threading.Thread(target=call, args=(app, "/slow/"))
    slow.start()
    assert inner.entered.wait(30)
    return app, inner, slow


@pytest.fixture
def one_slot(settings):
    settings.PRESSROOM_RENDER_SLOTS = 1
    settings.PRESSROOM_RENDER_QUEUE = 0
    settings.PRESSROOM_RETRY_AFTER = 7
    app, inner, slow = slot_held()
    yield app, inner
    inner.release.set()
    slow.join(30)


def test_with_every_slot_taken_an_uncached_request_gets_the_bilingual_503(one_slot):
    app, inner = one_slot
    answer = call(app, "/news/?q=pump")
    assert answer["status"].startswith("503")
    assert answer["headers"]["Retry-After"] == "7"
    assert answer["headers"]["Cache-Control"] == "no-store"
    assert "default-src 'none'" in answer["headers"]["Content-Security-Policy"]
    assert int(answer["headers"]["Content-Length"]) == len(answer["body"])
    page = answer["body"].decode()
    assert "Too many visitors just now" in page
    assert "当前访问人数过多" in page
    assert inner.calls == 1  # the refused request never reached the site


def test_the_health_check_static_files_media_and_the_admin_never_wait_for_a_slot(one_slot):
    app, _inner = one_slot
    for path in ["/healthz", "/static/css/pressroom.css", "/media/images/a.jpg", "/admin/"]:
        assert call(app, path)["status"] == "200 OK", path
    assert call(app, "/en/")["status"].startswith("503")


def test_a_slot_given_back_is_taken_by_the_next_request(settings):
    settings.PRESSROOM_RENDER_SLOTS = 1
    settings.PRESSROOM_RENDER_QUEUE = 0
    app = AdmissionApp(HeldApp())
    for _ in range(3):  # one after another: each finds the slot free again
        assert call(app, "/news/")["status"] == "200 OK"


def test_a_request_in_the_line_gets_the_slot_when_it_is_given_back():
    gate = Gate(slots=1, queue=1, wait=30)
    assert gate.enter()
    waiting = threading.Event()
    got = []

    def wait_in_line():
        waiting.set()
        got.append(gate.enter())

    thread = threading.Thread(target=wait_in_line)
    thread.start()
    assert waiting.wait(30)
    gate.leave()
    thread.join(30)
    assert got == [True]


def test_the_line_is_bounded_and_a_request_past_it_is_refused_at_once():
    gate = Gate(slots=1, queue=0, wait=30)
    assert gate.enter()
    assert gate.enter() is False  # no line: refused without waiting 30 s
    gate.leave()
    assert gate.enter()


def test_a_form_sent_waits_for_a_slot_where_a_page_view_is_refused(settings):
    """A customer's message is not refused because pages are being viewed: a POST waits in
    the line for PRESSROOM_RENDER_POST_WAIT seconds, a page view for PRESSROOM_RENDER_WAIT."""
    settings.PRESSROOM_RENDER_SLOTS = 1
    settings.PRESSROOM_RENDER_QUEUE = 4
    settings.PRESSROOM_RENDER_WAIT = 0.01
    settings.PRESSROOM_RENDER_CALM_LINE = 0
    settings.PRESSROOM_RENDER_POST_WAIT = 30
    app, inner, slow = slot_held()

    assert call(app, "/news/?page=2")["status"].startswith("503")
    sent = []
    post = threading.Thread(target=lambda: sent.append(call(app, "/contact/", method="POST")))
    post.start()
    while app.gate.waiting == 0 and post.is_alive():  # in the line, not refused
        threading.Event().wait(0.01)
    assert call(app, "/en/news/?page=2")["status"].startswith("503")  # still taken
    inner.release.set()
    slow.join(30)
    post.join(30)
    assert sent[0]["status"] == "200 OK"
    assert sent[0]["body"] == b"rendered"


def waiter(gate: Gate, wait: float | None = None) -> tuple[threading.Thread, list[bool]]:
    """A caller in the line (started; its answer lands in the list)."""
    answer: list[bool] = []
    thread = threading.Thread(target=lambda: answer.append(gate.enter(wait)))
    thread.start()
    return thread, answer


def until(done, what: str) -> None:
    """Wait (at most 30 s) for ``done()`` to hold; other threads are getting there."""
    for _ in range(3000):
        if done():
            return
        threading.Event().wait(0.01)
    raise AssertionError(f"never happened: {what}")


def wait_for_answers(callers, count: int) -> None:
    until(lambda: sum(len(answer) for _t, answer in callers) >= count, f"{count} answers")


def wait_for_line(gate: Gate, length: int) -> None:
    until(lambda: gate.waiting >= length, f"a line of {length}")


def test_a_short_line_waits_out_a_burst_of_slow_renders():
    """Ordinary traffic: every slot busy with a slow render for a moment (pages an editor's
    publish just purged). Requests in a line shorter than PRESSROOM_RENDER_CALM_LINE wait up
    to PRESSROOM_RENDER_CALM_WAIT (here 30 s), far past the line's wait, and get the slots."""
    gate = Gate(slots=2, queue=10, wait=0.01, calm_wait=30, calm_line=3)
    assert gate.enter() and gate.enter()
    line = [waiter(gate) for _ in range(3)]
    wait_for_line(gate, 3)
    threading.Event().wait(0.3)  # thirty times the line's wait
    assert gate.waiting == 3 and not any(answer for _thread, answer in line)
    for served in (1, 2, 3):
        gate.leave()
        wait_for_answers(line, served)
    assert [answer for _thread, answer in line] == [[True]] * 3


def test_past_the_calm_line_a_page_view_waits_only_the_short_wait():
    """The line is as long as a calm one gets: the next page view is refused after the short
    wait, not the calm line's 30 s. (The one already in line is a form sent, which keeps its
    own wait: a page view there would give up too once the line passed the calm line, which
    the next test checks, and whether it saw the line that long is a matter of timing.)"""
    gate = Gate(slots=1, queue=10, wait=0.01, calm_wait=30, calm_line=1)
    assert gate.enter()
    first = waiter(gate, wait=30)
    wait_for_line(gate, 1)
    started = time.monotonic()
    assert gate.enter() is False
    assert time.monotonic() - started < 5
    gate.leave()
    wait_for_answers([first], 1)
    assert first[1] == [True]


def test_a_request_in_a_calm_line_gives_up_early_when_a_flood_lines_up_behind_it():
    """A flood starts: requests that joined the line while it was short do not keep their long
    wait (an admitted answer seconds late); they are refused once the line is long."""
    gate = Gate(slots=1, queue=10, wait=0.05, calm_wait=30, calm_line=1)
    assert gate.enter()
    first, first_answer = waiter(gate)
    wait_for_line(gate, 1)
    behind = [waiter(gate, wait=30) for _ in range(2)]  # forms sent: they keep their wait
    first.join(5)  # (the line is 3 only until the first gives up: not polled for, it may pass)
    assert not first.is_alive() and first_answer == [False]
    for served in (1, 2):  # the slow render ends: the forms sent take the slot in turn
        gate.leave()
        wait_for_answers(behind, served)
    assert [answer for _thread, answer in behind] == [[True], [True]]


def test_a_wait_that_runs_out_is_a_refusal():
    gate = Gate(slots=1, queue=5, wait=0.01)
    assert gate.enter()
    assert gate.enter() is False
    assert gate.waiting == 0  # the line is empty again


def test_a_refused_request_is_answered_from_the_page_cache_when_its_page_was_stored_meanwhile(
    one_slot,
):
    """Many visitors ask for a page just purged: one renders it, the rest must not get 503s
    once it is stored (the second look finds it)."""
    app, inner = one_slot
    stored = {"/en/news/": b"the stored page"}

    def second_look(environ, start_response):
        body = stored.get(environ["PATH_INFO"])
        if body is None:
            return None
        start_response("200 OK", [("X-Page-Cache", "hit")])
        return [body]

    app.second_look = second_look
    answer = call(app, "/en/news/")
    assert answer["status"] == "200 OK"
    assert answer["body"] == b"the stored page"
    assert call(app, "/en/about/")["status"].startswith("503")  # not stored: refused
    assert inner.calls == 1  # neither reached the site
