"""Sign-in messages: lockout and back-off (analytics/storage/access.py, SigninGuard)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "locked": {"zh": "尝试次数过多，登录已暂时锁定。请 {minutes} 分钟后再试，或请管理员解锁。",
               "en": "Too many tries: sign-in is locked for now. Try again in {minutes} min, or ask an administrator to unlock it."},
    "throttled": {"zh": "请稍候 {seconds} 秒再试。",
                  "en": "Please wait {seconds} s before trying again."},
}
