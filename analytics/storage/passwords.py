"""Password hashing of the local users file: salted scrypt at N=2^17, r=8, p=1 (current OWASP
guidance, 128 MiB per hash); older, weaker hashes still verify and are renewed on the next sign-in
(:func:`analytics.storage.access.sign_in`)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

__all__ = ["hash_password", "needs_rehash", "verify_password"]

_SCRYPT = {"n": 2**17, "r": 8, "p": 1}  # current guidance (OWASP); 128 MiB per hash
_MAXMEM = 256 * 1024 * 1024  # scrypt memory bound of one hash (N=2^17, r=8 needs 128 MiB)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=_MAXMEM)


def hash_password(password: str, *, salt: bytes | None = None, n: int | None = None, r: int | None = None,
                  p: int | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64), salted with 16 random bytes; N=2^17, r=8, p=1 unless given."""
    if not isinstance(password, str) or not password:
        raise ValueError("the password cannot be empty / 密码不能为空")
    n, r, p = n or _SCRYPT["n"], r or _SCRYPT["r"], p or _SCRYPT["p"]
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _scrypt(password, salt, n, r, p, 32)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${n}${r}${p}${b64(salt)}${b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    """Constant-time check of a password against :func:`hash_password` output (any parameters
    up to N=2^20, r=32, p=16 within 256 MiB, so older, weaker hashes still verify)."""
    try:
        scheme, n, r, p, salt, digest = str(encoded).split("$")
        if scheme != "scrypt":
            return False
        n_i, r_i, p_i = int(n), int(r), int(p)
        if n_i > 2**20 or r_i > 32 or p_i > 16:
            return False
        want = base64.b64decode(digest)
        got = _scrypt(str(password), base64.b64decode(salt), n_i, r_i, p_i, len(want))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got, want)


def needs_rehash(encoded: str) -> bool:
    """True when a hash was made with other parameters than today's (N=2^17, r=8, p=1)."""
    parts = str(encoded).split("$")
    return len(parts) != 6 or parts[0] != "scrypt" or parts[1:4] != [str(_SCRYPT[k]) for k in ("n", "r", "p")]


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """A hash at today's parameters, made once: checked against for unknown names (same work)."""
    if not _DUMMY or needs_rehash(_DUMMY[0]):
        _DUMMY[:] = [hash_password(secrets.token_urlsafe(16))]
    return _DUMMY[0]
