"""How well the closest-article fallback separates labour questions from everything else.

For each threshold: the share of off-FAQ labour questions that get at least one article, and
the share of out-of-scope messages that wrongly get one (bench/data/law_articles.yml). With
--write, the table goes to docs/benchmarks.md (section LAW_ARTICLES).

    .venv/bin/python bench/law_articles.py [--write]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docsection import write_section  # noqa: E402

from bot.knowledge.articles import ARTICLE_THRESHOLD, article_index  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "law_articles.yml"
THRESHOLDS = (0.10, 0.15, 0.18, 0.20, 0.22, 0.25, 0.30)


def main() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    index = article_index()
    rows = []
    for t in THRESHOLDS:
        labour = sum(bool(index.closest(q, t)) for q in data["labour"])
        wrong = sum(bool(index.closest(q, t)) for q in data["out_of_scope"])
        mark = " (used)" if abs(t - ARTICLE_THRESHOLD) < 1e-9 else ""
        rows.append(
            f"| {t:.2f}{mark} | {labour}/{len(data['labour'])} | "
            f"{wrong}/{len(data['out_of_scope'])} |"
        )
    misses = [q for q in data["labour"] if not index.closest(q)]
    lines = [
        "<!-- LAW_ARTICLES:BEGIN (written by bench/law_articles.py) -->",
        "| threshold | labour questions given articles | out-of-scope given articles |",
        "|---|---|---|",
        *rows,
        "",
        f"Labour questions without articles at {ARTICLE_THRESHOLD:.2f}: "
        + ("、".join(misses) or "none"),
        "<!-- LAW_ARTICLES:END -->",
    ]
    section = "\n".join(lines)
    print(section)
    if "--write" in sys.argv:
        heading = (
            "## Law articles when no FAQ entry is close (issue 14)\n\n"
            "A question the FAQ cannot answer gets the closest articles of the labour laws held"
            " (bot/knowledge/articles.py) when one is above the threshold and shares a"
            " two-character term with it. The article gate is measured alone on"
            " bench/data/law_articles.yml (32 labour questions on topics the FAQ may not cover,"
            " 24 out-of-scope messages); in the bot, greetings and out-of-scope messages do not"
            " reach it at all (their own intents), so this is the second line.\n\n"
        )
        write_section("LAW_ARTICLES", section, heading)


if __name__ == "__main__":
    main()
