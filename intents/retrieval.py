"""FAQ retrieval: character n-gram TF-IDF cosine, fused with query-coverage, max per FAQ."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from intents.colloquial import standardise
from intents.features import TfidfFeatures
from intents.homophones import Homophones
from intents.normalise import match_form

# question words and particles that carry no topic; removed before matching
_FILLERS = (
    "请问一下", "请问", "想问一下", "想问", "问一下", "我想知道", "怎么样", "怎么办", "怎么",
    "什么", "如何", "有没有", "是不是", "能不能", "可不可以", "吗", "呢", "吧", "啊", "呀", "嘛",
    "哦", "了", "的", "我", "你们", "你", "一下",
    "?", "!", ",", ".", "。", "，", "？", "！", "、", "~", " ",
)  # fmt: skip


@dataclass
class FaqDoc:
    """One policy answer's question and its alternate phrasings."""

    slug: str
    question: str
    alternates: list[str] = field(default_factory=list)
    category: str = ""
    # the general rule of its topic (年假有几天), not a special case of it (刚换工作的年假):
    # in a near-tie with a special case of the same topic, the general rule comes first
    general: bool = False


@dataclass(frozen=True)
class Match:
    """A FAQ slug and how well the query matched it (0..1)."""

    slug: str
    score: float


@dataclass(frozen=True)
class RetrievalOptions:
    """Feature and score-fusion settings; thresholds are used by callers (config.yml)."""

    ngram_min: int = 1
    ngram_max: int = 2
    coverage_weight: float = 0.3
    # weight of the whole-entry score (all phrasings of an entry as one text) against the
    # best single phrasing: general questions then find the entry about the topic, not a
    # narrow alternate that shares a few words
    entry_weight: float = 1.0
    # rewrite workers' words to the FAQ's terms (intents/colloquial.py) on both sides
    colloquial: bool = True
    # read typed-by-sound mistakes as the FAQ's words (劳动中裁 -> 劳动仲裁; intents/homophones.py)
    homophones: bool = True
    answer_threshold: float = 0.45
    likely_threshold: float | None = None
    suggest_threshold: float = 0.25
    ambiguity_margin: float = 0.05
    max_suggestions: int = 3
    # how close a general entry must be to a special case of its topic to be put first
    general_margin: float = 0.03


def _form(text: str, colloquial: bool) -> str:
    """`match_form`, plus the colloquial -> FAQ-term rewriting when enabled."""
    form = match_form(text)
    return standardise(form) if colloquial else form


def _topic(text: str, colloquial: bool = False) -> str:
    """Matching form of a question with filler words stripped (kept if nothing is left)."""
    return _strip_fillers(_form(text, colloquial))


def _strip_fillers(form: str) -> str:
    out = form
    for filler in _FILLERS:
        out = out.replace(filler, "")
    return out or form


