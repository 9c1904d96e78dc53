"""Stand-ins for the pointed rules' tests: the knowledge hands back the slug asked for, as the
entry, and the answer before is only what the rules read of it."""

from __future__ import annotations

from dataclasses import dataclass


class SlugKnowledge:
    def get(self, slug: str) -> str:
        return slug


@dataclass
class Previous:
    slug: str = ""
    question: str = ""
    answer: str = ""
    category: str = ""
