"""Measurements a test run prints at its end (the "browser measurements" section of the summary).

Tests append lines to ``REPORT``: the figures a reader of the CI log wants without digging
through -s output. Under pytest-xdist each worker sends its lines to the controller when it
finishes, and the controller prints them all (tests/conftest.py).
"""

REPORT: list[str] = []
