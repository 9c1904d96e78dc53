"""`workerbot data validate`: every check a broken data file must fail before it reaches a
worker. It joins the engine's Rasa checks and the knowledge base's FAQ checks, so it lives at
the composition root (the engine never imports the knowledge base)."""

from __future__ import annotations

from pathlib import Path

from bot.core.dataproblem import Problem
from bot.engine.datacheck import domain_rule_problems, nlu_problems, rasa_schema_problems
from bot.engine.domain import Domain
from bot.knowledge.datacheck import citation_report, faq_problems


def validate(data_dir: Path) -> list[Problem]:
    """Every check; an empty list means the data is fit to train and serve."""
    problems = rasa_schema_problems(data_dir)
    if problems:
        return problems
    domain = Domain.load(data_dir / "domain.yml")
    return (
        domain_rule_problems(data_dir, domain)
        + nlu_problems(data_dir, domain)
        + faq_problems(data_dir)
        + citation_report(data_dir)[0]
    )
