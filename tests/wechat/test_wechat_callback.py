"""The callback's gate: URL verification, signatures, safe mode, malformed and oversized bodies."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from bot.store.models import Conversation, Event, ProcessedMessage
from tests.wechat.conftest import TOKEN, sign


def stored(bot) -> tuple[int, int, int]:
    with bot.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Conversation, Event, ProcessedMessage)
        )


def test_url_verification_echoes_echostr(http):
    now = str(int(time.time()))
    query = {"timestamp": now, "nonce": "42", "echostr": "5830937438947"}
    r = http.get("/webhooks/wechat", params={**query, "signature": sign(TOKEN, now, "42")})
    assert r.status_code == 200 and r.text == "5830937438947"
    r = http.get("/webhooks/wechat", params={**query, "signature": sign("wrong", now, "42")})
    assert r.status_code == 403 and "5830937438947" not in r.text
    assert http.get("/webhooks/wechat").status_code == 403


def test_safe_mode_reply_is_encrypted_and_signed(wechat):
    r = wechat.post(wechat.xml("o-safe-1", "text", Content="你好"))
    assert "<Encrypt>" in r.text and "小助手" not in r.text
    reply = wechat.reply(r)  # decrypts and checks the msg_signature, as WeChat does
    assert "小助手" in reply["Content"] and reply["MsgType"] == "text"


def test_forged_signature_is_refused_and_nothing_is_stored(bot, wechat):
    xml = wechat.xml("o-forged-1", "text", Content="我要申请劳动纠纷调解")
    assert wechat.post(xml, safe=False, signature="0" * 40).status_code == 403
    assert wechat.post(xml, safe=True, signature="0" * 40).status_code == 403
    assert wechat.post(xml, safe=True, msg_signature="0" * 40).status_code == 403
    assert stored(bot) == (0, 0, 0)


def test_malformed_xml_is_a_clean_400_with_nothing_stored(bot, wechat):
    for body in (
        b"<xml><ToUserName>",
        b"not xml at all",
        b"<xml><MsgType>text</MsgType></xml>",  # no sender
        b"<other><FromUserName>o-x</FromUserName></other>",
        "<xml><FromUserName>o-x</FromUserName><CreateTime>1</CreateTime><MsgType>text"
        "</MsgType><Content>无编号</Content></xml>".encode(),  # no MsgId: retries unrecognisable
        b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaa">]><xml>&a;</xml>',
    ):
        r = wechat.post(body)  # encrypted and signed: what is malformed is the message
        assert r.status_code == 400, body
    r = wechat.post(
        b"<xml><Encrypt>bm90IHJlYWxseQ==</Encrypt></xml>", safe=False, encrypt_type="aes"
    )
    assert r.status_code in (400, 403)
    assert stored(bot) == (0, 0, 0)


def test_encrypted_garbage_is_refused(bot, wechat):
    # a correctly signed envelope whose content does not decrypt to a message
    assert wechat.post("<xml><Content>x</Content></xml>").status_code == 400
    assert stored(bot) == (0, 0, 0)


def test_oversized_body_is_413(bot, wechat):
    big = wechat.xml("o-big-1", "text", Content="长" * 30_000)  # 90 KB
    assert wechat.post(big, safe=False).status_code == 413
    assert stored(bot) == (0, 0, 0)


def test_unknown_events_get_success_and_store_nothing(bot, wechat):
    assert wechat.event("o-view-1", "VIEW", "https://example.org/") is None
    assert wechat.event("o-view-1", "LOCATION") is None
    assert stored(bot) == (0, 0, 0)
