from tests.security.conftest import migrated_sqlite  # noqa: F401 (a fixture, shared)
