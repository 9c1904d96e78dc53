"""Reading our YAML files (domain, rules, config, seed data) with libyaml's parser when the
installed PyYAML has it: the same safe loading, several times faster at start-up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """yaml.safe_load, through libyaml when available."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def read_yaml(path: Path) -> Any:
    """A UTF-8 YAML file, safely parsed."""
    return parse_yaml(Path(path).read_text(encoding="utf-8"))


_BOOL = "tag:yaml.org,2002:bool"


class RasaLoader(SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader with YAML 1.2's booleans, as Rasa reads its files (ruamel.yaml): only
    true/false are booleans; "yes", "no", "on", "off" stay text (a worker's "yes" in a test
    story is what they typed)."""


RasaLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
RasaLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_rasa_yaml(text: str) -> Any:
    """YAML read as Rasa reads it (YAML 1.2 booleans)."""
    return yaml.load(text, Loader=RasaLoader)  # noqa: S506 - a safe loader
