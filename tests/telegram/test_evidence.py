"""Photos and documents from Telegram: getFile and the file URL of the Bot API stand-in."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.channels.telegram import TelegramChannel
from bot.store.models import Evidence
from tests.evidence.samples import HTML, PDF, jpeg, open_case
from tests.telegram.conftest import Live, LiveChat, OfflineChat


def run(channel: TelegramChannel, scenario) -> None:  # noqa: ANN001
    async def go() -> None:
        await channel.application.initialize()
        try:
            await scenario()
        finally:
            await channel.application.shutdown()

    asyncio.run(go())


def evidence(db) -> list[Evidence]:  # noqa: ANN001
    with db.read() as s:
        return list(s.scalars(select(Evidence).order_by(Evidence.id)).all())


def test_a_photo_over_http_is_fetched_and_attached(live: Live):
    with live.app.db.session() as s:
        case_no = open_case(s, "telegram", "6001").case_no
    w = LiveChat(live, 6001)
    data = jpeg("orange", (1280, 960))
    update = w.user.photo(data)
    w.deliver(update)
    assert w.text.startswith(f"已收到您的材料「照片.jpg」，已附到案件 {case_no}")
    (row,) = evidence(live.app.db)
    assert row.channel == "telegram" and row.content_type == "image/jpeg"
    assert (live.app.settings.evidence_dir / row.stored_name).read_bytes() == data
    # the largest size was asked for, then fetched from the file URL
    (get_file,) = live.api.calls_to("getFile")
    assert get_file.params["file_id"] == update["message"]["photo"][-1]["file_id"]
    assert live.api.downloads == ["photos/file_0.jpg"]
    # Telegram delivers the same update again: not fetched, not attached, not answered twice
    w.deliver(update)
    assert w.last == [] and len(evidence(live.app.db)) == 1
    assert len(live.api.calls_to("getFile")) == 1


def test_documents_with_several_cases_and_limits(offline, api):
    chat = OfflineChat(offline, api, 6002)
    with offline.db.session() as s:
        first = open_case(s, "telegram", "6002").case_no
        second = open_case(s, "telegram", "6002", "加班费").case_no
    cap = offline.settings.config.evidence.max_bytes

    async def scenario() -> None:
        await chat.deliver(chat.user.document(PDF, "劳动合同.pdf", "application/pdf"))
        assert "请选择这份材料属于哪一件" in chat.text
        assert chat.buttons == [f"{first}（拖欠工资）", f"{second}（加班费）"]
        await chat.press(second)
        assert f"已收到您的材料「劳动合同.pdf」，已附到案件 {second}" in chat.text
        # a web page named .jpg, sent as a document: refused by its content
        await chat.deliver(chat.user.document(HTML, "工资条.jpg", "image/jpeg"))
        assert "只能收图片" in chat.text
        # Telegram says the file is too big: never downloaded
        downloads = len(api.downloads)
        await chat.deliver(chat.user.document(PDF, "扫描件.pdf", "application/pdf", cap + 1))
        assert "太大了" in chat.text and len(api.downloads) == downloads

    run(offline, scenario)
    (row,) = evidence(offline.db)
    assert row.original_name == "劳动合同.pdf" and row.content_type == "application/pdf"


def test_a_photo_without_a_case_is_not_kept(offline, api):
    chat = OfflineChat(offline, api, 6003)

    async def scenario() -> None:
        await chat.deliver(chat.user.photo(jpeg()))
        assert "没有进行中的调解案件" in chat.text and "申请调解" in chat.buttons

    run(offline, scenario)
    assert evidence(offline.db) == []
