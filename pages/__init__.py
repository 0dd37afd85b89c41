"""The app's pages (run through ``st.navigation`` in ``app.py``) and their shared view helpers.

Streamlit still treats a ``pages/`` folder beside the entry script as an old-style (v1)
multipage app: a first visit straight to ``/goals`` would run that file alone, without
``app.py``'s navigation. Importing this package (app.py does, on its first run) switches
that off for the process; ``pages.router`` takes care of that first run.
"""

try:  # pragma: no cover - depends on Streamlit internals; harmless if they move
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
except Exception:  # noqa: BLE001
    pass
