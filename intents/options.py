"""Plain data types shared by the NLU modules (kept separate to avoid import cycles)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class NLUOptions:
    """Settings for training and parsing; mirrors the `nlu:` section of config.yml."""

    ngram_min: int = 1
    ngram_max: int = 3
    fallback_threshold: float = 0.4
    ambiguity_threshold: float = 0.08
    max_classify_chars: int = 300
    analyzer: str = "char_wb"
    # inverse regularisation of the logistic regression (30: best held-out accuracy, see
    # docs/benchmarks.md)
    C: float = 30.0

    def to_dict(self) -> dict:
        """Give a JSON-able dict so options can be fingerprinted and saved with a model."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> NLUOptions:
        """Build options from a config mapping, ignoring keys this version does not know."""
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class CourseRef:
    """What the entity extractor needs to know about one catalogue course."""

    code: str
    name: str
    category: str = ""
    keywords: list[str] = field(default_factory=list)
