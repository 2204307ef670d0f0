"""Fixtures shared with the security tests."""

from tests.security.conftest import migrated_sqlite  # noqa: F401
