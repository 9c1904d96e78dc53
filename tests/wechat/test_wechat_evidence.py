"""Photos on WeChat: the image message through the real crypto path, the file from media/get."""

from __future__ import annotations

from sqlalchemy import select

from bot.store.models import Evidence
from tests.evidence.samples import HTML, jpeg, open_case, png
from tests.wechat.conftest import option


def evidence(bot) -> list[Evidence]:  # noqa: ANN001
    with bot.db.read() as s:
        return list(s.scalars(select(Evidence).order_by(Evidence.id)).all())


def image(wechat, wechat_api, openid: str, data: bytes, kind: str = "image/jpeg") -> str:
    media_id = wechat_api.add_media(data, kind)
    return wechat.xml(openid, "image", PicUrl="http://mmbiz.qpic.cn/x/0", MediaId=media_id)


def answer(wechat, wechat_api, response, sent_before: int) -> str:  # noqa: ANN001
    """The passive reply, or what came by customer service once the download took longer."""
    found = wechat.reply(response)
    if found is not None:
        return found["Content"]
    return wechat_api.wait_for(sent_before + 1)[-1]["body"]["text"]["content"]


def test_a_photo_is_downloaded_and_attached_once_despite_retries(bot, wechat, wechat_api):
    with bot.db.session() as s:
        case_no = open_case(s, "wechat", "o-evid-1").case_no
    data = jpeg("purple")
    xml = image(wechat, wechat_api, "o-evid-1", data)
    text = answer(wechat, wechat_api, wechat.post(xml), 0)
    assert text.startswith(f"已收到您的材料「图片.jpg」，已附到案件 {case_no}")
    (row,) = evidence(bot)
    assert (bot.settings.evidence_dir / row.stored_name).read_bytes() == data
    (got,) = [c for c in wechat_api.calls if c["endpoint"] == "media/get"]
    assert got["query"]["media_id"] and got["query"]["access_token"].startswith("ACCESS-TOKEN-")
    # WeChat retries the same MsgId (freshly signed, as it does): attached once
    wechat.post(xml)
    wechat.post(xml)
    assert len(evidence(bot)) == 1


def test_a_png_is_named_by_its_content_and_a_fake_image_refused(bot, wechat, wechat_api):
    with bot.db.session() as s:
        open_case(s, "wechat", "o-evid-2")
    text = answer(wechat, wechat_api, wechat.post(image(wechat, wechat_api, "o-evid-2", png())), 0)
    assert "「图片.png」" in text
    sent = len(wechat_api.sent())
    fake = image(wechat, wechat_api, "o-evid-2", HTML, "image/jpeg")
    assert "只能收图片" in answer(wechat, wechat_api, wechat.post(fake), sent)
    assert [r.content_type for r in evidence(bot)] == ["image/png"]


def test_several_cases_are_offered_as_numbers(bot, wechat, wechat_api):
    with bot.db.session() as s:
        open_case(s, "wechat", "o-evid-3")
        second = open_case(s, "wechat", "o-evid-3", "工伤").case_no
    text = answer(wechat, wechat_api, wechat.post(image(wechat, wechat_api, "o-evid-3", jpeg())), 0)
    assert "请选择这份材料属于哪一件" in text
    picked = wechat.say("o-evid-3", option(text, second))
    assert f"已附到案件 {second}" in picked
    (row,) = evidence(bot)
    assert row.case_id is not None


def test_no_case_and_an_expired_media_id(bot, wechat, wechat_api):
    text = answer(wechat, wechat_api, wechat.post(image(wechat, wechat_api, "o-evid-4", jpeg())), 0)
    assert "没有进行中的调解案件" in text and option(text, "申请调解")
    xml = wechat.xml("o-evid-4", "image", PicUrl="http://x", MediaId="EXPIRED_MEDIA_ID")
    assert "没有接收成功" in answer(wechat, wechat_api, wechat.post(xml), len(wechat_api.sent()))
    assert evidence(bot) == []