class KnowledgeBase:
    """Searches FAQ phrasings; one Match per slug with its best phrasing's score."""

    def __init__(self, docs: list[FaqDoc], options: RetrievalOptions | None = None) -> None:
        self.options = options or RetrievalOptions()
        self.docs = list(docs)
        texts: list[str] = []
        owners: list[int] = []
        forms: list[str] = []
        for i, doc in enumerate(self.docs):
            for phrasing in [doc.question, *doc.alternates]:
                form = _form(phrasing, self.options.colloquial)
                forms.append(form)
                topic = _strip_fillers(form)
                if topic:
                    texts.append(topic)
                    owners.append(i)
        self.homophones = Homophones(forms) if self.options.homophones else None
        self._owners = np.asarray(owners, dtype=np.int64)
        self._count = len(texts)
        if not texts:
            self.features = None
            return
        o = self.options
        self.features = TfidfFeatures.fit(texts, o.ngram_min, o.ngram_max, "char")
        # inverted index: n-gram id -> (phrasing rows, weights), for sparse cosine
        postings: dict[int, tuple[list[int], list[float]]] = {}
        self._bigrams: list[set[str]] = []
        for row, text in enumerate(texts):
            idx, w = self.features.transform_one(text)
            for j, weight in zip(idx.tolist(), w.tolist(), strict=True):
                rows, weights = postings.setdefault(j, ([], []))
                rows.append(row)
                weights.append(weight)
            self._bigrams.append(_grams(text))
        self._postings = {
            j: (np.asarray(r, dtype=np.int64), np.asarray(w)) for j, (r, w) in postings.items()
        }
        entry_texts = [
            " ".join(_form(p, o.colloquial) for p in [doc.question, *doc.alternates])
            for doc in self.docs
        ]
        self.entry_features = TfidfFeatures.fit(entry_texts, o.ngram_min, o.ngram_max, "char")
        self._entries = np.zeros((len(self.docs), len(self.entry_features.vocabulary)))
        for i, text in enumerate(entry_texts):
            idx, w = self.entry_features.transform_one(text)
            self._entries[i, idx] = w

    def search(self, text: str, k: int = 5) -> list[Match]:
        """Best FAQ slugs for a worker's question, highest score first, scores in 0..1."""
        if self.features is None or k <= 0:
            return []
        form = self._query_form(text)
        if self.options.entry_weight >= 1.0:
            return self._rank(self._entry_scores(form), k)
        query = _strip_fillers(form)
        idx, weights = self.features.transform_one(query)
        if len(idx) == 0:
            return []
        scores = np.zeros(self._count)
        for j, qw in zip(idx.tolist(), weights.tolist(), strict=True):
            rows, dw = self._postings[j]
            scores[rows] += qw * dw
        candidates = np.flatnonzero(scores > 0)
        if self.options.coverage_weight > 0 and len(candidates):
            qgrams = _grams(query)
            cw = self.options.coverage_weight
            for row in candidates.tolist():
                cover = len(qgrams & self._bigrams[row]) / len(qgrams) if qgrams else 0.0
                scores[row] = (1 - cw) * scores[row] + cw * cover
        best = np.zeros(len(self.docs))
        np.maximum.at(best, self._owners, np.clip(scores, 0.0, 1.0))
        ew = self.options.entry_weight
        if ew > 0:
            best = (1 - ew) * best + ew * self._entry_scores(form)
        return self._rank(best, k)

    def _query_form(self, text: str) -> str:
        """The question's matching form, with typed-by-sound mistakes corrected."""
        form = _form(text, self.options.colloquial)
        return self.homophones.correct(form) if self.homophones is not None else form

    def _entry_scores(self, form: str) -> np.ndarray:
        """Cosine of the question (its matching form) with each entry's phrasings taken
        together as one text."""
        e_idx, e_w = self.entry_features.transform_one(form)
        if len(e_idx) == 0:
            return np.zeros(len(self.docs))
        return np.clip(self._entries[:, e_idx] @ e_w, 0.0, 1.0)

    def _rank(self, best: np.ndarray, k: int) -> list[Match]:
        order = np.argsort(-best, kind="stable")[: max(k, 2)].tolist()
        order = self._general_first(order, best)[:k]
        return [Match(self.docs[i].slug, round(float(best[i]), 4)) for i in order if best[i] > 0]

    def _general_first(self, order: list[int], best: np.ndarray) -> list[int]:
        """A worker who asks "年假一年有几天" gets the general rule, not the special case that
        happens to score a hair higher (刚换工作的年假): the general entry of the top entry's
        topic moves to the front when it is within `general_margin` of it. The score it
        shows is its own (the decision still sees how close the two are)."""
        if not order or self.docs[order[0]].general:
            return order
        top = order[0]
        for i in order[1:]:
            doc = self.docs[i]
            if best[top] - best[i] > self.options.general_margin:
                break
            if doc.general and doc.category == self.docs[top].category:
                return [i, *(j for j in order if j != i)]
        return order


def _grams(text: str) -> set[str]:
    """Character bigrams (unigrams for one-character text) for the coverage score."""
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}
