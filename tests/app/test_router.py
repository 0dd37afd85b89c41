"""Why pages/ui/router.py exists: deep links on a freshly started server (a real server, spoken to
over its websocket as a browser would).

Streamlit treats a ``pages/`` folder beside the entry script as an old-style (v1) multipage app
until the first ``st.navigation`` call of the process: every request straight to a page runs that
page's script alone (app.py never runs, so nothing calls ``st.navigation``) until some request to
``/`` runs app.py, and an address that is not a file name is "page not found". The
first two tests pin that behaviour on a minimal app without the workaround (if a Streamlit upgrade
changes it, they fail, and the workaround can go); the third shows our app handles it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app_dir: Path, env: dict[str, str] | None = None, log: Path | None = None) -> Iterator[str]:
    """``streamlit run app.py`` in ``app_dir`` on a free port; yields its base URL."""
    port = _free_port()
    out = open(log or os.devnull, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=127.0.0.1",
         f"--server.port={port}", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none", "--server.runOnSave=false"],
        cwd=app_dir, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"streamlit did not start in {app_dir}") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        out.close()


@dataclass
class Visit:
    """What one script run sent to the browser."""

    main: list[str] = field(default_factory=list)  # texts of the main area (headings, markdown, alerts, metric labels)
    sidebar: list[str] = field(default_factory=list)  # texts and widget labels of the sidebar
    page_not_found: bool = False
    exceptions: list[str] = field(default_factory=list)


def _text_of(element) -> str | None:
    kind = element.WhichOneof("type")
    if kind in ("markdown", "heading", "alert"):
        return getattr(element, kind).body
    if kind == "metric":
        return element.metric.label
    if kind in ("radio", "selectbox", "text_input", "button"):
        return getattr(element, kind).label
    if kind == "exception":
        return f"{element.exception.type}: {element.exception.message}"
    return None


def visit(url: str, page: str = "", query: str = "", timeout: float = 90.0) -> Visit:
    """Open a session and run the app once for the address ``/<page>?<query>``, as a browser's
    first request does; collect what the run sends."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    seen = Visit()
    with connect(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                 open_timeout=30) as ws:
        back = BackMsg()
        back.rerun_script.query_string = query
        back.rerun_script.page_name = page
        ws.send(back.SerializeToString())
        deadline = time.time() + timeout
        while time.time() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(ws.recv(timeout=max(0.1, deadline - time.time())))
            kind = msg.WhichOneof("type")
            if kind == "page_not_found":
                seen.page_not_found = True
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                text = _text_of(element)
                root = msg.metadata.delta_path[0] if msg.metadata.delta_path else 0
                if element.WhichOneof("type") == "exception":
                    seen.exceptions.append(text or "")
                if text is not None:
                    (seen.sidebar if root == 1 else seen.main).append(text)
            elif kind == "script_finished":
                return seen
    raise AssertionError(f"no script_finished within {timeout} s for /{page}")


def _minimal_app(where: Path, address: str) -> Path:
    """An app shaped like ours without the workaround: app.py draws a sidebar, pages/one.py a line."""
    (where / "pages").mkdir(parents=True)
    (where / "app.py").write_text(
        "import streamlit as st\n"
        "st.sidebar.markdown('shell ran')\n"
        f"st.navigation([st.Page('pages/home.py', default=True), st.Page('pages/one.py', url_path={address!r})]).run()\n",
        encoding="utf-8",
    )
    (where / "pages" / "home.py").write_text("import streamlit as st\nst.markdown('home page')\n", encoding="utf-8")
    (where / "pages" / "one.py").write_text("import streamlit as st\nst.markdown('page one')\n", encoding="utf-8")
    return where


def test_plain_streamlit_runs_a_deep_linked_page_alone_on_a_fresh_server(tmp_path):
    app = _minimal_app(tmp_path / "app", "one")
    with serve(app) as url:
        first = visit(url, "one")
        assert "page one" in first.main
        assert "shell ran" not in first.sidebar  # app.py did not run: no sidebar, no sign-in
        again = visit(url, "one")  # and so on, until some request runs app.py's st.navigation
        assert "page one" in again.main and "shell ran" not in again.sidebar
        home = visit(url, "")
        assert "home page" in home.main and "shell ran" in home.sidebar
        later = visit(url, "one")  # from now on, for every session: pages run inside app.py
        assert "page one" in later.main and "shell ran" in later.sidebar


def test_plain_streamlit_cannot_find_an_address_unlike_the_file_name_on_a_fresh_server(tmp_path):
    app = _minimal_app(tmp_path / "app", "uno")
    with serve(app) as url:
        assert visit(url, "uno").page_not_found
        assert not visit(url, "uno").page_not_found and "page one" in visit(url, "uno").main


@pytest.mark.parametrize("page, heading", [("goals", "目标进展"), ("data", "数据管理")])
def test_our_app_runs_a_deep_linked_first_request_inside_the_shell(tmp_path, page, heading):
    with serve(ROOT, env={"PT_DATA_DIR": str(tmp_path / "store")}, log=tmp_path / "streamlit.log") as url:
        first = visit(url, page)
        assert not first.page_not_found and not first.exceptions, first.exceptions
        assert heading in first.main
        assert first.main.count(heading) == 1  # the page ran once (inside the app), not also alone
        assert "语言 / Language" in first.sidebar  # the shared sidebar ran
        again = visit(url, page)
        assert heading in again.main and "语言 / Language" in again.sidebar
