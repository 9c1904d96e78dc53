"""A scheduled session on a Telegram worker's channel: the notice arrives through the Bot API
stand-in with 确认 / 改时间 as inline buttons, and pressing one reaches the case."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from bot.channels.telegram import TelegramChannel
from bot.mediation.desk import Desk
from bot.staff import accounts, notices
from bot.store.mediators import load_mediators
from tests.desk.conftest import PASSWORD, case_row, file_case, mediator_id, timeline
from tests.telegram.conftest import OfflineChat, build_app, button_titles, tg_settings
from tests.telegram.fake_api import FakeBotApi, OfflineRequest

CHAT = 5151


def test_a_telegram_worker_confirms_a_session_with_the_inline_button(tmp_path, model_dir):
    api = FakeBotApi()
    app = build_app(tg_settings(tmp_path, model_dir))
    channel = TelegramChannel(
        app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
    )
    app.channels.register(channel)
    chat = OfflineChat(channel, api, CHAT)
    load_mediators(app.db, app.settings.data_dir / "mediators.yml")
    liu = accounts.create_user(
        app.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(app, "刘芳")
    )
    desk = Desk(app.db, app.clock, app.settings.config.mediation)

    async def flow() -> list[dict]:
        await channel.start()
        try:
            await chat.say("你好")
            case_id = await asyncio.to_thread(file_case, app, str(CHAT), "刘芳", None, "telegram")
            await asyncio.to_thread(desk.accept, liu, case_id)
            day = (date.today() + timedelta(days=3)).isoformat()
            done = await asyncio.to_thread(
                desk.schedule, liu, case_id, day, "15:00", "区总工会三楼调解室", False
            )
            outcomes = await notices.deliver_all(app.channels, done.pushes)
            assert [o.label for o in outcomes] == ["已通知"]
            pushed = api.sent(CHAT)[-1]
            assert "已安排调解" in pushed["text"] and "15:00" in pushed["text"]
            assert button_titles([pushed]) == ["确认", "改时间"]
            replies = await chat.press("确认")
            return [case_id, replies]
        finally:
            await channel.stop()

    try:
        case_id, replies = asyncio.run(flow())
        assert "您会参加" in "\n".join(m["text"] for m in replies)
        kind, actor, note = timeline(app, case_id)[-1]
        assert (kind, actor) == ("session_reply", "worker") and "职工已确认" in note
        assert case_row(app, case_id).status == "mediating"
    finally:
        app.db.dispose()
