"""The 未理解的消息 admin page over real HTTP: who may see it, and each action's form."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.nlu import retrain
from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from bot.store import misunderstood as collect
from bot.store.models import (
    MISS_FALLBACK,
    MISS_FAQ,
    MISS_IGNORED,
    MISS_OPEN,
    MISS_RESOLVED,
    FaqEntry,
)
from tests.admin.test_misunderstood_actions import TAUGHT, add, item, own_settings
from tests.console.conftest import ALWAYS_OPEN
from tests.support import TLS

PAGE = "/admin/misunderstood"
ACT = "/admin/misunderstood/act"


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    """A private data/ (teaching writes training data) and an always-open desk."""
    s = own_settings(tmp_path, model_dir)
    s.config.console = ConsoleConfig(**ALWAYS_OPEN)
    return s


def act(client, ids: list[int], action: str, csrf: str | None = None, **fields: str):
    data = {"csrf_token": client.csrf if csrf is None else csrf, "action": action, **fields}
    data["ids"] = [str(i) for i in ids]
    return client.http.post(ACT, data=data)


def admin_app(server):
    """The mounted sqladmin app of the live server (where the page keeps its retrainer)."""
    web = server.server.config.app
    return next(r.app for r in web.routes if getattr(r, "path", "") == "/admin")


def test_strangers_and_staff_cannot_see_or_act(server, clients, bot):
    ids = add(bot, "阿巴阿巴")
    with httpx.Client(base_url=server.url, follow_redirects=False, verify=TLS) as stranger:
        r = stranger.get(PAGE)
        assert r.status_code == 303 and r.headers["location"].startswith("/console/login")
        r = stranger.post(ACT, data={"ids": str(ids[0]), "action": "ignore"})
        assert r.status_code in (303, 401, 403)
    alice = clients["alice"]
    assert alice.get(PAGE).status_code == 403
    assert act(alice, ids, "ignore").status_code == 403
    assert item(bot, ids[0]).status == MISS_OPEN


def test_the_page_lists_groups_with_counts_members_and_choices(clients, bot):
    add(bot, "工会会费交多少", "工会会费交多少？", "工会会费要交多少", "阿巴阿巴")
    add(bot, "一年能歇几天带薪假", faq_slug="leave_annual_days")
    page = clients["root"].get(PAGE)
    assert page.status_code == 200
    html = page.text
    assert "未理解的消息" in html and "5 条待处理" in html
    assert re.search(r"工会会费[^<]*</span>\s*<span[^>]*>3 条</span>", html)
    assert html.count('name="ids"') == 5 and "没听懂" in html
    assert '<option value="leave_annual_days" selected>' in html  # the entry it was about
    assert 'value="course_search"' in html and 'value="faq_feedback"' not in html
    assert 'name="csrf_token" value="' + clients["root"].csrf + '"' in html
    body = html[html.index("page-body") :]
    assert "style=" not in body and "<script>" not in body  # CSP: no inline style or script


def test_an_unsure_guess_is_shown_with_scores_and_not_preselected(clients, bot):
    rows = [
        collect.miss_row(None, "rest", "老板叫我明天不用来了钱咋算", MISS_FALLBACK, "inform", 0.31),
        collect.miss_row(None, "rest", "年假有几天嘛", MISS_FAQ, "policy_question", 0.97),
    ]
    with bot.db.write_lock(), bot.db.engine.begin() as conn:
        collect.record(conn, rows)
    html = clients["root"].get(PAGE).text
    unsure, sure = (html[html.index(t) :] for t in ("老板叫我明天", "年假有几天嘛"))
    unsure = unsure[: unsure.index("</form>")]
    sure = sure[: sure.index("</form>")]
    # the unsure group: the model's top guesses with their scores, nothing pre-selected
    guesses = re.findall(r'data-intent="(\w+)">[^<]* (\d+)%', unsure)
    assert len(guesses) == 3 and all(0 <= int(p) <= 100 for _, p in guesses)
    assert "把握不大，请自己选意图" in unsure
    assert '<option value="" selected>选择意图…</option>' in unsure
    assert not re.search(r'<option value="\w+" selected>[^<]*（\w+）', unsure)
    # the sure one keeps its pre-selection
    assert '<option value="policy_question" selected>' in sure


def test_without_the_csrf_token_nothing_changes(clients, bot):
    ids = add(bot, "阿巴阿巴")
    root = clients["root"]
    r = act(root, ids, "ignore", csrf="forged")
    assert r.status_code == 403 and "页面已过期" in r.text
    assert item(bot, ids[0]).status == MISS_OPEN


def test_ignore_only_the_ticked_messages(clients, bot):
    ids = add(bot, "阿巴阿巴", "阿巴阿巴阿巴")
    root = clients["root"]
    r = act(root, ids[:1], "ignore")
    assert r.status_code == 303 and r.headers["location"].endswith(PAGE)
    assert item(bot, ids[0]).status == MISS_IGNORED and item(bot, ids[0]).resolved_by == "root"
    assert item(bot, ids[1]).status == MISS_OPEN
    page = root.get(PAGE).text
    assert (
        "已忽略 1 条消息" in page
        and f'value="{ids[1]}"' in page
        and f'value="{ids[0]}"' not in page
    )


def test_a_new_faq_draft_opens_in_the_faq_editor(clients, bot):
    ids = add(bot, "工会会费交多少", "工会会费怎么交")
    root = clients["root"]
    r = act(root, ids, "faq_draft")
    assert r.status_code == 303
    with bot.db.read() as s:
        draft = s.scalar(select(FaqEntry).where(FaqEntry.slug == f"draft-{ids[0]}"))
    assert r.headers["location"].endswith(f"/admin/faq-entry/edit/{draft.id}")
    assert draft.enabled is False and draft.alternates
    editor = root.get(r.headers["location"])
    assert editor.status_code == 200 and draft.question in editor.text


def test_alternates_are_added_from_the_page(clients, bot):
    ids = add(bot, "一年能歇几天带薪假")
    root = clients["root"]
    r = act(root, ids, "alternates", faq_slug="leave_annual_days")
    assert r.status_code == 303
    with bot.db.read() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == "leave_annual_days"))
    assert "一年能歇几天带薪假" in entry.alternates
    assert item(bot, ids[0]).status == MISS_RESOLVED
    assert "加为问答 leave_annual_days 的问法" in root.get(PAGE).text


def test_a_missing_choice_is_explained_and_nothing_changes(clients, bot):
    ids = add(bot, "一年能歇几天带薪假")
    root = clients["root"]
    act(root, ids, "alternates", faq_slug="")
    assert "请选择要加入的问答" in root.get(PAGE).text
    act(root, ids, "teach", intent="")
    assert "请选择要加入的意图" in root.get(PAGE).text
    act(root, [], "ignore")
    assert "请至少选择一条消息" in root.get(PAGE).text
    assert item(bot, ids[0]).status == MISS_OPEN


def test_teaching_retrains_in_the_background_and_the_page_reports_it(server, clients, bot, http):
    ids = add(bot, *TAUGHT)
    root = clients["root"]
    r = act(root, ids, "teach", intent="course_search")
    assert r.status_code == 303
    trainer = admin_app(server).state.retrainer
    assert trainer.wait(timeout=300)
    assert retrain.status(bot.db)["state"] == "succeeded"
    page = root.get(PAGE).text
    assert "正在后台重新训练" in page  # the notice of the action
    assert "意图模型已更新" in root.get(PAGE).text
    parsed = http.post("/model/parse", json={"text": TAUGHT[0]}).json()
    assert parsed["intent"]["name"] == "course_search"
