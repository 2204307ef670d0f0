"""The contact form's counters without Redis: files shared by the worker processes."""

import multiprocessing
import time

import pytest

from pressroom.security.filecounters import FileCounterCache


@pytest.fixture
def counters(tmp_path):
    return FileCounterCache(str(tmp_path / "counters"), {"TIMEOUT": 600})


def test_add_then_incr_counts_and_add_never_resets(counters):
    assert counters.add("a", 0) is True
    assert [counters.incr("a") for _ in range(3)] == [1, 2, 3]
    assert counters.add("a", 0) is False
    assert counters.get("a") == 3 and counters.has_key("a")
    assert counters.get("b") is None and counters.get("b", 7) == 7


def test_missing_and_expired_keys_cannot_be_incremented(counters):
    with pytest.raises(ValueError):
        counters.incr("missing")
    counters.set("short", 4, timeout=1)
    assert counters.get("short") == 4
    time.sleep(1.1)
    assert counters.get("short") is None
    with pytest.raises(ValueError):
        counters.incr("short")
    assert counters.add("short", 0) is True  # an expired counter starts again
    assert counters.incr("short") == 1


def test_only_whole_numbers_are_kept(counters):
    for value in ("text", -1, 1.5, True):
        with pytest.raises(TypeError):
            counters.set("x", value)


def test_touch_delete_clear_and_cull(counters):
    counters.set("a", 2, timeout=1)
    assert counters.touch("a", timeout=600) is True
    time.sleep(1.1)
    assert counters.get("a") == 2  # touched: lives on
    counters.set("b", 1, timeout=1)
    time.sleep(1.1)
    counters.cull()
    assert len(counters.files()) == 1  # the expired file is gone
    assert counters.delete("a") is True and counters.delete("a") is False
    counters.set("c", 1)
    counters.clear()
    assert counters.files() == []


def bump(location, times):
    counters = FileCounterCache(location, {"TIMEOUT": 600})
    for _ in range(times):
        counters.add("shared", 0)
        counters.incr("shared")


def test_processes_counting_at_once_lose_no_count(tmp_path):
    location = str(tmp_path / "counters")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=bump, args=(location, 200)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert FileCounterCache(location, {}).get("shared") == 800
