"""The layers stated in pyproject.toml ([tool.importlinter]) hold, so `pytest` alone catches a
break: an app importing one above it (even inside a function), an import cycle, a model
importing a template-tag module. docs/architecture.md explains the layers."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is not installed (pip install -e .[test])"
)


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"],
        cwd=root,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_an_import_inside_a_function_of_core_breaks_them(tmp_path):
    """The contract is no paper tiger: core reaching up to news, hidden in a function, fails."""
    shutil.copytree(ROOT / "pressroom", tmp_path / "pressroom", ignore=only_python)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / "pressroom" / "core" / "setup.py", "a") as module:
        module.write("\n\ndef newest():\n    from pressroom.news.models import NewsArticlePage\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "pressroom.core is not allowed to import pressroom.news" in result.stdout
    assert "pressroom.core.setup -> pressroom.news.models" in result.stdout


def only_python(folder, names):
    """Copy packages and their Python modules only (no templates, static files, catalogues)."""
    return [
        name
        for name in names
        if not name.endswith(".py") and not (Path(folder) / name / "__init__.py").exists()
    ]
