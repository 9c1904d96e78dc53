"""The articles an FAQ entry cites, shown beside its answer on the edit page."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.statutes import citations, statutes


@dataclass(frozen=True)
class Cited:
    """One cited article: its text when the statute data holds it; `unchecked` for a citation
    the data cannot check (a regulation, a local rule); `missing` for an article of a law
    held that does not exist."""

    label: str
    text: str = ""
    unchecked: bool = False
    missing: bool = False


def cited_articles(source: str | None) -> list[Cited]:
    """Each citation of the source, in order, with what the statute data says about it."""
    law = statutes()
    found: list[Cited] = []
    for cited in citations(source or ""):
        name = law.full_name(cited.act)
        if name is None:
            found.append(Cited(f"《{cited.act}》", unchecked=True))
            continue
        if not cited.articles:
            found.append(Cited(f"《{cited.act}》", "（整部法律，未引用具体条文）"))
        for article in cited.articles:
            text = law.acts[name].get(article)
            label = f"《{cited.act}》{article}"
            found.append(Cited(label, text) if text else Cited(label, missing=True))
    return found
