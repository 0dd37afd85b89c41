"""Roles, password hashing, the local users file and the `users` command (analytics/access.py)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from analytics.storage import access
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
    assert h1 != h2 and h1.startswith("scrypt$16384$8$1$")
    assert verify_password("秘密 pw", h1) and verify_password("秘密 pw", h2)
    assert not verify_password("秘密 PW", h1)
    assert not verify_password("x", "md5$abc") and not verify_password("x", "garbage")
    assert not verify_password("x", "scrypt$99999999$8$1$AA==$AA==")  # absurd cost refused
    with pytest.raises(ValueError):
        hash_password("")


@pytest.mark.parametrize("name", ["users.toml", "users.json"])
def test_users_file_round_trip(tmp_path, name):
    path = tmp_path / name
    entry, created = add_user(path, "张三", "editor", "pw1")
    assert created and entry.role == "editor"
    add_user(path, "bob", "viewer", "pw2")
    _, created = add_user(path, "bob", "admin", "pw3")
    assert not created
    users = load_users(path)
    assert {u: e.role for u, e in users.items()} == {"张三": "editor", "bob": "admin"}
    assert "pw1" not in path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert json.loads(path.read_text(encoding="utf-8"))["users"]["bob"]["role"] == "admin"
    assert authenticate(users, "bob", "pw3").role == "admin"
    assert authenticate(users, "bob", "pw2") is None
    assert authenticate(users, "nobody", "pw1") is None
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
        add_user(tmp_path / "u.toml", "bad name with spaces", "viewer", "pw")


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


def test_cli_users_add_list_remove(tmp_path, monkeypatch, capsys):
    path = tmp_path / "users.toml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret\n"))
    assert main(["users", "add", "alice", "--role", "editor", "--password-stdin", "--file", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["created"] and out["role"] == "editor" and "users_file" in out["hint"]
    assert authenticate(load_users(path), "alice", "s3cret").role == "editor"
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
