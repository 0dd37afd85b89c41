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
def project():
    from analytics.targets import load_project

    return load_project()


@pytest.fixture(scope="session")
def dataset():
    from analytics.dataset import load_dataset

    return load_dataset()
