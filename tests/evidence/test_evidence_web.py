"""Evidence over the web chat's upload (multipart, the real HTTP app): each case count, limits."""

from __future__ import annotations

import hashlib
import itertools

from sqlalchemy import select

from bot.store.models import Evidence
from tests.evidence.samples import EXE, HEIC, HTML, PDF, jpeg, open_case, png

SENDER = "evid0000sender000001"
_ids = itertools.count(1)


def upload(http, name: str, data: bytes, sender: str = SENDER, mid: str | None = None) -> dict:
    mid = mid or f"up-{next(_ids):08d}"
    r = http.post(
        "/chat/api/upload",
        data={"sender": sender, "message_id": mid},
        files={"file": (name, data, "image/jpeg")},
    )
    assert r.status_code == 200, r.text
    return r.json()


def texts(body: dict) -> str:
    return "\n".join(r["text"] for r in body["replies"])


def rows(bot) -> list[Evidence]:
    with bot.db.read() as s:
        return list(s.scalars(select(Evidence).order_by(Evidence.id)).all())


def test_no_open_case_offers_to_file_one_and_keeps_nothing(bot, http):
    body = upload(http, "工资条.jpg", jpeg())
    assert "没有进行中的调解案件" in texts(body)
    assert [b["title"] for b in body["replies"][0]["buttons"]][0] == "申请调解"
    assert rows(bot) == []
    assert not bot.settings.evidence_dir.exists() or not any(bot.settings.evidence_dir.iterdir())


def test_one_open_case_attaches_and_confirms(bot, http):
    with bot.db.session() as s:
        case_no = open_case(s, "web", SENDER).case_no
    data = jpeg()
    body = upload(http, "工资条.jpg", data)
    assert texts(body).startswith(f"已收到您的材料「工资条.jpg」，已附到案件 {case_no}")
    (row,) = rows(bot)
    assert (row.original_name, row.content_type, row.size, row.channel) == (
        "工资条.jpg",
        "image/jpeg",
        len(data),
        "web",
    )
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    stored = bot.settings.evidence_dir / row.stored_name
    assert stored.read_bytes() == data and "工资条" not in row.stored_name
    assert oct(stored.stat().st_mode & 0o777) == "0o600"
    # the same upload retried (same message id) and the same file sent again: kept once
    again = upload(http, "工资条.jpg", data, mid="up-retry-0001")
    assert "已经附在案件" in texts(again)
    assert len(rows(bot)) == 1


def test_a_retry_of_the_same_message_id_attaches_once(bot, http):
    with bot.db.session() as s:
        open_case(s, "web", SENDER)
    first = upload(http, "合同.pdf", PDF, mid="up-same-00001")
    second = upload(http, "合同.pdf", PDF, mid="up-same-00001")
    assert first == second and "已附到案件" in texts(first)
    assert len(rows(bot)) == 1


def test_several_open_cases_ask_which_then_attach(bot, http):
    with bot.db.session() as s:
        first = open_case(s, "web", SENDER, "拖欠工资").case_no
        second = open_case(s, "web", SENDER, "工伤").case_no
        open_case(s, "web", SENDER, "加班费", status="closed")  # closed: not offered
    body = upload(http, "聊天截图.png", png())
    assert "请选择这份材料属于哪一件" in texts(body)
    buttons = body["replies"][0]["buttons"]
    assert [b["title"] for b in buttons] == [f"{first}（拖欠工资）", f"{second}（工伤）"]
    (row,) = rows(bot)
    assert row.case_id is None  # waiting for the worker's choice
    r = http.post(
        "/chat/api/send",
        json={"sender": SENDER, "text": buttons[1]["payload"], "message_id": "pick-000001"},
    )
    assert f"已附到案件 {second}" in r.json()["replies"][0]["text"]
    (row,) = rows(bot)
    with bot.db.read() as s:
        from bot.store.cases import get_by_no

        assert row.case_id == get_by_no(s, second).id
    # pressing again: nothing is waiting any more
    r = http.post(
        "/chat/api/send",
        json={"sender": SENDER, "text": buttons[0]["payload"], "message_id": "pick-000002"},
    )
    assert "没有等待归档的材料" in r.json()["replies"][0]["text"]


def test_only_images_and_pdf_by_content_never_by_name(bot, http):
    with bot.db.session() as s:
        open_case(s, "web", SENDER)
    refused = upload(http, "工资条.jpg", HTML)  # a web page named .jpg
    assert "只能收图片" in texts(refused) and "「工资条.jpg」" in texts(refused)
    refused = upload(http, "setup.jpg", EXE)
    assert "只能收图片" in texts(refused)
    assert rows(bot) == []
    kept = upload(http, "合同.exe", PDF)  # a real PDF with a wrong name: kept, named .pdf
    assert "「合同.pdf」" in texts(kept)
    kept = upload(http, "IMG_0001.HEIC", HEIC)
    assert "「IMG_0001.HEIC」" in texts(kept)
    assert [r.content_type for r in rows(bot)] == ["application/pdf", "image/heic"]


def test_too_big_is_refused_before_anything_is_kept(bot, http):
    with bot.db.session() as s:
        open_case(s, "web", SENDER)
    cap = bot.settings.config.evidence.max_bytes
    big = jpeg() + b"\x00" * cap
    body = upload(http, "大图.jpg", big)
    assert "太大了" in texts(body) and "10 MB" in texts(body)
    assert rows(bot) == []


def test_path_traversal_and_control_characters_are_cleaned(bot, http):
    with bot.db.session() as s:
        open_case(s, "web", SENDER)
    body = upload(http, "../../etc/passwd\x07\u202egpj.jpg", jpeg("green"))
    (row,) = rows(bot)
    assert "/" not in row.original_name and "\x07" not in row.original_name
    assert "\u202e" not in row.original_name and ".." not in row.original_name
    assert row.original_name in texts(body)
    body = upload(http, "..\\..\\windows\\" + "长" * 300 + ".png", png("white"))
    newest = rows(bot)[-1]
    assert "\\" not in newest.original_name and len(newest.original_name) <= 80
    assert newest.original_name.endswith(".png")
    for r in rows(bot):  # stored inside the evidence folder only, under random names
        assert (bot.settings.evidence_dir / r.stored_name).is_file()


def test_the_folder_holds_exactly_the_kept_files(bot, http):
    """Refusals, duplicates and the engine's redo under the write lock leave no stray file."""
    with bot.db.session() as s:
        open_case(s, "web", SENDER)
        open_case(s, "web", SENDER, "工伤")
    upload(http, "a.jpg", jpeg("red"))
    upload(http, "b.jpg", HTML)
    upload(http, "c.pdf", PDF)
    folder = {p.name for p in bot.settings.evidence_dir.iterdir()}
    assert folder == {r.stored_name for r in rows(bot)} and len(folder) == 2


def test_a_file_in_the_middle_of_a_form_is_handled_and_the_form_goes_on(bot, http):
    with bot.db.session() as s:
        case_no = open_case(s, "web", SENDER).case_no
    r = http.post(
        "/chat/api/send",
        json={"sender": SENDER, "text": "我要申请调解", "message_id": "form-000001"},
    )
    assert "姓名" in r.json()["replies"][-1]["text"]
    body = upload(http, "工资条.jpg", jpeg())
    said = [r["text"] for r in body["replies"]]
    assert said[0].startswith(f"已收到您的材料「工资条.jpg」，已附到案件 {case_no}")
    assert "姓名" in said[-1] and "真实姓名" not in texts(body)  # asked again, not refused
    assert len(rows(bot)) == 1
