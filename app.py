"""Entry point: ``streamlit run app.py``.

Every run: page setup, navigation over the page scripts in ``pages/``, the shared sidebar and
sign-in, then the page, inside an error boundary (see :mod:`pages.ui.shell`).
"""

from __future__ import annotations

from pages.ui.shell import run

run()
