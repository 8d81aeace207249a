"""Make AppTest run app.py on every rerun, as a Streamlit server does (tests and bench)."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.runtime.pages_manager import PagesManager


def keep_navigation_mode() -> Callable[[], None]:
    """Keep Streamlit in st.navigation mode across AppTest reruns; return an undo function.

    A server sets PagesManager.uses_pages_directory to False on the first st.navigation
    call and keeps it. AppTest resets it to None before every run, and a new PagesManager
    then sets it to True because a pages/ folder exists; from the second run on, AppTest
    would run the page file alone, skipping app.py (and so the sidebar with every input).
    """
    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]

    def undo() -> None:
        PagesManager.__init__ = original  # type: ignore[method-assign]

    return undo
