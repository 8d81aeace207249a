"""Make AppTest run app.py on every rerun, as a Streamlit server does (tests and bench)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from model.scenario import INPUTS_BY_NAME, PAGE_IDS
from ui.page import use_navigation_mode
from ui.sidebar import OPEN_KEY

#: Absolute path of the entry script (AppTest resolves relative paths against the caller).
APP_PATH = str(Path(__file__).resolve().parent.parent / "app.py")


def keep_navigation_mode() -> Callable[[], None]:
    """Keep Streamlit in st.navigation mode across AppTest reruns; return an undo function.

    A server sets PagesManager.uses_pages_directory to False on the first st.navigation
    call and keeps it. AppTest resets it to None before every run, and a new PagesManager
    then sets it to True because a pages/ folder exists; from the second run on, AppTest
    would run the page file alone, skipping app.py (and so the sidebar with every input).
    The flag is written by ui.page.use_navigation_mode, the app's one place for it.
    """
    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        use_navigation_mode()

    PagesManager.__init__ = init  # type: ignore[method-assign]

    def undo() -> None:
        PagesManager.__init__ = original  # type: ignore[method-assign]

    return undo


def open_app(page: str | None = None, params: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run app.py (with `params` in the URL), switch to `page` if given; no exception.

    A list value repeats the key in the URL (`pue=1.5&pue=1.5`).
    """
    at = AppTest.from_file(APP_PATH, default_timeout=60)
    at.query_params.update(params or {})
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric_value(at: AppTest, label: str) -> str:
    """The shown value of the st.metric labelled `label`."""
    return next(m.value for m in at.metric if m.label == label)


def open_group(at: AppTest, group: str) -> None:
    """Open the sidebar group `group` (on every page, as a reader's click does on one) and
    rerun: a closed group does not draw its widgets."""
    for page in PAGE_IDS:
        at.session_state[OPEN_KEY.format(page=page, group=group)] = True
    at.run()


def sidebar_input(at: AppTest, name: str) -> Any:
    """The sidebar widget of input `name`, opening its group first if it is closed."""
    spec = INPUTS_BY_NAME[name]

    def widgets() -> Any:
        if spec.kind == "bool":
            return at.toggle
        if spec.kind == "choice":
            return at.selectbox
        return at.select_slider if spec.log else at.slider

    if not any(getattr(w, "key", None) == name for w in widgets()):
        open_group(at, spec.group)
    return widgets()(key=name)
