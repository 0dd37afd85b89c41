"""PostgreSQL for the store's tests: a server, one fresh schema per test, and the parametrised
``store_target`` fixture (``sqlite`` → a folder, ``postgresql`` → a URL) the store tests run on.

The server is ``$PT_TEST_DATABASE_URL`` (``.ci/run`` starts one and sets it), else
``$PT_DATABASE_URL`` — taken out of the environment here so that the other tests, which open
the app's default store, keep their own SQLite files — else a throwaway cluster this module
starts itself when ``initdb`` is installed (its own data folder, a free loopback port, run as
an unprivileged user when the tests run as root, stopped when the tests end). Without any of
these the PostgreSQL cases are skipped with the reason; with ``CI=true`` they fail instead.

Import the fixtures into a test module: ``from tests.pg import pg_url, store_target  # noqa: F401``.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from typing import Iterator
from urllib.parse import quote

import pytest

ENV_TEST_URL = "PT_TEST_DATABASE_URL"
_GIVEN = os.environ.pop(ENV_TEST_URL, None) or os.environ.pop("PT_DATABASE_URL", None)
_STATE: dict[str, object] = {}
BACKENDS = ("sqlite", "postgresql")


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: [int(x) for x in p.split("/")[4].split(".") if x.isdigit()])
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str], user: str | None) -> list[str]:
    if user is None:
        return cmd
    return ["su", user, "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in cmd)]


def start_cluster() -> tuple[str, callable]:  # type: ignore[valid-type]
    """A throwaway cluster → (URL, stop). Raises RuntimeError with the reason when it cannot."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("PostgreSQL is not installed (no initdb); apt-get install postgresql")
    user = None
    folder = tempfile.mkdtemp(prefix="pt-pg-")
    if os.geteuid() == 0:  # initdb refuses to run as root
        user = "pgtest"
        if subprocess.run(["id", user], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "-r", "-M", user], check=True, capture_output=True)
        shutil.chown(folder, user)
    port = _free_port()
    data = os.path.join(folder, "data")
    run = lambda cmd: subprocess.run(_as_owner(cmd, user), check=True, capture_output=True, text=True, timeout=120)  # noqa: E731
    run([initdb, "-D", data, "-U", "app", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
    run([pg_ctl, "-D", data, "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
         "-l", os.path.join(folder, "log"), "-w", "start"])

    def stop() -> None:
        try:
            subprocess.run(_as_owner([pg_ctl, "-D", data, "-m", "fast", "-w", "stop"], user), capture_output=True,
                           timeout=60)
        except subprocess.SubprocessError:
            pass
        pid_file = os.path.join(data, "postmaster.pid")
        if os.path.exists(pid_file):  # pg_ctl did not stop it: the server's own pid, immediate shutdown
            try:
                os.kill(int(open(pid_file).readline().strip()), signal.SIGQUIT)
                time.sleep(1.0)
            except (OSError, ValueError):
                pass
        shutil.rmtree(folder, ignore_errors=True)

    try:
        createdb = _bin("createdb")
        run([createdb or "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "app", "tracker_test"])
    except Exception:
        stop()
        raise
    return f"postgresql://app@127.0.0.1:{port}/tracker_test", stop


def server_url() -> str:
    """The server's URL (started on first use); skips — or fails under ``CI=true`` — with the
    reason when there is none."""
    if "url" in _STATE:
        return str(_STATE["url"])
    if "error" not in _STATE:
        if _GIVEN:
            _STATE["url"] = _GIVEN
        else:
            try:
                url, stop = start_cluster()
            except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
                detail = getattr(exc, "stderr", "") or ""
                _STATE["error"] = f"no PostgreSQL server for the store tests: {exc} {detail}".strip()
            else:
                _STATE["url"] = url
                atexit.register(stop)
    if "url" in _STATE:
        return str(_STATE["url"])
    reason = str(_STATE["error"])
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: a missing server fails the run)", pytrace=False)
    pytest.skip(reason)


def schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote('-csearch_path=' + schema)}"


def new_schema() -> tuple[str, callable]:  # type: ignore[valid-type]
    """A fresh, empty schema on the server → (its URL, drop)."""
    import psycopg

    base = server_url()
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")

    def drop() -> None:
        from analytics.storage.pg import close_pools

        url = schema_url(base, name)
        close_pools(url)
        for _ in range(3):
            try:
                with psycopg.connect(base, autocommit=True) as con:
                    con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
                return
            except psycopg.OperationalError:
                time.sleep(0.5)

    return schema_url(base, name), drop


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL of a fresh, empty schema of the test server (dropped afterwards)."""
    url, drop = new_schema()
    try:
        yield url
    finally:
        drop()


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path) -> str:
    """What ``Store(...)`` opens, once per backend: a fresh folder, or a fresh schema's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store")
    return request.getfixturevalue("pg_url")
