"""The code's licence is stated, and the data's own licences are not overridden by it."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_code_is_mit_licensed_with_a_copyright_line():
    text = (REPO / "LICENSE").read_text()
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the authors" in text
    assert "data/README.md" in text  # the data keep their own licences


def test_the_readme_names_the_code_licence_and_the_data_licences():
    readme = (REPO / "README.md").read_text()
    assert "MIT licence ([LICENSE](LICENSE))" in readme
    assert "No licence for the code" not in readme
    assert "CC BY 4.0" in readme
    assert "## Licences and attribution" in (REPO / "data" / "README.md").read_text()
