"""Errors at the page boundary: the details go to the server log under a short reference id, the
user sees one sentence with that id.

Streamlit's own error box shows the exception's file and line even with
``client.showErrorDetails = false``. app.py therefore runs the sidebar, the sign-in and the page
inside :func:`boundary`. When the operator asked for full details (``showErrorDetails`` true or
``"full"``, Streamlit's default without a config file) the exception goes on to Streamlit as
before. Errors raised in widget callbacks happen before app.py runs and stay Streamlit's.
"""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit import config

from analytics.present.i18n import t
from analytics.present.strings.storage import render
from analytics.storage.errors import StoreError

LOG = logging.getLogger("performance_tracker.pages")
if not LOG.handlers:  # Streamlit configures only its own loggers: write ours to stderr, with the time
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(_handler)
    LOG.propagate = False
    LOG.setLevel(logging.INFO)

ERROR_KEY = "page_error"  # the box has the CSS class st-key-page_error (browser tests look for it)


def details_shown() -> bool:
    """Did the operator ask Streamlit to show exception details to users?"""
    value = config.get_option("client.showErrorDetails")
    return value in (True, "true", "True", "full")


def new_reference() -> str:
    return uuid.uuid4().hex[:10]


@contextmanager
def boundary(lang: str, where: str) -> Iterator[None]:
    """Catch what the page raises (not st.stop/st.rerun, which are not ``Exception``s)."""
    try:
        yield
    except StoreError as exc:  # the store's own errors are sentences for people (a data folder that cannot be used)
        ref = new_reference()
        LOG.error("page store error ref=%s page=%s", ref, where, exc_info=exc)
        said = t("shell.store_unusable", lang, ref=ref) if exc.code.startswith("store_dir_") else \
            render(exc, lang) + " " + t("shell.page_error_ref", lang, ref=ref)  # the folder's path stays in the log
        with st.container(key=ERROR_KEY):
            st.error(said, icon=":material/error:")
    except Exception as exc:  # noqa: BLE001 - the page boundary: everything is logged, nothing leaks
        if details_shown():
            raise
        ref = new_reference()
        LOG.error("page error ref=%s page=%s", ref, where, exc_info=exc)
        with st.container(key=ERROR_KEY):
            st.error(t("shell.page_error", lang, ref=ref), icon=":material/error:")
