"""The FAQ's part of `workerbot data validate`: entries complete, figures known, citations
checked against the statute text."""

from __future__ import annotations

from pathlib import Path

from bot.core.dataproblem import Problem
from bot.core.yamlfile import read_yaml
from bot.domain.figures import unknown_keys
from bot.knowledge.statutes import statutes
from intents.normalise import match_form


def _load(path: Path) -> object:
    return read_yaml(path)


def faq_problems(data_dir: Path) -> list[Problem]:
    """FAQ entries without a source or answer, or quoting a local figure that does not exist
    (bot/domain/figure_catalogue.py); the same question under two entries."""
    raw = _load(data_dir / "faq.yml") or {}
    problems, owner = [], {}
    for entry in raw.get("faq", []) or []:
        slug = entry.get("id", "?")
        if not str(entry.get("source") or "").strip():
            problems.append(Problem("faq.yml", f"{slug}: no source (law and article)"))
        if not str(entry.get("answer") or "").strip():
            problems.append(Problem("faq.yml", f"{slug}: no answer"))
        for key in unknown_keys(str(entry.get("answer") or "")):
            problems.append(
                Problem("faq.yml", f"{slug}: {{{{figure:{key}}}}} is not a local figure key")
            )
        for text in [entry.get("question", ""), *(entry.get("alternates") or [])]:
            key = match_form(str(text))
            first = owner.setdefault(key, slug)
            if first != slug:
                problems.append(
                    Problem("faq.yml", f"{text!r} is a question of both {first} and {slug}")
                )
    return problems


def citation_report(data_dir: Path) -> tuple[list[Problem], int, list[str]]:
    """Every FAQ citation of a law in the statute data, checked against its current text:
    (problems, articles checked, acts the data cannot check: regulations, rules, local law)."""
    raw = _load(data_dir / "faq.yml") or {}
    law = statutes()
    problems: list[Problem] = []
    checked, unchecked = 0, set()
    for entry in raw.get("faq", []) or []:
        report = law.check(str(entry.get("source") or ""))
        checked += report.checked
        unchecked.update(report.unchecked)
        problems += [Problem("faq.yml", f"{entry.get('id', '?')}: {w}") for w in report.wrong]
    return problems, checked, sorted(unchecked)
