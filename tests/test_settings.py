"""pressroom/settings.py reads top to bottom: each list of apps and middleware is written once."""

import ast
from pathlib import Path

import pytest

SETTINGS = Path(__file__).resolve().parent.parent / "pressroom" / "settings.py"
CHANGING_METHODS = {"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse"}


def writes_to(node, name: str) -> bool:
    """Whether ``node`` assigns, extends, inserts into or otherwise changes ``name``."""

    def is_name(target):
        return isinstance(target, ast.Name) and target.id == name

    def is_part_of(target):
        return isinstance(target, ast.Subscript) and is_name(target.value)

    if isinstance(node, ast.Assign):
        return any(is_name(t) or is_part_of(t) for t in node.targets)
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return is_name(node.target) or is_part_of(node.target)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in CHANGING_METHODS and is_name(node.func.value)
    return False


@pytest.mark.parametrize("name", ["INSTALLED_APPS", "MIDDLEWARE"])
def test_the_list_is_written_in_one_place(name):
    tree = ast.parse(SETTINGS.read_text())
    writes = [node.lineno for node in ast.walk(tree) if writes_to(node, name)]
    assert len(writes) == 1, f"{name} is written on lines {sorted(writes)}"
