"""Grouping the open misunderstood messages by similarity (char n-gram TF-IDF cosine)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from bot.domain.phrasing import phrasing_key
from bot.store.db import Database
from bot.store.models import MISS_OPEN, MisunderstoodMessage

GROUP_THRESHOLD = 0.5
# intents reached only by buttons: never suggested for teaching
PAYLOAD_ONLY_INTENTS = frozenset({"nlu_fallback", "faq_feedback"})


@dataclass
class Item:
    id: int
    text: str
    reason: str
    intent: str | None
    confidence: float | None
    faq_slug: str | None
    channel: str
    created_at: datetime


@dataclass
class Group:
    """Similar open messages; the representative is the most frequent phrasing."""

    representative: str
    items: list[Item] = field(default_factory=list)

    @property
    def key(self) -> int:
        return min(i.id for i in self.items)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def ids(self) -> list[int]:
        return [i.id for i in self.items]

    @property
    def reasons(self) -> list[tuple[str, int]]:
        return Counter(i.reason for i in self.items).most_common()

    @property
    def latest(self) -> datetime:
        return max(i.created_at for i in self.items)

    @property
    def suggested_faq(self) -> str | None:
        """The entry most often involved (the answer found unhelpful, the nearest miss)."""
        slugs = Counter(i.faq_slug for i in self.items if i.faq_slug)
        return slugs.most_common(1)[0][0] if slugs else None

    def suggested_intent(self, sure: float) -> str | None:
        """The intent to pre-select for teaching: only one the model was sure of (`sure`:
        the review threshold) for these messages, so one careless click cannot teach a guess."""
        found = Counter(
            i.intent
            for i in self.items
            if i.intent
            and i.intent not in PAYLOAD_ONLY_INTENTS
            and i.confidence is not None
            and i.confidence >= sure
        )
        return found.most_common(1)[0][0] if found else None


def top_guesses(ranking: Sequence[dict], n: int = 3) -> list[tuple[str, float]]:
    """The model's best guesses for a message, (intent, confidence), best first."""
    guesses = [
        (str(r["name"]), float(r.get("confidence") or 0.0))
        for r in ranking
        if r.get("name") and r["name"] not in PAYLOAD_ONLY_INTENTS
    ]
    return guesses[:n]


group_key = phrasing_key


def group_items(items: Sequence[Item], threshold: float = GROUP_THRESHOLD) -> list[Group]:
    """Group by char 1-3-gram TF-IDF cosine (leader clustering; deterministic).

    Identical phrasings are merged first; phrasings are then visited most frequent first,
    each joining the most similar earlier leader at or above `threshold`, else leading a new
    group. Groups are sorted by size, then by their newest message.
    """
    if not items:
        return []
    by_key: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: i.id):
        by_key.setdefault(group_key(item.text), []).append(item)
    keys = sorted(by_key, key=lambda k: (-len(by_key[k]), by_key[k][0].id))
    leader_of = _leaders(keys, threshold)
    groups: dict[int, Group] = {}
    for index, key in enumerate(keys):
        lead = leader_of[index]
        if lead not in groups:
            newest = max(by_key[keys[lead]], key=lambda i: i.id)
            groups[lead] = Group(representative=newest.text)
        groups[lead].items.extend(by_key[key])
    result = list(groups.values())
    for g in result:
        g.items.sort(key=lambda i: i.id, reverse=True)
    result.sort(key=lambda g: (-g.count, -max(g.ids)))
    return result


def _leaders(keys: list[str], threshold: float) -> list[int]:
    """For each phrasing (in order), the index of the phrasing that leads its group."""
    if len(keys) == 1:
        return [0]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(
        analyzer="char", ngram_range=(1, 3), sublinear_tf=True, lowercase=False
    ).fit_transform(keys)
    similar = (vectors @ vectors.T).tocsr()
    leader_of = [-1] * len(keys)
    for i in range(len(keys)):
        start, end = similar.indptr[i], similar.indptr[i + 1]
        best, best_sim = i, threshold - 1e-9
        for j, sim in zip(similar.indices[start:end], similar.data[start:end], strict=True):
            if j >= i or leader_of[j] != j or sim < best_sim:
                continue
            if sim > best_sim + 1e-9 or j < best:  # ties go to the earlier leader
                best, best_sim = int(j), float(sim)
        leader_of[i] = best
    return leader_of


def open_items(db: Database) -> list[Item]:
    """Every open message, oldest first."""
    with db.read() as s:
        rows = s.execute(
            select(
                MisunderstoodMessage.id,
                MisunderstoodMessage.text,
                MisunderstoodMessage.reason,
                MisunderstoodMessage.intent,
                MisunderstoodMessage.confidence,
                MisunderstoodMessage.faq_slug,
                MisunderstoodMessage.channel,
                MisunderstoodMessage.created_at,
            )
            .where(MisunderstoodMessage.status == MISS_OPEN)
            .order_by(MisunderstoodMessage.id)
        ).all()
    return [Item(*row) for row in rows]


class GroupCache:
    """Groups of the open messages, recomputed only when the open set changes."""

    def __init__(self, threshold: float = GROUP_THRESHOLD) -> None:
        self.threshold = threshold
        self._key: tuple[int, ...] | None = None
        self._groups: list[Group] = []

    def groups(self, db: Database) -> list[Group]:
        items = open_items(db)
        key = tuple(i.id for i in items)
        if key != self._key:
            self._groups, self._key = group_items(items, self.threshold), key
        return self._groups
