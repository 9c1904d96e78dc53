"""Telegram's wire rules without the SDK: commands, message length, keyboard layout, notices."""

from __future__ import annotations

import re

CHANNEL = "telegram"

# Telegram's limits (https://core.telegram.org/bots/api#sendmessage, #inlinekeyboardbutton)
MAX_TEXT = 4096  # UTF-16 code units, counted after entity parsing (we send plain text)
MAX_CALLBACK_BYTES = 64

# our commands -> the engine payload each one stands for, and the menu clients show
COMMAND_PAYLOADS = {
    "start": "/greet",
    "menu": "/help",
    "help": "/help",
    "cancel": "/cancel",
    "human": "/human_handoff",
}
COMMAND_MENU = [
    ("start", "开始 / 主菜单"),
    ("menu", "功能菜单：课程、调解、政策、人工"),
    ("help", "使用说明"),
    ("cancel", "取消正在办理的事项"),
    ("human", "转人工服务"),
]

NOTICE_VOICE = "抱歉，我暂时还听不懂语音消息 🙏 请直接打字告诉我您需要什么帮助，或发送“转人工”。"
NOTICE_STICKER = "收到您的表情啦 😊 不过我只能读懂文字，请用文字告诉我您需要什么帮助。"
NOTICE_MEDIA = (
    "抱歉，我目前看不了视频、音频或位置 🙏 请用文字描述您的问题；"
    "调解案件的证据材料请用照片或 PDF 文件发给我。"
)
NOTICE_CAPTION = "视频和音频我暂时看不了，下面先回复您写的文字。"
NOTICE_GROUP = "为保护您的个人信息，请私聊我办理课程报名、调解申请或政策咨询。"
NOTICE_BUTTON_USED = "这个按钮已经用过了"
NOTICE_BUTTON_EXPIRED = "这个按钮已失效，请重新发送您的问题"
NOTICE_BUTTON_ERROR = "系统繁忙，请稍后再试"
NOTICE_RETRY = "抱歉，系统刚才繁忙，您的上一条消息没有处理成功，请再发送一次。"
PICKED_PREFIX = "👉 已选择："
BUTTON_PROMPT = "请选择："

_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s|$)")
_SENTENCE_ENDS = "。！？!?；;…"
_SOFT_BREAKS = "，,、：: "


def command_payload(text: str, bot_username: str | None) -> str | None:
    """The engine payload for one of our commands (with or without @botname); else None."""
    m = _COMMAND.match(text.strip())
    if not m:
        return None
    name, addressee = m.group(1).lower(), m.group(2)
    if name not in COMMAND_PAYLOADS:
        return None
    if addressee and bot_username and addressee.lower() != bot_username.lower():
        return None  # a command for another bot in a group
    return COMMAND_PAYLOADS[name]


def is_command(text: str) -> bool:
    """True when the text is one of our commands, whichever bot it names."""
    m = _COMMAND.match(text.strip())
    return bool(m) and m.group(1).lower() in COMMAND_PAYLOADS


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (characters outside the BMP count twice)."""
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> int:
    """How many characters of text fit in `limit` UTF-16 units."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def _cut(head: str) -> int:
    """Where to end a chunk inside `head`: the last paragraph, line, sentence or phrase end."""
    floor = len(head) // 3  # never leave a tiny first chunk just to find a boundary
    for marks in ("\n\n", "\n"):
        at = head.rfind(marks)
        if at > floor:
            return at + len(marks)
    for marks in (_SENTENCE_ENDS, _SOFT_BREAKS):
        at = max(head.rfind(c) for c in marks)
        if at > floor:
            return at + 1
    return len(head)


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Pieces Telegram accepts, each at most `limit` units, cut at paragraph/line/sentence ends."""
    text = text.strip()
    chunks: list[str] = []
    while text:
        n = _fit(text, limit)
        if n >= len(text):
            chunks.append(text)
            break
        cut = _cut(text[:n])
        piece = text[:cut].rstrip()
        if piece:
            chunks.append(piece)
        text = text[cut:].lstrip()
    return chunks


def keyboard_rows(titles: list[str]) -> list[list[int]]:
    """Button indexes by row: two per row when every title is short (the menu), else one."""
    if len(titles) > 1 and all(len(t) <= 6 for t in titles):
        return [list(range(i, min(i + 2, len(titles)))) for i in range(0, len(titles), 2)]
    return [[i] for i in range(len(titles))]


def fits_callback(payload: str) -> bool:
    return len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES
