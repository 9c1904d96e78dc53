"""Accounts and canned replies in /admin: the account rules, sessions ended, hashes never shown."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.staff import accounts
from bot.store.models import CannedReply, StaffUser
from tests.console.conftest import PASSWORD, StaffClient


def user(bot, username: str) -> StaffUser:
    with bot.db.read() as s:
        return s.scalar(select(StaffUser).where(StaffUser.username == username))


# -- the rules ------------------------------------------------------------------------
def test_an_admin_cannot_disable_themselves_nor_the_last_active_admin(bot, staff):
    root, alice = staff["root"], staff["alice"]
    with pytest.raises(accounts.AccountError, match="不能停用自己的账号"):
        accounts.set_active(bot.db, root.id, False, by_user_id=root.id)
    # another admin could not disable root either while root is the only active admin
    with pytest.raises(accounts.AccountError, match="最后一个启用的管理员"):
        accounts.set_active(bot.db, root.id, False, by_user_id=alice.id)
    with pytest.raises(accounts.AccountError, match="最后一个启用的管理员"):
        accounts.update_profile(bot.db, root.id, "管理员", "staff", by_user_id=alice.id)
    with pytest.raises(accounts.AccountError, match="不能修改自己的角色"):
        accounts.update_profile(bot.db, root.id, "管理员", "staff", by_user_id=root.id)
    second = accounts.create_user(bot.db, "root2", PASSWORD, "admin", "副管理员")
    accounts.set_active(bot.db, root.id, False, by_user_id=second.id)
    assert not user(bot, "root").active


def test_disabling_and_a_new_password_end_the_sessions(bot, staff):
    alice = staff["alice"]
    epoch = user(bot, "alice").session_epoch
    accounts.set_active(bot.db, alice.id, False, by_user_id=staff["root"].id)
    assert user(bot, "alice").session_epoch == epoch + 1
    assert accounts.authenticate(bot.db, "alice", PASSWORD) is None
    accounts.set_active(bot.db, alice.id, True, by_user_id=staff["root"].id)
    with pytest.raises(accounts.AccountError, match="密码至少"):
        accounts.reset_password(bot.db, alice.id, "short")
    with pytest.raises(accounts.AccountError, match="不能包含用户名"):
        accounts.reset_password(bot.db, alice.id, "alice-and-more")
    accounts.reset_password(bot.db, alice.id, "brand-new-passphrase")
    assert user(bot, "alice").session_epoch == epoch + 2
    assert accounts.authenticate(bot.db, "alice", PASSWORD) is None
    assert accounts.authenticate(bot.db, "alice", "brand-new-passphrase") is not None


# -- over HTTP --------------------------------------------------------------------------
def test_the_pages_never_show_a_password_hash(bot, clients, staff):
    root = clients["root"]
    alice_hash = user(bot, "alice").password_hash
    for path in (
        "/admin/staff-user/list",
        f"/admin/staff-user/details/{staff['alice'].id}",
        f"/admin/staff-user/edit/{staff['alice'].id}",
        "/admin/staff-user/create",
    ):
        page = root.get(path)
        assert page.status_code == 200, path
        assert alice_hash not in page.text and "scrypt$" not in page.text, path
    assert root.get("/admin/staff-user/export/csv").status_code in (403, 404)


def test_an_admin_creates_an_account_and_bad_input_is_explained(bot, clients):
    root = clients["root"]
    form = {
        "username": "carol",
        "display_name": "赵静",
        "role": "staff",
        "password": "short",
        "password2": "short",
        "save": "Save",
        "csrf_token": root.csrf,  # as the rendered form carries it
    }
    r = root.http.post("/admin/staff-user/create", data=form)
    assert r.status_code == 400 and "密码至少 10 个字符" in r.text
    r = root.http.post(
        "/admin/staff-user/create", data={**form, "password": "a-long-password", "password2": "x"}
    )
    assert r.status_code == 400 and "两次输入的密码不一致" in r.text
    assert user(bot, "carol") is None
    good = {**form, "password": "a-long-password", "password2": "a-long-password"}
    assert root.http.post("/admin/staff-user/create", data=good).status_code == 302
    assert user(bot, "carol").display_name == "赵静"
    again = root.http.post("/admin/staff-user/create", data=good)
    assert again.status_code == 400 and "用户 carol 已存在" in again.text
    carol = StaffClient(root.http.base_url)
    assert carol.login("carol", "a-long-password").status_code == 303
    carol.close()


def test_disabling_over_http_signs_the_person_out_at_once(bot, clients, staff):
    root, alice = clients["root"], clients["alice"]
    assert alice.get("/console").status_code == 200
    url = f"/admin/staff-user/active/{staff['alice'].id}"
    r = root.http.post(url, data={"csrf_token": root.csrf, "active": "0"})
    assert "账号 alice 已停用" in root.get(r.headers["location"]).text
    assert alice.get("/console").status_code == 303  # back to the login form
    # an admin cannot disable their own account
    r = root.http.post(
        f"/admin/staff-user/active/{staff['root'].id}",
        data={"csrf_token": root.csrf, "active": "0"},
    )
    assert "不能停用自己的账号" in root.get(r.headers["location"]).text
    assert user(bot, "root").active


def test_a_password_reset_over_http(bot, clients, staff):
    root, bob = clients["root"], clients["bob"]
    url = f"/admin/staff-user/password/{staff['bob'].id}"
    r = root.http.post(
        url, data={"csrf_token": root.csrf, "password": "new-pass-123", "password2": "other"}
    )
    assert "两次输入的密码不一致" in root.get(r.headers["location"]).text
    assert bob.get("/console").status_code == 200  # nothing changed
    r = root.http.post(
        url,
        data={"csrf_token": root.csrf, "password": "new-pass-123", "password2": "new-pass-123"},
    )
    assert "已重置 bob 的密码" in root.get(r.headers["location"]).text
    assert bob.get("/console").status_code == 303
    assert accounts.authenticate(bot.db, "bob", "new-pass-123") is not None


def test_canned_replies_are_checked_and_the_console_reads_them(bot, clients):
    root, alice = clients["root"], clients["alice"]
    form = {
        "shortcut": "addr",
        "title": "地址",
        "text": "区职工服务中心在解放路 12 号。",
        "save": "Save",
        "csrf_token": root.csrf,  # as the rendered form carries it
    }
    bad = root.http.post("/admin/canned-reply/create", data={**form, "shortcut": "地 址"})
    assert bad.status_code == 400 and "快捷码只能用 1–32 个字母或数字" in bad.text
    empty = root.http.post("/admin/canned-reply/create", data={**form, "text": ""})
    assert empty.status_code == 400 and "请填写回复内容" in empty.text
    assert root.http.post("/admin/canned-reply/create", data=form).status_code == 302
    dup = root.http.post("/admin/canned-reply/create", data={**form, "title": "又一个"})
    assert dup.status_code == 400 and "快捷码 addr 已被「地址」使用" in dup.text
    shown = alice.get("/console/api/canned").json()
    assert {"shortcut": "addr", "title": "地址", "text": "区职工服务中心在解放路 12 号。"} in shown
    with bot.db.read() as s:
        assert s.scalar(select(CannedReply).where(CannedReply.shortcut == "addr")) is not None


def test_staff_cannot_manage_accounts(clients, staff):
    alice = clients["alice"]
    assert alice.get("/admin/staff-user/list").status_code == 403
    assert alice.get("/admin/canned-reply/list").status_code == 403
    r = alice.http.post(
        f"/admin/staff-user/active/{staff['bob'].id}",
        data={"csrf_token": alice.csrf, "active": "0"},
    )
    assert r.status_code == 403
