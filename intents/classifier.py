"""Intent classifier: character n-gram TF-IDF + multinomial logistic regression."""

from __future__ import annotations

import numpy as np

from intents.features import TfidfFeatures


class IntentClassifier:
    """Fits with sklearn, predicts with a numpy dot product (~tens of microseconds)."""

    def __init__(
        self,
        ngram_min: int = 1,
        ngram_max: int = 3,
        analyzer: str = "char_wb",
        C: float = 30.0,
    ) -> None:
        self.ngram_min = ngram_min
        self.ngram_max = ngram_max
        self.analyzer = analyzer
        self.C = C
        self.features: TfidfFeatures | None = None
        self.classes: list[str] = []
        # weights as (n_features, n_classes) so one row gather per n-gram is contiguous
        self.weights = np.zeros((0, 0))
        self.bias = np.zeros(0)
        # per vocabulary entry: does the n-gram hold anything but the word-boundary space?
        self._content = np.zeros(0, dtype=bool)

    def _index_content(self) -> None:
        assert self.features is not None
        content = np.zeros(len(self.features.vocabulary), dtype=bool)
        for gram, i in self.features.vocabulary.items():
            content[i] = bool(gram.strip())
        self._content = content

    def fit(self, texts: list[str], labels: list[str]) -> IntentClassifier:
        """Learn the vocabulary and the per-intent weights from normalised texts."""
        if not texts or len(texts) != len(labels):
            raise ValueError("need the same, non-zero number of texts and labels")
        self.features = TfidfFeatures.fit(texts, self.ngram_min, self.ngram_max, self.analyzer)
        self._index_content()
        self.classes = sorted(set(labels))
        n_feat = len(self.features.vocabulary)
        if len(self.classes) == 1:
            self.weights = np.zeros((n_feat, 1))
            self.bias = np.zeros(1)
            return self
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        rows, cols, vals = [], [], []
        for r, text in enumerate(texts):
            idx, w = self.features.transform_one(text)
            rows.extend([r] * len(idx))
            cols.extend(idx.tolist())
            vals.extend(w.tolist())
        x = csr_matrix((vals, (rows, cols)), shape=(len(texts), n_feat))
        # sag: same optimum as lbfgs here, ~20x faster to fit on L2-normalised TF-IDF
        model = LogisticRegression(
            C=self.C, class_weight="balanced", solver="sag", max_iter=5000, random_state=0
        )
        model.fit(x, labels)
        self.classes = [str(c) for c in model.classes_]
        coef, intercept = model.coef_, model.intercept_
        if coef.shape[0] == 1:  # binary: sklearn keeps one row; softmax([0, d]) == sigmoid(d)
            coef = np.vstack([np.zeros_like(coef), coef])
            intercept = np.concatenate([[0.0], intercept])
        self.weights = np.ascontiguousarray(coef.T)
        self.bias = np.asarray(intercept, dtype=np.float64)
        return self

    def probabilities(self, text: str) -> np.ndarray:
        """Class probabilities for one normalised text, in `self.classes` order.

        A text with no known n-gram (only unseen characters, e.g. an unknown emoji) gets
        equal probabilities: the model has no evidence, so the caller's threshold rejects it
        instead of the intent with the largest bias winning.
        """
        if self.features is None:
            raise RuntimeError("classifier is not trained")
        if len(self.classes) == 1:
            return np.ones(1)
        idx, w = self.features.transform_one(text)
        if not self._content[idx].any():
            return np.full(len(self.classes), 1.0 / len(self.classes))
        scores = self.bias + (w @ self.weights[idx] if len(idx) else 0.0)
        scores = scores - scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def rank(self, text: str) -> list[tuple[str, float]]:
        """All intents with their confidence, best first, for one normalised text."""
        probs = self.probabilities(text)
        order = np.argsort(-probs, kind="stable")
        return [(self.classes[i], float(probs[i])) for i in order]

    def get_state(self) -> tuple[dict, dict[str, np.ndarray]]:
        """Split the fitted model into JSON-able metadata and numpy arrays for saving."""
        if self.features is None:
            raise RuntimeError("classifier is not trained")
        meta = {
            "ngram_min": self.ngram_min,
            "ngram_max": self.ngram_max,
            "analyzer": self.analyzer,
            "C": self.C,
            "classes": self.classes,
            "vocabulary": self.features.vocabulary,
        }
        arrays = {"idf": self.features.idf, "weights": self.weights, "bias": self.bias}
        return meta, arrays

    @classmethod
    def from_state(cls, meta: dict, arrays: dict[str, np.ndarray]) -> IntentClassifier:
        """Rebuild a fitted classifier from `get_state` output (no sklearn import needed)."""
        clf = cls(meta["ngram_min"], meta["ngram_max"], meta["analyzer"], meta["C"])
        clf.features = TfidfFeatures(
            meta["vocabulary"], arrays["idf"], clf.ngram_min, clf.ngram_max, clf.analyzer
        )
        clf._index_content()
        clf.classes = list(meta["classes"])
        clf.weights = np.ascontiguousarray(arrays["weights"])
        clf.bias = np.asarray(arrays["bias"])
        return clf
