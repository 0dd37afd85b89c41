"""Where the project's own files are: the checkout root and its ``data/`` folder (one place)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DEFAULT_PROJECT_DIR = DATA_DIR / "projects" / "dongguan"
