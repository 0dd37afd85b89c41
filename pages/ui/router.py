"""Deep links on a fresh server: why a page script can run outside app.py, and what it does then.

Streamlit (checked in 1.67: ``runtime/pages_manager.py``, ``scriptrunner/script_runner.py``)
decides once per process, when the first session starts, whether the app is an old-style (v1)
multipage app: it is when a ``pages/`` folder sits beside the entry script, as ours does (the
folder name is fixed). Until the first public ``st.navigation`` call clears that flag, a run
executes the page script the URL names *alone*: the very first request of a fresh server straight
to ``/goals`` runs ``pages/goals.py`` without app.py (no sidebar, no sign-in), and AppTest resets
the flag before every run. There is no setting to turn this off, so:

* page addresses equal file names (``url_path="goals"`` for ``pages/goals.py``), so such a first
  request finds its file instead of showing "page not found";
* app.py runs each page inside :func:`serving`; a page asks :func:`current` for the context app.py
  made. None means this is such a stray run: :func:`reroute` runs the app (whose
  ``st.navigation`` clears the flag and runs the same page properly) and ends the stray run.

tests/test_router.py shows both behaviours on a real server, so a Streamlit upgrade that
changes them is noticed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import streamlit as st

_state = threading.local()  # each Streamlit session runs its script in its own thread


@contextmanager
def serving(context: Any) -> Iterator[None]:
    """Run a page with ``context`` (app.py's sidebar choices and user) available to it."""
    previous = getattr(_state, "context", None)
    _state.context = context
    try:
        yield
    finally:
        _state.context = previous


def current() -> Any | None:
    """The context of the page being run by app.py; None in a stray (page-alone) run."""
    return getattr(_state, "context", None)


def reroute(run_app: Callable[[], None]) -> NoReturn:
    """End a stray run: run the whole app instead (it runs the requested page), then stop."""
    run_app()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises
