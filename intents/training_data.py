"""Parse Rasa 3 NLU training data (YAML) into plain Python structures."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

log = logging.getLogger(__name__)

# Same shape as Rasa's ENTITY_REGEX: [text](entity), [text](entity:value), [text]{json},
# and [text][{json}, {json}] (several entities on one span; the first is used).
ENTITY_ANNOTATION = re.compile(
    r"\[(?P<text>[^\]]+?)\]"
    r"(?:\((?P<entity>[^:)]+?)(?::(?P<value>[^)]+))?\)"
    r"|(?P<dict>\{[^}]+?\})"
    r"|(?P<list>\[[^\]]*?\]))"
)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Example:
    """One training utterance with annotation markup removed."""

    text: str
    intent: str
    entities: list[dict] = field(default_factory=list)


@dataclass
class TrainingData:
    """Everything an `nlu:` section can hold that the interpreter uses."""

    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def intents(self) -> list[str]:
        """Sorted intent names, so callers need not scan the examples."""
        return sorted({e.intent for e in self.examples})

    def merge(self, other: TrainingData) -> None:
        """Add another file's content to this one (later synonyms override earlier)."""
        self.examples.extend(other.examples)
        self.synonyms.update(other.synonyms)
        for name, items in other.lookups.items():
            self.lookups.setdefault(name, []).extend(items)
        for name, items in other.regexes.items():
            self.regexes.setdefault(name, []).extend(items)


def parse_annotated(text: str) -> tuple[str, list[dict]]:
    """Strip entity markup from one example and return (plain text, entities with offsets)."""
    entities: list[dict] = []
    parts: list[str] = []
    pos = 0
    length = 0
    for m in ENTITY_ANNOTATION.finditer(text):
        before = text[pos : m.start()]
        parts.append(before)
        length += len(before)
        surface = m.group("text")
        info = _annotation_info(m)
        if info is not None:
            ent = {
                "entity": info["entity"],
                "value": info.get("value", surface),
                "start": length,
                "end": length + len(surface),
            }
            for extra in ("role", "group"):
                if extra in info:
                    ent[extra] = info[extra]
            entities.append(ent)
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), entities


def _annotation_info(m: re.Match) -> dict | None:
    """Read the entity name/value of one annotation in any of the three syntaxes."""
    if m.group("entity"):
        info = {"entity": m.group("entity").strip()}
        if m.group("value"):
            info["value"] = m.group("value").strip()
        return info
    raw = m.group("dict") or m.group("list")
    try:
        data = json.loads(raw)
    except ValueError:
        log.warning("bad entity annotation %r", m.group(0))
        return None
    if isinstance(data, list):
        data = data[0] if data and isinstance(data[0], dict) else {}
    if not isinstance(data, dict) or "entity" not in data:
        log.warning("entity annotation without 'entity': %r", m.group(0))
        return None
    return {k: str(v) if k == "value" else v for k, v in data.items()}


def _example_lines(examples: object) -> list[str]:
    """Turn an `examples:` value (block string or list) into the example strings."""
    if isinstance(examples, str):
        lines = []
        for line in examples.splitlines():
            line = line.strip()
            if line.startswith("-"):
                item = line[1:].strip()
                if item:
                    lines.append(item)
        return lines
    if isinstance(examples, list):
        out = []
        for item in examples:
            text = item.get("text") if isinstance(item, dict) else item
            if isinstance(text, str) and text.strip():
                out.append(text.strip())
        return out
    return []


def parse_nlu(content: dict | None, source: str = "<string>") -> TrainingData:
    """Read the `nlu:` items of one parsed YAML document."""
    data = TrainingData()
    items = (content or {}).get("nlu") or []
    for item in items:
        if not isinstance(item, dict):
            continue
        lines = _example_lines(item.get("examples"))
        if "intent" in item:
            intent = str(item["intent"]).strip()
            for line in lines:
                text, entities = parse_annotated(line)
                data.examples.append(Example(text=text, intent=intent, entities=entities))
                for ent in entities:
                    surface = text[ent["start"] : ent["end"]]
                    if ent["value"] != surface:
                        data.synonyms[surface] = ent["value"]
        elif "synonym" in item:
            for line in lines:
                data.synonyms[line] = str(item["synonym"])
        elif "lookup" in item:
            data.lookups.setdefault(str(item["lookup"]), []).extend(lines)
        elif "regex" in item:
            data.regexes.setdefault(str(item["regex"]), []).extend(lines)
        else:
            log.warning("%s: unknown nlu item with keys %s", source, sorted(item))
    return data


def load_training_data(paths: list[Path]) -> TrainingData:
    """Load and merge several Rasa NLU YAML files (missing `nlu:` sections are fine)."""
    data = TrainingData()
    for path in paths:
        path = Path(path)
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        data.merge(parse_nlu(content if isinstance(content, dict) else None, str(path)))
    return data
