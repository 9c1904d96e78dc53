"""The FAQ admin pages over HTTP: create, edit, 试一试, history, restore, delete, CSRF."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.knowledge.history import history
from bot.store.models import FaqEntry, FaqRevision
from tests.admin.faq_support import FORM, NOVEL, SLUG, count, entry_of


def test_an_admin_creates_an_entry_with_a_slug_made_for_them(bot, clients):
    root = clients["root"]
    r = root.http.post("/admin/faq-entry/create", data={**FORM, "csrf_token": root.csrf})
    assert r.status_code == 302, r.text
    with bot.db.read() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.question == FORM["question"]))
        rev = s.scalar(select(FaqRevision).where(FaqRevision.slug == entry.slug))
    assert entry.slug.startswith("faq_") and entry.alternates == [NOVEL, "加班夜宵钱"]
    assert (rev.action, rev.actor) == ("create", "root")
    listing = root.get(r.headers["location"])
    assert "已保存" in listing.text  # the flash message, shown by admin.js as a toast


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"answer": "  "}, "请填写答案，不能为空。"),
        ({"source": ""}, "请填写依据"),
        # an article the current text of the law does not have (checked: bot/knowledge/law)
        (
            {"source": "《劳动合同法》第一百零八条"},
            "《劳动合同法》第一百零八条在现行法律文本中不存在",
        ),
        ({"question": "加班费按几倍算?"}, "与已有条目「加班费按几倍算？」重复"),
        ({"alternates": "平时下班后加班给好多钱"}, "已属于条目「加班费按几倍算？」"),
        ({"effective_date": "下个月"}, "日期"),
    ],
)
def test_a_bad_form_is_explained_in_chinese_and_writes_nothing(bot, clients, change, message):
    entries, revisions = count(bot, FaqEntry), count(bot, FaqRevision)
    root = clients["root"]
    r = root.http.post("/admin/faq-entry/create", data={**FORM, **change, "csrf_token": root.csrf})
    assert r.status_code == 400 and message in r.text
    assert (count(bot, FaqEntry), count(bot, FaqRevision)) == (entries, revisions)


def test_an_edit_is_checked_too_and_keeps_the_slug(bot, clients):
    root, entry = clients["root"], entry_of(bot)
    form = {**FORM, "question": entry.question, "alternates": "\n".join(entry.alternates)}
    form["csrf_token"] = root.csrf
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data={**form, "answer": ""})
    assert r.status_code == 400 and "请填写答案" in r.text
    assert entry_of(bot).answer == entry.answer
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form)
    assert r.status_code == 302
    assert entry_of(bot).answer == FORM["answer"] and entry_of(bot).slug == SLUG


def test_try_shows_the_answer_now_and_after_the_unsaveddraft_of(bot, clients):
    root, entry = clients["root"], entry_of(bot)
    body = {
        "text": NOVEL,
        "id": entry.id,
        "draft": {**FORM, "question": entry.question, "alternates": NOVEL},
    }
    r = root.post("/admin/faq-entry/try", body)
    assert r.status_code == 200
    data = r.json()
    assert data["draft"]["kind"] == "answer"
    assert data["draft"]["replies"][0]["text"].startswith("国家没有统一规定夜宵补贴")
    assert data["draft"]["matches"][0]["slug"] == SLUG
    assert data["now"]["replies"] != data["draft"]["replies"]
    assert entry_of(bot).answer == entry.answer  # trying saves nothing
    only_now = root.post("/admin/faq-entry/try", {"text": "加班费按几倍算"}).json()
    assert only_now["draft"] is None and only_now["now"]["matches"][0]["slug"] == SLUG


def test_try_refuses_bad_requests_politely(clients):
    root = clients["root"]
    assert (
        root.post("/admin/faq-entry/try", {"text": "  "}).json()["message"] == "请先输入一个问题。"
    )
    r = root.http.post(
        "/admin/faq-entry/try",
        content=b"not json",
        headers={"X-CSRF-Token": root.csrf, "Accept": "application/json"},
    )
    assert r.status_code == 400 and "请求格式不对" in r.json()["message"]
    r = root.post("/admin/faq-entry/try", {"text": "年假"}, csrf="forged")
    assert r.status_code == 403 and r.json()["error"] == "csrf"


def test_history_page_and_one_click_restore(bot, clients):
    root, entry = clients["root"], entry_of(bot)
    form = {**FORM, "question": entry.question, "alternates": "\n".join(entry.alternates)}
    form["csrf_token"] = root.csrf
    assert root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form).status_code == 302
    page = root.get(f"/admin/faq-entry/history/{SLUG}")
    assert page.status_code == 200
    assert "root" in page.text and "修改" in page.text and "diff-ins" in page.text
    assert "当前版本" in page.text and "恢复此版本" in page.text
    with bot.db.read() as s:
        first = history(s, SLUG)[-1]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    url = f"/admin/faq-entry/restore/{first.id}"
    assert root.http.post(url, data={"csrf_token": "forged"}).status_code == 403
    assert entry_of(bot).answer == FORM["answer"]
    r = root.http.post(url, data={"csrf_token": token})
    assert r.status_code == 303 and r.headers["location"].endswith(f"/history/{SLUG}")
    assert entry_of(bot).answer == entry.answer
    after = root.get(r.headers["location"]).text
    assert "已恢复此版本" in after and "恢复" in after
    # restoring the version the entry already has changes nothing and says so
    revisions = count(bot, FaqRevision)
    history_url = str(root.http.base_url).rstrip("/") + f"/admin/faq-entry/history/{SLUG}"
    r = root.http.post(url, data={"csrf_token": token}, headers={"Referer": history_url})
    assert r.status_code == 303 and r.headers["location"] == f"/admin/faq-entry/history/{SLUG}"
    assert "无需恢复" in root.get(r.headers["location"]).text
    assert count(bot, FaqRevision) == revisions


def test_a_form_posted_from_another_site_is_refused(bot, clients):
    entries = count(bot, FaqEntry)
    r = clients["root"].http.post(
        "/admin/faq-entry/create",
        data={**FORM, "csrf_token": clients["root"].csrf},  # the token does not make it ours
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403 and count(bot, FaqEntry) == entries


def test_the_pages_speak_chinese(clients):
    root = clients["root"]
    listing = root.get("/admin/faq-entry/list").text
    for text in ("FAQ 知识库", "标准问题", "筛选", "全部", "搜索", "试一试", "已删除的条目"):
        assert text in listing, text
    for english in ("Search", "Filters", ">All<", "Delete selected items", "Showing"):
        assert english not in listing, english
    missing = root.get("/admin/faq-entry/history/no_such_entry")
    assert missing.status_code == 404 and "找不到这条记录" in missing.text


def test_deleting_on_the_page_is_recorded_and_listed_for_restore(bot, clients):
    root, entry = clients["root"], entry_of(bot)
    r = root.http.request(
        "DELETE", f"/admin/faq-entry/delete?pks={entry.id}", headers={"X-CSRF-Token": root.csrf}
    )
    assert r.status_code == 200 and entry_of(bot) is None
    with bot.db.read() as s:
        last = s.scalars(
            select(FaqRevision).where(FaqRevision.slug == SLUG).order_by(FaqRevision.id.desc())
        ).first()
    assert (last.action, last.actor) == ("delete", "root")
    page = root.get("/admin/faq-entry/deleted").text
    assert "加班费按几倍算？" in page and f"/admin/faq-entry/history/{SLUG}" in page


def test_an_admin_marks_an_entry_as_the_general_rule_of_its_category(bot, clients):
    root, entry = clients["root"], entry_of(bot)
    form = {**FORM, "question": entry.question, "alternates": "\n".join(entry.alternates)}
    form["csrf_token"] = root.csrf
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data={**form, "general": "y"})
    assert r.status_code == 302, r.text
    assert entry_of(bot).general is True
    with bot.db.read() as s:
        rev = s.scalars(
            select(FaqRevision).where(FaqRevision.slug == SLUG).order_by(FaqRevision.id.desc())
        ).first()
    assert rev.snapshot["general"] is True  # the history keeps it, so a restore brings it back
    assert "基础条目" in root.get(f"/admin/faq-entry/edit/{entry.id}").text
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form)  # box left unticked
    assert r.status_code == 302 and entry_of(bot).general is False
