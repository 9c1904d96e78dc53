"""Intents on the held-out sets: real Rasa's DIET against workerbot's model, same data.

Rasa's model is the one bench/rasa_conversations.py trained on this project's data as
`workerbot data rasa-project` lays it out (its NLU pipeline: bot/engine/rasa_project/config.yml,
DIETClassifier with a FallbackClassifier at 0.3); `--model` names another. Each message of the
sets is parsed in the Rasa environment in-process (`Agent.parse_message`, as
../shared/research/rasa_anchor says) and by workerbot's trained model (`workerbot train`), and
both are scored by intents/evaluate.py: a fallback is wrong for an in-scope message and right
for an out-of-scope one.

Run: `.venv/bin/python bench/rasa_nlu.py [--rasa ../rasa310] [--model M.tar.gz] [--write]`.
Without a Rasa environment or model it says so and exits 0. `--write` puts the table into
docs/benchmarks.md between the RASA_NLU marks.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from docsection import write_section

from bot.nlu import model as nlu_model
from bot.settings import Settings
from intents.evaluate import IntentReport, load_examples, score

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "nlu_test.yml": ROOT / "bench" / "data" / "nlu_test.yml",
    "nlu_test_fresh.yml": ROOT / "bench" / "data" / "nlu_test_fresh.yml",
}

# run by the Rasa environment's Python: texts on stdin, one parse per line out
RASA_PARSE = """
import asyncio, json, logging, sys, time
logging.disable(logging.WARNING)
from rasa.core.agent import Agent

async def main():
    agent = Agent.load(sys.argv[1])
    texts = json.load(sys.stdin)
    await agent.parse_message("你好")  # the first parse builds the graph: not timed
    for text in texts:
        started = time.perf_counter()
        parsed = await agent.parse_message(text)
        seconds = time.perf_counter() - started
        print(json.dumps({
            "intent": parsed.get("intent") or {"name": None, "confidence": 0.0},
            "intent_ranking": parsed.get("intent_ranking") or [],
            "seconds": seconds,
        }), flush=True)

asyncio.run(main())
"""


def newest_model(project: Path) -> Path | None:
    models = sorted((project / "models").glob("e2e-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def rasa_parses(rasa: Path, model: Path, texts: list[str]) -> list[dict]:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    done = subprocess.run(
        [str(rasa / "bin" / "python"), "-c", RASA_PARSE, str(model)],
        input=json.dumps(texts, ensure_ascii=False),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or len(lines) != len(texts):
        raise RuntimeError(f"Rasa parsing failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in lines]


def ours(texts: list[str]) -> list[dict]:
    interpreter = nlu_model.load(Settings.load(ROOT / "config.yml"), train_if_missing=True)
    out = []
    for text in texts:
        started = time.perf_counter()
        parsed = interpreter.parse(text)
        out.append({**parsed, "seconds": time.perf_counter() - started})
    return out


def right(report: IntentReport, n: int) -> float:
    """In-scope messages given their intent, and out-of-scope ones rejected, of all."""
    return 1 - len(report.errors) / (n or 1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def row(system: str, name: str, report: IntentReport, n: int, seconds: list[float]) -> str:
    return (
        f"| {name} | {system} | {n} | **{right(report, n):.1%}** | "
        f"{report.in_scope_accuracy:.1%} | {report.in_scope_rejected:.1%} | "
        f"{report.out_of_scope_caught:.1%} | {percentile(seconds, 0.5) * 1000:.1f} / "
        f"{percentile(seconds, 0.99) * 1000:.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rasa", type=Path, default=Path(os.environ.get("RASA_ENV") or ROOT.parent / "rasa310")
    )
    parser.add_argument("--project", type=Path, default=ROOT.parent / "rasa-project")
    parser.add_argument("--model", type=Path, help="a Rasa model (default: the newest e2e one)")
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = parser.parse_args()
    rasa = args.rasa.resolve()
    model = args.model or newest_model(args.project.resolve())
    if not (rasa / "bin" / "rasa").exists() or model is None or not model.exists():
        print(
            f"no Rasa environment at {rasa} or no trained model ({model}): nothing to compare, "
            "skipped. bench/rasa_conversations.py builds the model (docs/rasa.md)."
        )
        return 0
    rows, notes = [], []
    for name, path in SETS.items():
        examples = load_examples(path)
        texts = [ex.text for ex in examples]
        print(f"{name}: {len(texts)} messages ...")
        sys.stdout.flush()
        for system, parses in (
            ("Rasa 3.6 DIET", rasa_parses(rasa, model, texts)),
            ("workerbot", ours(texts)),
        ):
            report = score(list(zip(examples, parses, strict=True)))
            seconds = [p["seconds"] for p in parses]
            rows.append(row(system, name, report, len(texts), seconds))
            print(rows[-1])
    table = "\n".join(
        [
            "| set | model | messages | right | in-scope right | in-scope rejected | "
            "out-of-scope caught | parse ms p50 / p99 |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )
    print(table)
    if args.write:
        section = "\n".join(
            [
                "<!-- RASA_NLU:BEGIN (written by bench/rasa_nlu.py) -->",
                f"Measured {time.strftime('%Y-%m-%d')} on the 2-core machine shared with other "
                f"work: real Rasa's model `{model.name}` (trained by "
                "bench/rasa_conversations.py on this project's data, pipeline "
                "bot/engine/rasa_project/config.yml: Jieba, regex and lexical features, word "
                "and char 1–4 counts, DIETClassifier 100 epochs, FallbackClassifier 0.3) "
                "against workerbot's model (`workerbot train`), both trained on data/nlu.yml "
                "and parsed in-process; scored by intents/evaluate.py (right: an in-scope "
                "message given its intent, an out-of-scope one rejected). "
                "`.venv/bin/python bench/rasa_nlu.py --write`.",
                "",
                table,
                *notes,
                "<!-- RASA_NLU:END -->",
            ]
        )
        write_section("RASA_NLU", section, heading="## Real Rasa's DIET on the held-out sets\n\n")
        print("written to docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
