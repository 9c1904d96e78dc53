"""The Rasa files' part of `workerbot data validate` (bot/app/datacheck.py runs every check)."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.core.dataproblem import Problem
from bot.core.yamlfile import read_yaml
from bot.engine.domain import Domain
from bot.engine.rulecheck import contradicting_rules, incomplete_rules
from bot.engine.rules import RuleBook
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
