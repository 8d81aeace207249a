"""The house reads one way: pages -> ui -> charts -> charts.units; model at the bottom."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL_MODULES = sorted(
    f"model.{p.stem}" for p in (ROOT / "model").glob("*.py") if p.stem != "__init__"
)


def imported_top_packages(path: Path) -> set[str]:
    """The first part of every module a file imports (`from ui import x` -> 'ui')."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_every_model_module_imports_without_streamlit_or_plotly():
    # A fresh interpreter, so nothing another test imported counts.
    code = (
        "import importlib, sys\n"
        f"for name in {MODEL_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted({m.split('.')[0] for m in sys.modules} & {'streamlit', 'plotly'})\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(MODEL_MODULES) >= 15  # the walk found the package


@pytest.mark.parametrize("path", sorted((ROOT / "model").glob("*.py")), ids=lambda p: p.name)
def test_model_imports_nothing_above_it(path):
    assert not imported_top_packages(path) & {"ui", "charts", "pages", "streamlit", "plotly"}


@pytest.mark.parametrize("path", sorted((ROOT / "charts").glob("*.py")), ids=lambda p: p.name)
def test_charts_import_neither_ui_nor_model(path):
    assert not imported_top_packages(path) & {"ui", "model", "pages", "streamlit"}


def test_the_number_formats_import_nothing_of_ours():
    ours = {"ui", "model", "charts", "pages"}
    assert not imported_top_packages(ROOT / "charts" / "units.py") & ours
