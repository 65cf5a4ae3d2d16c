"""Platform apps never import an activity app (annotation/): activities plug in through
activities.interface, so the platform runs and is tested without them."""

import ast

from tests.conftest import ROOT


def test_no_platform_module_imports_annotation() -> None:
    offenders = []
    for path in sorted((ROOT / "platform").rglob("*.py")):
        if path.parts[-2:] == ("config", "settings.py"):
            continue  # settings names the activities' classes, as strings
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name == "annotation" or name.startswith("annotation.")
            ]
    assert offenders == []
