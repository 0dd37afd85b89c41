"""Roles, password hashing, the local users file and the `users` command (analytics/access.py)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from analytics.storage import access, passwords
from analytics.storage.access import (
    DEFAULT_USER,
    UsersFileError,
    add_user,
    auth_mode,
    authenticate,
    can_edit,
    hash_password,
    is_admin,
    load_users,
    normalise_role,
    oidc_role,
    remove_user,
    verify_password,
)
from analytics.cli.main import main


@pytest.fixture()
def fast_scrypt(monkeypatch):
    """Cheap hashes for tests that are not about the hash cost (today's parameters: one test)."""
    monkeypatch.setitem(passwords._SCRYPT, "n", 2**10)
    monkeypatch.setattr(passwords, "_DUMMY", [])


def test_roles():
    assert [can_edit(r) for r in ("viewer", "editor", "admin")] == [False, True, True]
    assert [is_admin(r) for r in ("viewer", "editor", "admin")] == [False, False, True]
    assert normalise_role(" Editor ") == "editor" and normalise_role("管理员") == "admin"
    with pytest.raises(ValueError):
        normalise_role("root")
    assert not can_edit("nonsense")
    assert DEFAULT_USER.name == "local" and DEFAULT_USER.role == "editor" and DEFAULT_USER.can_edit


def test_password_hash_is_salted_scrypt():
    h1, h2 = hash_password("秘密 pw"), hash_password("秘密 pw")
    assert h1 != h2 and h1.startswith("scrypt$131072$8$1$")  # N=2^17, r=8, p=1
    assert verify_password("秘密 pw", h1) and verify_password("秘密 pw", h2)
    assert not verify_password("秘密 PW", h1)
    assert not verify_password("x", "md5$abc") and not verify_password("x", "garbage")
    assert not verify_password("x", "scrypt$99999999$8$1$AA==$AA==")  # absurd cost refused
    with pytest.raises(ValueError):
        hash_password("")


@pytest.mark.parametrize("name", ["users.toml", "users.json"])
def test_users_file_round_trip(tmp_path, name, fast_scrypt):
    path = tmp_path / name
    entry, created = add_user(path, "张三", "editor", "password-1")
    assert created and entry.role == "editor"
    add_user(path, "bob", "viewer", "password-2")
    _, created = add_user(path, "bob", "admin", "password-3")
    assert not created
    users = load_users(path)
    assert {u: e.role for u, e in users.items()} == {"张三": "editor", "bob": "admin"}
    assert "password-1" not in path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert json.loads(path.read_text(encoding="utf-8"))["users"]["bob"]["role"] == "admin"
    assert authenticate(users, "bob", "password-3").role == "admin"
    assert authenticate(users, "bob", "password-2") is None
    assert authenticate(users, "nobody", "password-1") is None
    assert (path.stat().st_mode & 0o077) == 0  # only the owner can read the hashes
    assert remove_user(path, "bob") and not remove_user(path, "bob")
    assert list(load_users(path)) == ["张三"]


def test_bad_users_files(tmp_path):
    with pytest.raises(UsersFileError) as info:
        load_users(tmp_path / "missing.toml")
    assert "users add" in info.value.message("zh") and "users add" in info.value.message("en")
    bad = tmp_path / "bad.toml"
    bad.write_text("[users.a\nrole=", encoding="utf-8")
    with pytest.raises(UsersFileError):
        load_users(bad)
    bad.write_text('[users.a]\nrole = "god"\npassword = "x"\n', encoding="utf-8")
    with pytest.raises(UsersFileError):
        load_users(bad)
    bad.write_text('[users.a]\nrole = "viewer"\n', encoding="utf-8")
    with pytest.raises(UsersFileError):
        load_users(bad)
    with pytest.raises(ValueError):
        add_user(tmp_path / "u.toml", "bad name with spaces", "viewer", "password-long")


def test_auth_mode_and_oidc_roles():
    assert auth_mode(False, None) == "none"
    assert auth_mode(False, "/x/users.toml") == "local"
    assert auth_mode(True, "/x/users.toml") == "oidc"
    cfg = {"admins": ["Boss@Example.gov.cn"], "editors": ["@hrss.example.gov.cn"], "default_role": "viewer"}
    assert oidc_role("boss@example.gov.cn", cfg) == "admin"
    assert oidc_role("clerk@hrss.example.gov.cn", cfg) == "editor"
    assert oidc_role("someone@else.cn", cfg) == "viewer"
    assert oidc_role(None, cfg) == "viewer"
    assert oidc_role("x@y.cn", {"default_role": "editor"}) == "editor"
    assert oidc_role("x@y.cn", {"default_role": "superuser"}) == "viewer"


def test_cli_users_add_list_remove(tmp_path, monkeypatch, capsys, fast_scrypt):
    path = tmp_path / "users.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret\n"))  # 6 characters: refused
    assert main(["users", "add", "alice", "--role", "editor", "--password-stdin", "--file", str(path)]) == 2
    assert "至少需要 10 个字符" in capsys.readouterr().err
    assert not path.exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-s3cret\n"))
    assert main(["users", "add", "alice", "--role", "editor", "--password-stdin", "--file", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["created"] and out["role"] == "editor" and "users_file" in out["hint"]
    assert authenticate(load_users(path), "alice", "s3cret-s3cret").role == "editor"
    assert main(["users", "list", "--file", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["users"] == [{"name": "alice", "role": "editor"}]
    monkeypatch.setenv(access.ENV_USERS_FILE, str(path))
    assert main(["users", "remove", "alice"]) == 0
    assert load_users(path) == {}
    assert main(["users", "add"]) == 2  # no name


def test_cli_users_prompts_twice(tmp_path, monkeypatch, capsys):
    answers = iter(["pw-a", "pw-b"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["users", "add", "bob", "--file", str(tmp_path / "u.toml")]) == 2
    assert "differ" in capsys.readouterr().err



# ---------------------------------------------------------------------------- guessing (issue 16, Sign-in)
class Clock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture()
def signin(tmp_path, fast_scrypt):
    path = tmp_path / "users.toml"
    add_user(path, "bob", "editor", "correct horse")
    add_user(path, "ann", "viewer", "battery staple")
    clock = Clock()
    guard = access.SigninGuard(access.guard_file(path), access.load_policy(path), clock=clock)

    def attempt(name, password, client="10.0.0.1", g=None):
        return access.sign_in(path, load_users(path), name, password, client, g or guard)

    return path, clock, guard, attempt


def test_thirty_wrong_passwords_then_the_right_one_is_locked_out(signin):
    """Repro: 30 tries about a second apart, then the right password, used to get in."""
    path, clock, guard, attempt = signin
    outcomes = []
    for _ in range(30):
        outcomes.append(attempt("bob", "wrong guess").outcome)
        clock.tick(1.1)
    assert outcomes[:4] == ["failed", "failed", "throttled", "failed"]  # 1 s, then 2 s, 4 s … between tries
    assert outcomes.count("failed") == 4 and outcomes[-1] == "locked"  # the 5th failure locks
    result = attempt("bob", "correct horse")
    assert result.user is None and result.outcome == "locked" and 0 < result.retry_after <= 15 * 60
    clock.tick(15 * 60)
    assert attempt("bob", "correct horse").user.name == "bob"  # after the window: in again


def test_backoff_doubles_and_the_fifth_failure_locks(signin):
    path, clock, guard, attempt = signin
    waits = []
    for i in range(5):
        r = attempt("bob", "wrong guess")
        assert r.outcome == ("locked" if i == 4 else "failed")
        waits.append(guard.policy.backoff(i + 1))
        refused = attempt("bob", "correct horse")  # too early: refused without a check
        assert refused.user is None and refused.outcome in ("throttled", "locked")
        clock.tick(waits[-1])
    assert waits[:4] == [1, 2, 4, 8]
    assert attempt("bob", "correct horse").outcome == "locked"
    events = guard.events(100)
    assert {e.outcome for e in events} == {"failed", "throttled", "locked"}
    assert events[-1].who == "bob" and events[-1].client == "10.0.0.1" and events[-1].at.endswith("+00:00")
    assert any("locked_now" in e.detail for e in events)
    assert guard.unlock("bob") and attempt("bob", "correct horse").outcome == "ok"


def test_success_resets_the_user_and_unknown_names_count_the_same(signin):
    path, clock, guard, attempt = signin
    for _ in range(4):
        assert attempt("bob", "wrong guess").outcome == "failed"
        clock.tick(60)
    assert attempt("bob", "correct horse").outcome == "ok"
    clock.tick(60)  # the address keeps its own count (3 failures: 4 s)
    for _ in range(4):
        assert attempt("bob", "wrong guess").outcome == "failed"  # counting starts again
        clock.tick(60)
    ghost = [attempt("nobody", "x" * 12).outcome for _ in range(5) if not clock.tick(60)]
    assert ghost == ["failed"] * 4 + ["locked"]  # a name that does not exist looks the same
    assert guard.events(1)[0].detail == "unknown_user,locked_now"


def test_per_client_limit_across_names(signin):
    """Spraying one password over many names from one address: the address is locked out."""
    path, clock, guard, attempt = signin
    policy = access.SigninPolicy(client_max_failures=6, backoff_seconds=0.5, backoff_max_seconds=2)
    g = access.SigninGuard(guard.path, policy, clock=clock)
    outs = []
    for i in range(8):
        outs.append(attempt(f"user{i}", "Winter2026!", g=g).outcome)
        clock.tick(2)
    assert outs[:5] == ["failed"] * 5 and outs[5] == "locked" and outs[6] == "locked"
    assert attempt("bob", "correct horse", g=g).outcome == "locked"  # the address, whatever the name
    assert attempt("bob", "correct horse", client="10.0.0.2", g=g).user.name == "bob"  # another address
    assert g.unlock("10.0.0.1") and attempt("ann", "battery staple", g=g).outcome == "ok"  # an administrator unlocks it


def test_the_event_log_is_bounded(signin, monkeypatch):
    path, clock, guard, attempt = signin
    monkeypatch.setattr(access, "_EVENTS_KEPT", 10)
    monkeypatch.setattr(access, "_PRUNE_EVERY", 10)
    guard.begin("bob", "10.0.0.1")
    for _ in range(60):
        assert guard.begin("bob", "10.0.0.1").reason == "throttled"  # refused tries are logged too
    assert len(guard.events(5000)) < 20


def test_state_is_shared_by_every_process_using_the_users_file(signin):
    """Two app servers = two guards on the same file (and a separate process)."""
    import subprocess

    path, clock, guard, attempt = signin
    other = access.SigninGuard(access.guard_file(path), access.load_policy(path), clock=clock)
    assert attempt("bob", "wrong guess").outcome == "failed"
    assert attempt("bob", "correct horse", g=other).outcome == "throttled"
    code = ("import sys; from analytics.storage import access as a; "
            "g = a.SigninGuard(a.guard_file(sys.argv[1]), clock=lambda: float(sys.argv[2])); "
            "print(g.begin('bob', '10.9.9.9').reason)")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(clock.now + 0.5)], capture_output=True, text=True,
                         timeout=60, check=True).stdout.strip()
    assert out == "throttled"


def test_simultaneous_tries_cannot_slip_past_the_backoff(signin):
    from concurrent.futures import ThreadPoolExecutor

    path, clock, guard, attempt = signin
    with ThreadPoolExecutor(8) as pool:
        verdicts = list(pool.map(lambda i: access.SigninGuard(guard.path, clock=clock).begin("bob", "10.0.0.1"), range(8)))
    assert sum(v.allowed for v in verdicts) == 1


def test_old_hashes_verify_and_are_renewed_on_sign_in(tmp_path, monkeypatch, fast_scrypt):
    path = tmp_path / "users.toml"
    add_user(path, "bob", "editor", "correct horse")
    old = hash_password("correct horse", n=2**9)  # an older, weaker hash
    access.save_users(path, {"bob": access.UserEntry("bob", "editor", old)})
    assert access.needs_rehash(old) and verify_password("correct horse", old)
    clock = Clock()
    guard = access.SigninGuard(access.guard_file(path), clock=clock)
    assert access.sign_in(path, load_users(path), "bob", "wrong guess", "c", guard).user is None
    assert load_users(path)["bob"].password == old  # a failure changes nothing
    clock.tick(1)
    result = access.sign_in(path, load_users(path), "bob", "correct horse", "c", guard)
    new = load_users(path)["bob"].password
    assert result.user.role == "editor" and new != old and not access.needs_rehash(new)
    assert new.startswith(f"scrypt${2**10}$8$1$") and verify_password("correct horse", new)
    assert guard.events(1)[0].detail == "rehashed" and load_users(path)["bob"].role == "editor"
    assert not access.needs_rehash(hash_password("x" * 10)) and access.needs_rehash("garbage")


def test_default_cost_is_current_guidance():
    assert passwords._SCRYPT == {"n": 2**17, "r": 8, "p": 1}
    assert not access.needs_rehash("scrypt$131072$8$1$AA==$AA==") and access.needs_rehash("scrypt$16384$8$1$AA==$AA==")


def test_signin_settings_in_the_users_file(tmp_path, fast_scrypt):
    path = tmp_path / "users.toml"
    assert access.load_policy(path) == access.SigninPolicy()  # no file: the defaults
    assert set(access.SIGNIN_SETTINGS) == {f for f in access.SigninPolicy.__dataclass_fields__}
    assert all(help_text for _, help_text in access.SIGNIN_SETTINGS.values())
    with pytest.raises(UsersFileError) as info:
        add_user(path, "bob", "editor", "short")
    assert "10" in info.value.message("en") and "10" in info.value.message("zh")
    path.write_text('[signin]\nmin_password_length = 14\nlockout_minutes = 30\nclient_header = "X-Real-IP"\n',
                    encoding="utf-8")
    with pytest.raises(UsersFileError):
        add_user(path, "bob", "editor", "thirteen char")
    add_user(path, "bob", "editor", "fourteen chars")
    policy = access.load_policy(path)
    assert (policy.min_password_length, policy.lockout_minutes, policy.client_header) == (14, 30.0, "X-Real-IP")
    assert "lockout_minutes = 30\n" in path.read_text(encoding="utf-8")  # kept when users are written
    jpath = tmp_path / "users.json"
    jpath.write_text('{"signin": {"max_failures": 3}, "users": {}}', encoding="utf-8")
    add_user(jpath, "ann", "viewer", "long enough pw")
    assert json.loads(jpath.read_text(encoding="utf-8"))["signin"] == {"max_failures": 3}
    for bad in ("max_failures = -1", "max_failures = 2.5", 'max_failures = "5"', "lockout = 3", "client_header = 1"):
        path.write_text(f"[signin]\n{bad}\n", encoding="utf-8")
        with pytest.raises(UsersFileError):
            access.load_policy(path)


def test_cli_unlock_and_log(signin, capsys):
    path, clock, guard, attempt = signin
    for _ in range(5):
        attempt("bob", "wrong guess")
        clock.tick(30)
    assert attempt("bob", "correct horse").outcome == "locked"
    assert main(["users", "log", "--file", str(path), "--limit", "2"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [e["outcome"] for e in events] == ["locked", "failed"] and events[0]["who"] == "bob"
    assert main(["users", "unlock", "bob", "--file", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["unlocked"]
    assert attempt("bob", "correct horse").outcome == "ok"


def test_unwritable_record_refuses_sign_in(signin, tmp_path):
    path, clock, guard, attempt = signin
    blocked = access.SigninGuard(tmp_path / "no-such-dir" / "x.sqlite", clock=clock)
    with pytest.raises(UsersFileError):
        attempt("bob", "correct horse", g=blocked)


def test_sign_in_screen_locks_out_and_says_so(tmp_path, monkeypatch, fast_scrypt):
    """The sign-in screen through the app: lockout message after max_failures, right password refused
    while locked, the tries logged with the client."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PT_DATA_DIR", str(tmp_path / "store"))
    path = tmp_path / "users.toml"
    path.write_text("[signin]\nmax_failures = 2\nbackoff_seconds = 0\n", encoding="utf-8")
    add_user(path, "edda", "editor", "pw-edda-editor")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=120)
    at.secrets["users_file"] = str(path)
    at.run()

    def submit(password):
        at.text_input(key="signin_name").input("edda")
        at.text_input(key="signin_password").input(password)
        at.button[0].click().run()
        assert not at.exception
        return "\n".join(e.value for e in at.error)

    assert "不正确" in submit("wrong-password")
    assert "锁定" in submit("wrong-password")
    assert "锁定" in submit("pw-edda-editor") and at.title[0].value == "登录"
    events = access.SigninGuard(access.guard_file(path)).events(10)
    assert [e.outcome for e in events] == ["locked", "failed", "failed"] and events[0].client == "local"
    assert main(["users", "unlock", "edda", "--file", str(path)]) == 0
    submit("pw-edda-editor")
    assert at.title[0].value != "登录"
