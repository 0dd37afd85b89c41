"""Is a font with Chinese glyphs installed? Chart images (PNG/SVG, the deck's pictures) are drawn
on the server: without a CJK font every Chinese character is a box. The CLI and the meeting page
warn with :func:`cjk_font_warning` and say how to fix it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from analytics.reports.wording import t


_CJK_FILE = re.compile(
    r"(noto(sans|serif)(cjk|sc|tc|jp|kr|hk)|sourcehan(sans|serif)|wqy|wenquanyi|msyh|simhei|simsun|simkai|simfang|"
    r"pingfang|hiragino|droidsansfallback|uming|ukai|arphic|stheiti|sthei|yahei|deng|fangzheng|fz)",
    re.I,
)


FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts", "/Library/Fonts",
             "/System/Library/Fonts", "C:/Windows/Fonts")


def _probe_fc_list() -> bool | None:
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, ":lang=zh", "family"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return bool(out.stdout.strip())


def _probe_dirs(dirs: Iterable[str] = FONT_DIRS) -> bool:
    for d in dirs:
        root = Path(os.path.expanduser(d))
        if not root.is_dir():
            continue
        for _dirpath, _dirs, files in os.walk(root):
            if any(_CJK_FILE.search(f) and f.lower().endswith((".ttf", ".ttc", ".otf", ".otc")) for f in files):
                return True
    return False


@lru_cache(maxsize=1)
def _default_probe() -> bool:
    found = _probe_fc_list()
    return True if found else _probe_dirs()


def find_cjk_font(probe: Callable[[], bool] | None = None) -> bool:
    """Is a font with Chinese glyphs installed? ``fc-list :lang=zh``, else a scan of the usual
    font folders for Noto CJK / Source Han / WenQuanYi / Microsoft YaHei / SimHei … files.
    ``probe`` replaces the check (tests)."""
    return bool(probe() if probe is not None else _default_probe())


def cjk_font_warning(lang: str = "zh", probe: Callable[[], bool] | None = None) -> str | None:
    """A warning to show when no CJK font is installed (chart images would show boxes), else None."""
    if find_cjk_font(probe):
        return None
    return t("cjk_font_missing", lang)
