"""Mediator accounts: `workerbot create-user --role mediator --firm`, and in /admin."""

from __future__ import annotations

import re

from sqlalchemy import select
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.staff import accounts
from bot.store.models import Mediator, StaffUser
from tests.desk.conftest import WORKER, file_case, mediator_id

runner = CliRunner()


def cli_env(bot) -> dict[str, str]:
    return {
        "WORKERBOT_DATABASE_URL": bot.settings.database_url,
        "WORKERBOT_MODEL_DIR": str(bot.settings.model_dir),
    }


def test_create_user_links_a_mediator_to_the_list_by_name_and_firm(bot, people):
    r = runner.invoke(
        cli,
        [
            "create-user",
            "chenjg",
            "--role",
            "mediator",
            "--display-name",
            "陈建国",
            "--firm",
            "渝中区职工法律援助工作站",
        ],
        input="mediator-password-1\nmediator-password-1\n",
        env=cli_env(bot),
    )
    assert r.exit_code == 0, r.output
    assert "created mediator account chenjg" in r.output
    user = accounts.authenticate(bot.db, "chenjg", "mediator-password-1")
    assert user.is_mediator and user.mediator_id == mediator_id(bot, "陈建国")
    # a mediator not on the list yet is added to it
    r = runner.invoke(
        cli,
        [
            "create-user",
            "sunl",
            "--role",
            "mediator",
            "--display-name",
            "孙磊",
            "--firm",
            "重庆新律师事务所",
        ],
        input="mediator-password-2\nmediator-password-2\n",
        env=cli_env(bot),
    )
    assert r.exit_code == 0, r.output
    with bot.db.read() as s:
        row = s.scalar(select(Mediator).where(Mediator.name == "孙磊"))
        assert row.law_firm == "重庆新律师事务所"
        assert s.scalar(select(StaffUser.mediator_id).where(StaffUser.username == "sunl")) == row.id
    # --firm belongs to mediators only, and a mediator needs one
    assert (
        runner.invoke(cli, ["create-user", "x1", "--role", "mediator"], env=cli_env(bot)).exit_code
        == 2
    )
    assert (
        runner.invoke(cli, ["create-user", "x2", "--firm", "某所"], env=cli_env(bot)).exit_code == 2
    )
    # one account per mediator
    again = runner.invoke(
        cli,
        [
            "create-user",
            "chen2",
            "--role",
            "mediator",
            "--display-name",
            "陈建国",
            "--firm",
            "渝中区职工法律援助工作站",
        ],
        input="mediator-password-3\nmediator-password-3\n",
        env=cli_env(bot),
    )
    assert again.exit_code == 1 and "已有账号 chenjg" in again.output


_CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def test_an_admin_creates_and_edits_a_mediator_account(bot, desk):
    root = desk["root"]
    form = root.get("/admin/staff-user/create")
    assert form.status_code == 200 and "对应调解员" in form.text and "赵敏" in form.text
    token = root.csrf
    zhao = mediator_id(bot, "赵敏")
    base = {
        "username": "zhaom",
        "display_name": "赵敏",
        "role": "mediator",
        "password": "zhao-password-10",
        "password2": "zhao-password-10",
        "csrf_token": token,
    }
    r = root.http.post("/admin/staff-user/create", data={**base, "mediator_id": ""})
    assert r.status_code == 400 and "调解员账号需要选择对应的调解员" in r.text
    r = root.http.post("/admin/staff-user/create", data={**base, "mediator_id": str(zhao)})
    assert r.status_code in (302, 303), r.text
    made = accounts.authenticate(bot.db, "zhaom", "zhao-password-10")
    assert made.is_mediator and made.mediator_id == zhao
    # 刘芳 has an account already: a second one for her is refused
    liu_id = mediator_id(bot, "刘芳")
    r = root.http.post(
        f"/admin/staff-user/edit/{made.id}",
        data={
            "display_name": "赵敏",
            "role": "mediator",
            "mediator_id": str(liu_id),
            "csrf_token": token,
        },
    )
    assert r.status_code == 400 and "已有账号 liu" in r.text
    # the new account works its cases on the desk
    case_id = file_case(bot, WORKER, mediator="赵敏")
    from tests.desk.conftest import DeskClient

    client = DeskClient(str(root.http.base_url))
    client.login("zhaom", "zhao-password-10")
    assert client.get(f"/desk/case/{case_id}").status_code == 200
    client.close()
