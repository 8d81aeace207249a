"""The house reads one way: app.py and pages -> ui -> charts -> charts.units, with model at
the bottom; only model/catalog.py reads data/; docstrings cite documents that exist."""

from __future__ import annotations

import ast
import builtins
import io
import re
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
import streamlit as st

from model import catalog
from model.scenario import PAGE_IDS
from tests.apptest_support import open_app

ROOT = Path(__file__).resolve().parent.parent
MODEL_MODULES = sorted(
    f"model.{p.stem}" for p in (ROOT / "model").glob("*.py") if p.stem != "__init__"
)
#: Every product file, by layer.
LAYERS = {
    layer: sorted((ROOT / layer).glob("*.py")) for layer in ("pages", "ui", "charts", "model")
}
PRODUCT = [ROOT / "app.py", *(path for paths in LAYERS.values() for path in paths)]
#: What each layer may not import (top-level names).
FORBIDDEN = {
    # Pages call ui, the model and chart constants; they type no figures.
    "pages": {"pages", "plotly"},
    "ui": {"pages"},
    "charts": {"pages", "ui", "model", "streamlit"},
    "model": {"pages", "ui", "charts", "streamlit", "plotly"},
}


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


def test_the_walk_finds_every_layer():
    counts = {layer: len(paths) for layer, paths in LAYERS.items()}
    assert counts["pages"] == len(PAGE_IDS)  # one script per page
    assert min(counts.values()) >= 8


@pytest.mark.parametrize(
    ("layer", "path"),
    [(layer, path) for layer, paths in LAYERS.items() for path in paths],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_each_layer_imports_only_what_lies_below_it(layer, path):
    assert not imported_top_packages(path) & FORBIDDEN[layer]


def test_the_entry_script_imports_the_ui_alone():
    assert imported_top_packages(ROOT / "app.py") - {"__future__"} == {"streamlit", "ui"}


def test_the_number_formats_import_nothing_of_ours():
    ours = {"ui", "model", "charts", "pages"}
    assert not imported_top_packages(ROOT / "charts" / "units.py") & ours


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


def test_only_the_catalog_opens_a_file_in_data_while_every_page_runs(monkeypatch):
    # Every file opened under data/ while the caches fill and every page runs (the Methods
    # page's Data tab too) is opened from model/catalog.py.
    data = (ROOT / "data").resolve()
    readers: list[tuple[str, list[str]]] = []
    real_open = builtins.open

    def watched_open(file, *args, **kwargs):
        if isinstance(file, str | Path) and Path(file).resolve().is_relative_to(data):
            callers = [frame.filename for frame in traceback.extract_stack()[:-1]]
            readers.append((Path(file).name, callers))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watched_open)
    monkeypatch.setattr(io, "open", watched_open)
    catalog.default_catalog.cache_clear()
    catalog.default_codebook.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()
    at = open_app()
    for page in PAGE_IDS:
        if page != "home":
            at.switch_page(f"pages/{page}.py").run()
            assert not at.exception, [e.value for e in at.exception]
    at.session_state["methods_tab"] = "Data"
    at.run()
    opened = {name for name, _ in readers}
    assert {"chips.csv", "grids.csv", "codebook.csv"} <= opened  # the watch saw the reads
    catalog_file = str(ROOT / "model" / "catalog.py")
    outside = sorted({name for name, callers in readers if catalog_file not in callers})
    assert outside == []


#: A path in the repository that a docstring or comment cites: docs/..., data/..., tests/...
_CITED = re.compile(r"\b((?:docs|data|tests|bench|scripts)/[\w./-]+\.(?:md|csv|py|txt|sh))")


@pytest.mark.parametrize("path", PRODUCT, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_a_module_cites_exists(path):
    text = path.read_text(encoding="utf-8")
    assert "DESIGN.md" not in text  # the design notes are not in the repository
    missing = sorted({cited for cited in _CITED.findall(text) if not (ROOT / cited).exists()})
    assert missing == []
