"""Character n-gram TF-IDF features, computed without sklearn at prediction time."""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")


def char_ngrams(text: str, ngram_min: int, ngram_max: int, analyzer: str = "char") -> list[str]:
    """Reproduce sklearn's `char` / `char_wb` analyzers exactly (lowercasing is done before)."""
    text = _WHITE_SPACES.sub(" ", text)
    grams: list[str] = []
    if analyzer == "char_wb":
        for word in text.split():
            w = " " + word + " "
            w_len = len(w)
            for n in range(ngram_min, ngram_max + 1):
                offset = 0
                grams.append(w[offset : offset + n])
                while offset + n < w_len:
                    offset += 1
                    grams.append(w[offset : offset + n])
                if offset == 0:
                    break
        return grams
    if analyzer != "char":
        raise ValueError(f"unknown analyzer {analyzer!r}")
    text_len = len(text)
    lo = ngram_min
    if lo == 1:
        grams.extend(text)
        lo = 2
    for n in range(lo, min(ngram_max + 1, text_len + 1)):
        grams.extend(text[i : i + n] for i in range(text_len - n + 1))
    return grams


class TfidfFeatures:
    """A fitted vocabulary + idf that turns one text into (indices, L2-normalised weights)."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        ngram_min: int,
        ngram_max: int,
        analyzer: str,
    ) -> None:
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float64)
        self.ngram_min = ngram_min
        self.ngram_max = ngram_max
        self.analyzer = analyzer

    @classmethod
    def fit(
        cls, texts: list[str], ngram_min: int, ngram_max: int, analyzer: str = "char"
    ) -> TfidfFeatures:
        """Learn vocabulary and smoothed idf as sklearn's TfidfVectorizer does by default."""
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(char_ngrams(text, ngram_min, ngram_max, analyzer)))
        terms = sorted(df)
        vocabulary = {t: i for i, t in enumerate(terms)}
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms])
        return cls(vocabulary, idf, ngram_min, ngram_max, analyzer)

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse sublinear-tf TF-IDF vector of one text, as (sorted indices, weights)."""
        counts: Counter[int] = Counter()
        vocab = self.vocabulary
        for gram in char_ngrams(text, self.ngram_min, self.ngram_max, self.analyzer):
            idx = vocab.get(gram)
            if idx is not None:
                counts[idx] += 1
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[idx]
        norm = math.sqrt(float(weights @ weights))
        if norm > 0:
            weights /= norm
        order = np.argsort(idx)
        return idx[order], weights[order]

    def transform_many(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Vectorise several texts (used when building indexes)."""
        return [self.transform_one(t) for t in texts]
