"""Tune the intent thresholds on the training data (cross-validation), then report held-out.

1. 5-fold stratified cross-validation over `data/nlu.yml` with the product model
   (`intents.Interpreter`, options from config.yml except the thresholds): every training
   message is ranked by a model that never saw it.
2. Sweep fallback threshold x ambiguity margin on those rankings; choose the pair that
   catches the most out-of-scope messages while rejecting at most 5 % of in-scope ones
   (ties: higher in-scope accuracy).
3. Parse `bench/data/nlu_test.yml` once with a model trained on all the data at the chosen
   thresholds, and at the thresholds of config.yml, and write both to docs/benchmarks.md.

Run: `.venv/bin/python bench/nlu_tune.py` (about a minute).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from docsection import write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlu.model import nlu_options  # noqa: E402
from bot.settings import Settings  # noqa: E402
from intents import Interpreter, load_training_data  # noqa: E402
from intents.evaluate import (  # noqa: E402
    evaluate,
    load_examples,
    stratified_folds,  # noqa: E402
)
from intents.training_data import TrainingData  # noqa: E402

MAX_REJECTED = 0.05
FALLBACKS = [round(x, 2) for x in np.arange(0.10, 0.62, 0.02)]
MARGINS = [0.0, 0.02, 0.05, 0.08, 0.10]


def sweep(pairs: list[tuple[str, str, float, float]]) -> list[dict]:
    """Accuracy / rejected / caught for every threshold pair over (truth, top, conf, 2nd)."""
    truth = np.array([p[0] for p in pairs])
    top = np.array([p[1] for p in pairs])
    conf = np.array([p[2] for p in pairs])
    second = np.array([p[3] for p in pairs])
    ins = truth != "out_of_scope"
    rows = []
    for fb in FALLBACKS:
        for margin in MARGINS:
            rejected = (conf < fb) | (conf - second < margin) | (top == "out_of_scope")
            rows.append(
                {
                    "fallback": fb,
                    "margin": margin,
                    "accuracy": float(np.mean((top[ins] == truth[ins]) & ~rejected[ins])),
                    "rejected": float(np.mean(rejected[ins])),
                    "caught": float(np.mean(rejected[~ins])),
                }
            )
    return rows


def cv_pairs(data: TrainingData, options, folds: int = 5, seed: int = 0):
    """Cross-validated (truth, top intent, confidence, second confidence) per example."""
    fold_of = stratified_folds(data.examples, folds, seed)
    no_threshold = replace(options, fallback_threshold=0.0, ambiguity_threshold=0.0)
    pairs = []
    for k in range(folds):
        train = [ex for ex in data.examples if fold_of[id(ex)] != k]
        model = Interpreter.from_training_data(
            TrainingData(train, data.synonyms, data.lookups, data.regexes), no_threshold
        )
        for ex in data.examples:
            if fold_of[id(ex)] == k:
                ranking = model.parse(ex.text)["intent_ranking"]
                second = ranking[1]["confidence"] if len(ranking) > 1 else 0.0
                pairs.append((ex.intent, ranking[0]["name"], ranking[0]["confidence"], second))
    return pairs


def choose(rows: list[dict]) -> dict:
    ok = [r for r in rows if r["rejected"] <= MAX_REJECTED]
    return max(ok, key=lambda r: (round(r["caught"], 3), r["accuracy"]))


def held_out(data: TrainingData, options) -> dict:
    model = Interpreter.from_training_data(data, options)
    report = evaluate(model, load_examples(ROOT / "bench" / "data" / "nlu_test.yml"))
    return {
        "accuracy": report.in_scope_accuracy,
        "rejected": report.in_scope_rejected,
        "caught": report.out_of_scope_caught,
    }


def main() -> None:
    started = time.perf_counter()
    options = nlu_options(Settings.load(ROOT / "config.yml"))
    data = load_training_data([ROOT / "data" / "nlu.yml"])
    rows = sweep(cv_pairs(data, options))
    best = choose(rows)
    chosen = replace(
        options, fallback_threshold=best["fallback"], ambiguity_threshold=best["margin"]
    )
    at_chosen = held_out(data, chosen)
    at_config = held_out(data, options)
    lines = [
        "<!-- TUNE:BEGIN (written by bench/nlu_tune.py) -->",
        f"Thresholds chosen on 5-fold cross-validation of `data/nlu.yml` ({len(data.examples)} "
        f"examples): the most out-of-scope caught with at most {MAX_REJECTED:.0%} of in-scope "
        "rejected; then reported once on `bench/data/nlu_test.yml`. Model: char_wb "
        f"{options.ngram_min}–{options.ngram_max}-gram TF-IDF + logistic regression "
        f"(C={options.C:g}).",
        "",
        "| thresholds (fallback / ambiguity) | CV accuracy | CV rejected | CV out-of-scope caught "
        "| held-out accuracy | held-out rejected | held-out out-of-scope caught |",
        "|---|---|---|---|---|---|---|",
    ]
    config_row = next(
        (
            r
            for r in rows
            if abs(r["fallback"] - options.fallback_threshold) < 1e-9
            and abs(r["margin"] - options.ambiguity_threshold) < 1e-9
        ),
        None,
    )
    for label, r, h in [
        (f"**{best['fallback']:.2f} / {best['margin']:.2f}** (chosen)", best, at_chosen),
        (
            f"{options.fallback_threshold:.2f} / {options.ambiguity_threshold:.2f} (config.yml)",
            config_row,
            at_config,
        ),
    ]:
        cv = f"{r['accuracy']:.3f} | {r['rejected']:.3f} | {r['caught']:.3f}" if r else "– | – | –"
        lines.append(
            f"| {label} | {cv} | {h['accuracy']:.3f} | {h['rejected']:.3f} | {h['caught']:.3f} |"
        )
    lines += [
        "",
        f"Whole run {time.perf_counter() - started:.0f} s.",
        "<!-- TUNE:END -->",
    ]
    section = "\n".join(lines)
    print(section)
    write_section("TUNE", section)


if __name__ == "__main__":
    main()
