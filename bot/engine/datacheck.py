"""`workerbot data validate`: the checks a broken data file must fail before it reaches a worker."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.core.yamlfile import read_yaml
from bot.domain.figures import unknown_keys
from bot.engine.domain import Domain
from bot.engine.rulecheck import contradicting_rules, incomplete_rules
from bot.engine.rules import RuleBook
from bot.knowledge.statutes import statutes
from intents import load_training_data
from intents.normalise import match_form

SCHEMAS = Path(__file__).parent / "rasa_schemas"
RASA_FILES = {
    "domain.yml": ["domain.yml", "responses.yml"],
    "nlu.yml": ["nlu.yml"],
    "rules.yml": ["stories.yml"],
}
# examples taught from /admin's misunderstood-message page (bot/retrain.py), when any exist
LEARNED = "nlu_learned.yml"
OPTIONAL_RASA_FILES = {LEARNED: ["nlu.yml"]}


@dataclass(frozen=True)
class Problem:
    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


def _load(path: Path) -> object:
    return read_yaml(path)


def rasa_schema_problems(data_dir: Path) -> list[Problem]:
    """Validate the Rasa files against Rasa 3's own schemas (as `rasa data validate` does)."""
    from pykwalify.core import Core
    from pykwalify.errors import SchemaError

    logging.getLogger("pykwalify").setLevel(logging.CRITICAL)
    problems = []
    files = list(RASA_FILES.items())
    files += [(n, sc) for n, sc in OPTIONAL_RASA_FILES.items() if (data_dir / n).exists()]
    for name, schemas in files:
        path = data_dir / name
        if not path.exists():
            problems.append(Problem(name, "missing"))
            continue
        core = Core(
            source_data=_load(path),
            schema_files=[str(SCHEMAS / s) for s in schemas],
            extensions=[str(SCHEMAS / "pykwalify_extensions.py")],
        )
        try:
            core.validate(raise_exception=True)
        except SchemaError as exc:
            problems.append(Problem(name, f"not valid Rasa 3 data: {exc.msg}"))
    return problems


def nlu_problems(data_dir: Path, domain: Domain) -> list[Problem]:
    """The same example under two intents (across nlu.yml and the learned examples); intents
    or entities the domain does not declare."""
    names = ["nlu.yml"] + ([LEARNED] if (data_dir / LEARNED).exists() else [])
    seen: dict[str, str] = {}
    problems = []
    for name in names:
        data = load_training_data([data_dir / name])
        for ex in data.examples:
            key = match_form(ex.text)
            other = seen.setdefault(key, ex.intent)
            if other != ex.intent:
                problems.append(
                    Problem(name, f"{ex.text!r} is an example of both {other} and {ex.intent}")
                )
            for ent in ex.entities:
                if ent["entity"] not in domain.entities:
                    problems.append(Problem(name, f"entity {ent['entity']!r} is not in the domain"))
        for intent in sorted({ex.intent for ex in data.examples} - set(domain.intents)):
            problems.append(Problem(name, f"intent {intent!r} is not in the domain"))
    return problems


def domain_rule_problems(data_dir: Path, domain: Domain) -> list[Problem]:
    """Intents used in rules but missing from the domain; responses used but never defined."""
    rules = RuleBook.load(data_dir / "rules.yml")
    problems = [Problem("domain.yml", p) for p in domain.validate_problems()]
    for intent in sorted(rules.intents() - set(domain.intents)):
        problems.append(Problem("rules.yml", f"intent {intent!r} is used but not in the domain"))
    for action in sorted(rules.action_names()):
        if action.startswith("utter_"):
            if action not in domain.responses:
                problems.append(
                    Problem("rules.yml", f"response {action!r} is used but not defined")
                )
        elif action not in domain.actions and not domain.is_form(action):
            problems.append(Problem("rules.yml", f"action {action!r} is not in the domain"))
    return problems + rasa_rule_problems(data_dir)


def rasa_rule_problems(data_dir: Path) -> list[Problem]:
    """What Rasa's RulePolicy refuses at training (bot/engine/rulecheck.py), in its words."""
    rules = (_load(data_dir / "rules.yml") or {}).get("rules") or []
    domain = _load(data_dir / "domain.yml") or {}
    problems = []
    incomplete = incomplete_rules(rules, domain)
    if incomplete:
        text = "\n".join(incomplete)
        problems.append(
            Problem(
                "rules.yml",
                f"Incomplete rules found (as `rasa train` reports them):\n{text}\nPlease note"
                " that if some slots or active loops should not be set during prediction you"
                " need to explicitly set them to 'null' in the rules.",
            )
        )
    contradicting = contradicting_rules(rules, domain)
    if contradicting:
        text = "\n".join(contradicting)
        problems.append(Problem("rules.yml", f"Contradicting rules found:\n{text}"))
    return problems


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
