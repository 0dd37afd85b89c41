"""Shared fixtures. The real-browser fixtures live in tests/e2e/conftest.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = ROOT.parent / "shared" / "seeds" / "000_850964f426fdca11.txt"


@pytest.fixture(scope="session")
def _session_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("pt_data")


@pytest.fixture(autouse=True)
def _isolated_store(_session_data_dir, monkeypatch):
    """The app keeps its data in a store (analytics/store.py): tests never touch the
    developer's var/ store (nor a PT_DATA_DIR set in the shell). Tests that change data set
    their own PT_DATA_DIR."""
    monkeypatch.setenv("PT_DATA_DIR", str(_session_data_dir))


@pytest.fixture(autouse=True, scope="session")
def _page_errors_reach_apptest():
    """The app shows users a reference id instead of an exception (pages/ui/errors.py) unless
    ``client.showErrorDetails`` asks for full details, as here: a page's exception reaches AppTest
    as ``at.exception``. tests/test_apptest.py checks the user-facing behaviour explicitly."""
    from streamlit import config

    config.set_option("client.showErrorDetails", "full")
    yield


@pytest.fixture(scope="session")
def project():
    from analytics.ingest.targets import load_project

    return load_project()


@pytest.fixture(scope="session")
def dataset():
    from analytics.storage.dataset import load_dataset

    return load_dataset()


def load_sample_frames():
    """The shipped 示例数据 read through the real validator (actuals frame, spending frame)."""
    from analytics.storage.dataset import SAMPLE_ACTUALS, SAMPLE_BUDGET, read_actuals, read_budget
    from analytics.ingest.targets import load_project

    project = load_project()
    return read_actuals(project, SAMPLE_ACTUALS), read_budget(project, SAMPLE_BUDGET)


_SLOW_FOLDERS = {"app", "golden", "e2e"}  # AppTest pages, golden CLI runs, the real browser


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything under tests/app, tests/golden and tests/e2e, and every PostgreSQL variant of a
    store test, is ``slow`` (``make test-fast`` leaves it out); elsewhere a test marks itself when
    it starts a process or an AppTest."""
    for item in items:
        if _SLOW_FOLDERS & set(Path(str(item.path)).relative_to(ROOT / "tests").parts[:-1]) or "[postgresql" in item.nodeid:
            item.add_marker(pytest.mark.slow)  # the PostgreSQL variants run in `make test` (CI)
