"""Emoji and WeChat emoticon codes ([微笑], [强]) read as the words they stand for.

Workers often answer with a single emoji or a WeChat sticker code; the character model has
no n-grams for them, so they are replaced by plain words before matching. Only the common,
unambiguous ones are listed; anything else is left as it is.
"""

from __future__ import annotations

import re

# emoji (after NFKC folding; variation selectors are stripped first) -> words
_EMOJI = {
    "👋": "你好",
    "🙋": "你好",
    "👍": "好的",
    "👌": "好的",
    "✅": "好的",
    "✔": "好的",
    "👎": "不要",
    "❌": "不要",
    "🙏": "谢谢",
    "💐": "谢谢",
    "🌹": "谢谢",
    "😡": "气死了",
    "😠": "气死了",
    "🤬": "气死了",
    "😤": "气死了",
    "💢": "气死了",
    "🙄": "无语",
    "😒": "无语",
    "😑": "无语",
    "👿": "气死了",
    "😭": "难受",
    "😢": "难受",
    "💔": "难受",
    "🆘": "救命",
    "❓": "?",
    "❔": "?",
}

# WeChat's built-in stickers arrive as text codes
_WECHAT = {
    "[微笑]": "你好",
    "[强]": "好的",
    "[ok]": "好的",
    "[胜利]": "好的",
    "[握手]": "好的",
    "[弱]": "不要",
    "[抱拳]": "谢谢",
    "[玫瑰]": "谢谢",
    "[爱心]": "谢谢",
    "[发怒]": "气死了",
    "[怄火]": "气死了",
    "[白眼]": "无语",
    "[无语]": "无语",
    "[流泪]": "难受",
    "[大哭]": "难受",
    "[再见]": "再见",
    "[拜拜]": "再见",
    "[晚安]": "晚安",
    "[疑问]": "?",
}

_VARIATION = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")  # text/emoji style, skin tones
_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted([*_EMOJI, *_WECHAT], key=len, reverse=True))
)
_TABLE = {**_EMOJI, **_WECHAT}


def emoji_words(text: str) -> str:
    """Replace known emoji and WeChat sticker codes by their words (text already lowercased)."""
    if text.isascii() and "[" not in text:
        return text
    text = _VARIATION.sub("", text)
    return _PATTERN.sub(lambda m: _TABLE[m.group(0)], text)
