"""Measuring understanding the way `rasa test nlu` does: reports, confusion, errors, retrieval."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intents.interpreter import Interpreter, NLUOptions
from intents.retrieval import KnowledgeBase
from intents.training_data import Example, TrainingData, load_training_data

REJECTED = ("nlu_fallback", "out_of_scope")


@dataclass
class IntentReport:
    labels: list[str]
    per_intent: dict[str, dict[str, float]]  # precision, recall, f1-score, support
    accuracy: float
    confusion: list[list[int]]  # rows: true label, columns: predicted (labels + nlu_fallback)
    errors: list[dict[str, Any]] = field(default_factory=list)
    in_scope_accuracy: float = 0.0
    in_scope_rejected: float = 0.0
    out_of_scope_caught: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy,
            "in_scope_accuracy": self.in_scope_accuracy,
            "in_scope_rejected": self.in_scope_rejected,
            "out_of_scope_caught": self.out_of_scope_caught,
            **self.per_intent,
        }


def score(pairs: list[tuple[Example, dict[str, Any]]]) -> IntentReport:
    """Per-intent precision/recall/F1, the confusion matrix and the misclassified examples."""
    truth = [ex.intent for ex, _ in pairs]
    predicted = [p["intent"]["name"] for _, p in pairs]
    labels = sorted(set(truth) | set(predicted))
    index = {label: i for i, label in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for t, p in zip(truth, predicted, strict=True):
        confusion[index[t]][index[p]] += 1
    per_intent: dict[str, dict[str, float]] = {}
    for label in labels:
        i = index[label]
        tp = confusion[i][i]
        col = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        precision = tp / col if col else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_intent[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1-score": round(f1, 4),
            "support": support,
        }
    errors = [
        {
            "text": ex.text,
            "intent": ex.intent,
            "predicted": p["intent"]["name"],
            "confidence": p["intent"]["confidence"],
            "ranking": [r["name"] for r in p.get("intent_ranking", [])[:3]],
        }
        for ex, p in pairs
        if p["intent"]["name"] != ex.intent
        and not (ex.intent == "out_of_scope" and p["intent"]["name"] in REJECTED)
    ]
    ins = [(t, p) for t, p in zip(truth, predicted, strict=True) if t != "out_of_scope"]
    oos = [p for t, p in zip(truth, predicted, strict=True) if t == "out_of_scope"]
    n = len(pairs) or 1
    return IntentReport(
        labels=labels,
        per_intent=per_intent,
        accuracy=round(sum(t == p for t, p in zip(truth, predicted, strict=True)) / n, 4),
        confusion=confusion,
        errors=errors,
        in_scope_accuracy=round(sum(t == p for t, p in ins) / (len(ins) or 1), 4),
        in_scope_rejected=round(sum(p in REJECTED for _, p in ins) / (len(ins) or 1), 4),
        out_of_scope_caught=round(sum(p in REJECTED for p in oos) / (len(oos) or 1), 4),
    )


def evaluate(
    interpreter: Interpreter,
    examples: list[Example],
    progress: Callable[[Iterable], Iterable] = iter,
) -> IntentReport:
    """Parse every example with a trained model and score the results."""
    return score([(ex, interpreter.parse(ex.text)) for ex in progress(examples)])


def stratified_folds(examples: list[Example], folds: int, seed: int = 0) -> dict[int, int]:
    """Fold number per example (keyed by id()), each intent spread evenly over the folds."""
    by_intent: dict[str, list[Example]] = {}
    for ex in examples:
        by_intent.setdefault(ex.intent, []).append(ex)
    rng = random.Random(seed)
    fold_of: dict[int, int] = {}
    for exs in by_intent.values():
        order = list(range(len(exs)))
        rng.shuffle(order)
        for rank, i in enumerate(order):
            fold_of[id(exs[i])] = rank % folds
    return fold_of


def cross_validate(
    data: TrainingData,
    options: NLUOptions,
    folds: int,
    seed: int = 0,
    progress: Callable[[Iterable], Iterable] = iter,
) -> IntentReport:
    """Stratified k-fold: each example is predicted by a model that never saw it."""
    fold_of = stratified_folds(data.examples, folds, seed)
    pairs = []
    for k in progress(range(folds)):
        train = [ex for ex in data.examples if fold_of[id(ex)] != k]
        test = [ex for ex in data.examples if fold_of[id(ex)] == k]
        model = Interpreter.from_training_data(
            TrainingData(
                examples=train, synonyms=data.synonyms, lookups=data.lookups, regexes=data.regexes
            ),
            options,
        )
        pairs += [(ex, model.parse(ex.text)) for ex in test]
    return score(pairs)


def plot_confusion(report: IntentReport, path: Path) -> Path:
    """The confusion matrix as a PNG (rows: true intent, columns: predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = len(report.labels)
    fig, ax = plt.subplots(figsize=(max(6, n * 0.55), max(5, n * 0.5)), dpi=110)
    ax.imshow(report.confusion, cmap="Blues")
    ax.set_xticks(range(n), report.labels, rotation=70, ha="right", fontsize=8)
    ax.set_yticks(range(n), report.labels, fontsize=8)
    for i, row in enumerate(report.confusion):
        for j, value in enumerate(row):
            if value:
                ax.text(
                    j,
                    i,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if i == j else "black",
                )
    ax.set_xlabel("predicted")
    ax.set_ylabel("true intent")
    ax.set_title(f"intent confusion (accuracy {report.accuracy:.3f})")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


@dataclass
class RetrievalReport:
    top1: float
    top3: float
    mrr: float
    misses: list[dict[str, Any]]
    queries: int


def evaluate_retrieval(
    kb: KnowledgeBase,
    queries: list[dict[str, Any]],
    progress: Callable[[Iterable], Iterable] = iter,
) -> RetrievalReport:
    """Top-1, top-3 and MRR over paraphrased questions with their expected entry ids."""
    top1 = top3 = mrr = 0.0
    misses = []
    for q in progress(queries):
        expected = set(q["expected"])
        found = [m.slug for m in kb.search(q["text"], 10)]
        rank = next((i for i, slug in enumerate(found) if slug in expected), None)
        top1 += rank == 0
        top3 += rank is not None and rank < 3
        mrr += 1 / (rank + 1) if rank is not None else 0
        if rank != 0:
            misses.append({"text": q["text"], "expected": q["expected"], "got": found[:3]})
    n = len(queries) or 1
    return RetrievalReport(
        round(top1 / n, 4), round(top3 / n, 4), round(mrr / n, 4), misses, len(queries)
    )


def load_examples(path: Path) -> list[Example]:
    return load_training_data([path]).examples


def intent_counts(examples: list[Example]) -> Counter[str]:
    return Counter(ex.intent for ex in examples)
