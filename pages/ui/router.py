"""Makes sure every page runs inside app.py's navigation.

Streamlit still treats a ``pages/`` folder beside the entry script as old-style (v1) pages: the
very first request of a fresh server to ``/goals`` runs ``pages/goals.py`` alone. Pages call
:func:`ensure_routed` first; outside app.py's navigation it runs app.py (whose ``st.navigation``
then runs the same page properly) and stops the stray run. Page addresses equal file names so
that such a first request finds its file instead of showing "page not found".
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import streamlit as st

try:  # pragma: no cover - depends on Streamlit internals; harmless if they move
    from streamlit.runtime.pages_manager import PagesManager

    # A pages/ folder beside app.py would otherwise make the whole process an old-style (v1)
    # multipage app; app.py imports this module on its first run.
    PagesManager.uses_pages_directory = False
except Exception:  # noqa: BLE001
    pass

APP = Path(__file__).resolve().parents[2] / "app.py"
_state = threading.local()  # each Streamlit session runs its script in its own thread


@contextmanager
def routing() -> Iterator[None]:
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def ensure_routed() -> None:
    if getattr(_state, "active", False):
        return
    code = compile(APP.read_text(encoding="utf-8"), str(APP), "exec")
    exec(code, {"__name__": "__main__", "__file__": str(APP)})  # noqa: S102 - our own entry script
    st.stop()
