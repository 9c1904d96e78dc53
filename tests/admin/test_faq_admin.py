"""FAQ editing: checks with Chinese messages, auto slugs, 试一试 before/after, history, restore."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from bot.domain.phrasing import phrasing_key
from bot.knowledge.drafts import (
    DRAFT_SLUG,
    Draft,
    FaqInvalid,
    draft_entries,
    new_slug,
    problems,
)
from bot.knowledge.history import NothingToRestore, deleted_entries, history, restore
from bot.store.audit import acting_as
from bot.store.models import REV_RESTORE, FaqEntry, FaqRevision
from bot.web.admin.trying import tried
from bot.web.server import admin_deps

SLUG = "ot_pay_rates"  # demo entry: 加班费按几倍算？
NOVEL = "赶工期连轴转给不给夜宵补贴"  # no demo entry is about this


def _draft(**changes) -> Draft:
    fields = dict(
        question="工地上夜宵补贴有没有规定？",
        answer="国家没有统一规定夜宵补贴，看单位制度和劳动合同的约定。",
        source="《劳动合同法》第四条",
        category="工资与福利",
        alternates=[NOVEL],
    )
    fields.update(changes)
    return Draft(**fields)


def _entry(bot, slug: str = SLUG) -> FaqEntry:
    with bot.db.read() as s:
        return s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))


def _edit(bot, actor: str, slug: str = SLUG, **values) -> None:
    with bot.db.write_lock(), acting_as(actor), bot.db.session() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))
        for name, value in values.items():
            setattr(entry, name, value)


def _count(bot, model) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


# -- the rules (bot/knowledge/drafts.py) ----------------------------------------------------------
def test_empty_fields_get_a_polite_message_each(bot):
    with bot.db.read() as s:
        found = problems(s, Draft(question=" ", answer="", source="", category=""))
    assert set(found) == {"question", "answer", "source", "category"}
    assert found["answer"] == "请填写答案，不能为空。"
    assert "依据" in found["source"] and "《劳动法》" in found["source"]
    with bot.db.read() as s:
        assert problems(s, _draft()) == {}


def test_a_question_another_entry_already_has_is_a_duplicate(bot):
    existing = _entry(bot)
    with bot.db.read() as s:
        # the same question with other punctuation and spacing
        found = problems(s, _draft(question=" 加班费 按几倍算? "))
        assert "重复" in found["question"] and "加班费按几倍算？" in found["question"]
        # another entry's alternate phrasing, given as a new entry's question or alternate
        alt = existing.alternates[0]
        assert "重复" in problems(s, _draft(question=alt))["question"]
        assert alt in problems(s, _draft(alternates=["别的说法", alt]))["alternates"]
        # the entry itself may keep its own question and alternates
        keep = ("question", "alternates", "answer", "category", "source")
        own = Draft.from_mapping({k: getattr(existing, k) for k in keep})
        assert problems(s, own, existing.id) == {}
    assert phrasing_key("加班费，按几倍算？") == phrasing_key("加班费按几倍算")


def test_too_long_fields_are_problems(bot):
    with bot.db.read() as s:
        found = problems(s, _draft(question="问" * 201, category="类" * 33))
    assert found["question"] == "标准问题不能超过200个字。"
    assert found["category"] == "分类不能超过32个字。"


def test_alternates_typed_one_per_line_are_cleaned():
    draft = Draft.from_mapping(
        {
            "question": " 夜宵补贴？ ",
            "answer": " 看约定。 ",
            "source": "x",
            "category": "y",
            "alternates": "第一种说法\n\n  第二种说法 \n第一种说法\n夜宵补贴\n",
            "effective_date": "2025-01-01",
            "enabled": "on",
        }
    )
    assert draft.question == "夜宵补贴？" and draft.answer == "看约定。"
    assert draft.alternates == ["第一种说法", "第二种说法"]  # blanks, repeats, the question go
    assert draft.effective_date.isoformat() == "2025-01-01" and draft.enabled is True
    assert Draft.from_mapping({"effective_date": "明天", "enabled": "false"}).effective_date is None


def test_new_entries_get_a_short_unique_slug(bot):
    with bot.db.read() as s:
        slugs = {new_slug(s) for _ in range(20)}
        taken = set(s.scalars(select(FaqEntry.slug)))
    assert len(slugs) == 20 and not slugs & taken
    for slug in slugs:
        # a 您是想问 button carries the slug; Telegram allows 64 bytes of payload
        assert re.fullmatch(r"faq_\d{8}_[0-9a-f]{4}", slug)
        assert len(f'/policy_question{{"faq_id":"{slug}"}}'.encode()) <= 64


def _tried(bot, text, draft=None, entry_id=None) -> dict:
    return tried(admin_deps(bot), text, draft, entry_id)


def test_the_draft_answers_what_the_saved_entries_cannot(bot):
    before = _tried(bot, NOVEL)["now"]
    assert not any("夜宵" in r["text"] for r in before["replies"])
    after = _tried(bot, NOVEL, _draft())["draft"]
    assert after["kind"] == "answer" and after["matches"][0]["slug"] == DRAFT_SLUG
    (reply,) = after["replies"]
    assert reply["text"].startswith("国家没有统一规定夜宵补贴")
    assert reply["text"].endswith("依据：《劳动合同法》第四条")
    assert "有帮助" in reply["buttons"]
    # the draft lived only in the trial: the bot itself still has no such entry
    assert _tried(bot, NOVEL)["now"] == before


def test_try_it_shows_a_likely_answer_as_the_worker_would_see_it(bot):
    shown = _tried(bot, "加班费咋个算")["now"]
    assert shown["kind"] == "likely"
    (reply,) = shown["replies"]
    assert reply["text"].startswith("关于「加班费按几倍算」：\n") and "150%" in reply["text"]
    assert "加班费按几倍算？" not in reply["buttons"] and "转人工" in reply["buttons"]
    assert shown["steps"][0]["intent"] == "policy_question"


def test_try_it_tells_how_the_bot_takes_what_is_not_a_policy_question(bot):
    kinds = {text: _tried(bot, text)["now"]["kind"] for text in ("转人工", "有什么课", "啊啊啊")}
    assert kinds == {"转人工": "handoff", "有什么课": "other", "啊啊啊": "fallback"}
    two = _tried(bot, "报个书法班，顺便问下加班费咋个算")["now"]
    assert [s["ruled_intent"] for s in two["steps"]] == ["policy_question", "course_enroll"]


def test_a_draft_replaces_its_entry_and_a_disabled_draft_leaves_the_index(bot):
    entry = _entry(bot)
    changed = Draft.from_mapping(
        {**{k: getattr(entry, k) for k in ("question", "source", "category")}, "answer": "新答案"}
    )
    with bot.db.read() as s:
        answers, docs = draft_entries(s, changed, entry.id)
        assert answers[SLUG].answer == "新答案" and len(docs) == len(answers)
        changed.enabled = False
        answers, docs = draft_entries(s, changed, entry.id)
    assert SLUG not in answers and all(d.slug != SLUG for d in docs)


# -- history and restore (bot/knowledge/history.py) ----------------------------------------------
def test_history_shows_who_changed_what_and_restore_brings_it_back(bot):
    old_answer = _entry(bot).answer
    _edit(bot, "root", answer="加班费：工作日150%，休息日200%，法定节假日300%。")
    _edit(bot, "carol", alternates=[*_entry(bot).alternates, "加班钱咋个算"])
    with bot.db.read() as s:
        revs = history(s, SLUG)
    newest, middle = revs[0], revs[1]
    assert (newest.actor, newest.action_label, newest.current) == ("carol", "修改", True)
    assert [c.name for c in newest.changes] == ["alternates"]
    assert newest.changes[0].added == ["加班钱咋个算"] and newest.changes[0].removed == []
    assert middle.actor == "root" and [c.name for c in middle.changes] == ["answer"]
    ops = {op for op, _ in middle.changes[0].pieces}
    assert ops == {"same", "del", "ins"}
    pieces = middle.changes[0].pieces  # old = same + del, new = same + ins, in order
    assert "".join(t for op, t in pieces if op != "ins") == old_answer
    assert "".join(t for op, t in pieces if op != "del") == _entry(bot).answer

    # restore the version before root's edit
    original = next(r for r in revs if r.snapshot.get("answer") == old_answer)
    assert restore(bot.db, original.id, "root") == SLUG
    entry = _entry(bot)
    assert entry.answer == old_answer and "加班钱咋个算" not in entry.alternates
    with bot.db.read() as s:
        last = s.scalars(
            select(FaqRevision).where(FaqRevision.slug == SLUG).order_by(FaqRevision.id.desc())
        ).first()
        assert (last.action, last.actor) == (REV_RESTORE, "root")
        assert history(s, SLUG)[0].current
    with pytest.raises(NothingToRestore):
        restore(bot.db, original.id, "root")  # it already is that version


def test_a_deleted_entry_is_listed_and_can_be_restored(bot):
    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        s.delete(s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG)))
    with bot.db.read() as s:
        gone = deleted_entries(s)
        revs = history(s, SLUG)
    assert [g[:2] for g in gone] == [(SLUG, "加班费按几倍算？")]
    assert revs[0].action == "delete" and not any(r.current for r in revs)
    restore(bot.db, revs[1].id, "root")
    assert _entry(bot).question == "加班费按几倍算？"
    with bot.db.read() as s:
        assert deleted_entries(s) == []
        back = history(s, SLUG)[0]
    # brought back whole: every field shown as it is, not as a change from the deleted text
    assert back.action == REV_RESTORE and back.current
    assert {c.name for c in back.changes} >= {"question", "answer", "source"}
    assert all(c.old is None for c in back.changes)


def test_restore_is_refused_when_another_entry_now_owns_the_question(bot):
    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        s.delete(s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG)))
    _edit(bot, "root", slug="ot_piece_rate", question="加班费按几倍算？")
    with bot.db.read() as s:
        old = history(s, SLUG)[1]
    before = _count(bot, FaqRevision)
    with pytest.raises(FaqInvalid) as caught:
        restore(bot.db, old.id, "root")
    assert "重复" in str(caught.value)
    assert _entry(bot) is None and _count(bot, FaqRevision) == before


# -- the admin pages over HTTP -------------------------------------------------------------
FORM = {
    "question": "工地上夜宵补贴有没有规定？",
    "alternates": f"{NOVEL}\n加班夜宵钱\n",
    "answer": "国家没有统一规定夜宵补贴，看单位制度和劳动合同的约定。",
    "category": "工资与福利",
    "source": "《劳动合同法》第四条",
    "effective_date": "2025-01-01",
    "enabled": "y",
    "save": "保存",
}


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
    entries, revisions = _count(bot, FaqEntry), _count(bot, FaqRevision)
    root = clients["root"]
    r = root.http.post("/admin/faq-entry/create", data={**FORM, **change, "csrf_token": root.csrf})
    assert r.status_code == 400 and message in r.text
    assert (_count(bot, FaqEntry), _count(bot, FaqRevision)) == (entries, revisions)


def test_an_edit_is_checked_too_and_keeps_the_slug(bot, clients):
    root, entry = clients["root"], _entry(bot)
    form = {**FORM, "question": entry.question, "alternates": "\n".join(entry.alternates)}
    form["csrf_token"] = root.csrf
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data={**form, "answer": ""})
    assert r.status_code == 400 and "请填写答案" in r.text
    assert _entry(bot).answer == entry.answer
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form)
    assert r.status_code == 302
    assert _entry(bot).answer == FORM["answer"] and _entry(bot).slug == SLUG


def test_try_shows_the_answer_now_and_after_the_unsaved_draft(bot, clients):
    root, entry = clients["root"], _entry(bot)
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
    assert _entry(bot).answer == entry.answer  # trying saves nothing
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
    root, entry = clients["root"], _entry(bot)
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
    assert _entry(bot).answer == FORM["answer"]
    r = root.http.post(url, data={"csrf_token": token})
    assert r.status_code == 303 and r.headers["location"].endswith(f"/history/{SLUG}")
    assert _entry(bot).answer == entry.answer
    after = root.get(r.headers["location"]).text
    assert "已恢复此版本" in after and "恢复" in after
    # restoring the version the entry already has changes nothing and says so
    revisions = _count(bot, FaqRevision)
    history_url = str(root.http.base_url).rstrip("/") + f"/admin/faq-entry/history/{SLUG}"
    r = root.http.post(url, data={"csrf_token": token}, headers={"Referer": history_url})
    assert r.status_code == 303 and r.headers["location"] == f"/admin/faq-entry/history/{SLUG}"
    assert "无需恢复" in root.get(r.headers["location"]).text
    assert _count(bot, FaqRevision) == revisions


def test_a_form_posted_from_another_site_is_refused(bot, clients):
    entries = _count(bot, FaqEntry)
    r = clients["root"].http.post(
        "/admin/faq-entry/create",
        data={**FORM, "csrf_token": clients["root"].csrf},  # the token does not make it ours
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403 and _count(bot, FaqEntry) == entries


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
    root, entry = clients["root"], _entry(bot)
    r = root.http.request(
        "DELETE", f"/admin/faq-entry/delete?pks={entry.id}", headers={"X-CSRF-Token": root.csrf}
    )
    assert r.status_code == 200 and _entry(bot) is None
    with bot.db.read() as s:
        last = s.scalars(
            select(FaqRevision).where(FaqRevision.slug == SLUG).order_by(FaqRevision.id.desc())
        ).first()
    assert (last.action, last.actor) == ("delete", "root")
    page = root.get("/admin/faq-entry/deleted").text
    assert "加班费按几倍算？" in page and f"/admin/faq-entry/history/{SLUG}" in page


def test_an_admin_marks_an_entry_as_the_general_rule_of_its_category(bot, clients):
    root, entry = clients["root"], _entry(bot)
    form = {**FORM, "question": entry.question, "alternates": "\n".join(entry.alternates)}
    form["csrf_token"] = root.csrf
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data={**form, "general": "y"})
    assert r.status_code == 302, r.text
    assert _entry(bot).general is True
    with bot.db.read() as s:
        rev = s.scalars(
            select(FaqRevision).where(FaqRevision.slug == SLUG).order_by(FaqRevision.id.desc())
        ).first()
    assert rev.snapshot["general"] is True  # the history keeps it, so a restore brings it back
    assert "基础条目" in root.get(f"/admin/faq-entry/edit/{entry.id}").text
    r = root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form)  # box left unticked
    assert r.status_code == 302 and _entry(bot).general is False
