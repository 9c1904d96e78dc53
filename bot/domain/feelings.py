"""A worker who writes in distress or anger ("气死老子了!!! 老板跑路了 … 你们工会到底管不管嘛"):
a word that acknowledges it comes before the first question of a form, as a person at the
union desk would say it before taking the details."""

from __future__ import annotations

import re

_UPSET = re.compile(
    r"气死|气人|火大|冒火|恼火|受不了|欺负人|太欺负|没天理|造孽|遭罪|活不下去|没法活|急死|愁死"
    r"|到底管不管|管不管嘛|有没有人管|没人管|咋个办嘛|怎么办啊|哭|[!！]{2,}"
)
ACKNOWLEDGED = "遇到这种事确实让人着急上火，您先别急，工会帮您一起想办法。"


def sounds_upset(text: str | None) -> bool:
    return _UPSET.search(text or "") is not None
