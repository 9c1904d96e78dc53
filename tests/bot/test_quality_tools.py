"""`workerbot data validate`, `test nlu` and `test kb` as a maintainer uses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bot.app.datacheck import validate
from bot.cli import app
from intents.evaluate import score
from intents.training_data import Example

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(path: Path, change) -> None:  # noqa: ANN001
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_shipped_data_is_valid():
    assert validate(ROOT / "data") == []


def test_invalid_rasa_domain_is_reported(data_copy):
    edit(
        data_copy / "domain.yml",
        lambda d: d["responses"].update({"utter_broken": [{"buttons": []}]}),
    )
    (problem,) = validate(data_copy)
    assert problem.file == "domain.yml" and "Rasa 3" in problem.message


def test_same_example_under_two_intents(data_copy):
    path = data_copy / "nlu.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- 你好\n", "- 你好\n", 1)
        + "  - intent: thanks\n    examples: |\n      - 你好\n",
        encoding="utf-8",
    )
    messages = [p.message for p in validate(data_copy)]
    assert any("'你好' is an example of both greet and thanks" in m for m in messages), messages


def test_rule_intent_and_response_must_exist(data_copy):
    def change(d):  # noqa: ANN001, ANN202
        d["rules"].append({"rule": "x", "steps": [{"intent": "ghost"}, {"action": "utter_ghost"}]})

    edit(data_copy / "rules.yml", change)
    messages = [p.message for p in validate(data_copy)]
    assert "intent 'ghost' is used but not in the domain" in messages
    assert "response 'utter_ghost' is used but not defined" in messages


def test_faq_without_source_and_duplicate_question(data_copy):
    def change(d):  # noqa: ANN001, ANN202
        d["faq"][0]["source"] = ""
        d["faq"][1]["alternates"].append(d["faq"][0]["question"])

    edit(data_copy / "faq.yml", change)
    messages = [p.message for p in validate(data_copy)]
    assert any("no source" in m for m in messages)
    assert any("is a question of both" in m for m in messages)


def test_cli_validate_exit_codes(data_copy, tmp_path):
    config = tmp_path / "config.yml"
    config.write_text((ROOT / "config.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(app, ["data", "validate", "--config", str(config)]).exit_code == 0
    edit(data_copy / "faq.yml", lambda d: d["faq"][0].update(source=""))
    r = runner.invoke(app, ["data", "validate", "--config", str(config)])
    assert r.exit_code == 1 and "no source" in r.output


def test_score_counts_precision_recall_and_rejections():
    pairs = [
        (Example("a", "greet", []), {"intent": {"name": "greet", "confidence": 0.9}}),
        (Example("b", "greet", []), {"intent": {"name": "thanks", "confidence": 0.6}}),
        (Example("c", "thanks", []), {"intent": {"name": "thanks", "confidence": 0.8}}),
        (Example("d", "out_of_scope", []), {"intent": {"name": "nlu_fallback", "confidence": 0.3}}),
    ]
    report = score(pairs)
    assert report.per_intent["greet"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1-score": 0.6667,
        "support": 2,
    }
    assert report.per_intent["thanks"]["precision"] == 0.5
    assert report.in_scope_accuracy == round(2 / 3, 4) and report.out_of_scope_caught == 1.0
    assert [e["text"] for e in report.errors] == ["b"]  # a rejected out-of-scope message is right


def test_cli_test_nlu_and_kb_write_results(model_dir, tmp_path):
    env = {"WORKERBOT_MODEL_DIR": str(model_dir), "WORKERBOT_CONFIG": str(ROOT / "config.yml")}
    out = tmp_path / "results"
    r = runner.invoke(
        app,
        ["test", "nlu", "--out", str(out), "--data", str(ROOT / "bench/data/nlu_test.yml")],
        env=env,
    )
    assert r.exit_code == 0, r.output
    report = json.loads((out / "intent_report.json").read_text(encoding="utf-8"))
    assert 0.5 < report["in_scope_accuracy"] <= 1 and "policy_question" in report
    assert (out / "intent_confusion_matrix.png").read_bytes()[:4] == b"\x89PNG"
    assert isinstance(json.loads((out / "intent_errors.json").read_text(encoding="utf-8")), list)
    r = runner.invoke(
        app, ["test", "kb", "--queries", str(ROOT / "bench/data/faq_paraphrases.yml")], env=env
    )
    assert r.exit_code == 0 and "top-1" in r.output and "miss:" in r.output


def test_cli_cross_validation(model_dir, tmp_path):
    env = {"WORKERBOT_MODEL_DIR": str(model_dir), "WORKERBOT_CONFIG": str(ROOT / "config.yml")}
    r = runner.invoke(
        app, ["test", "nlu", "--cross-validation", "2", "--out", str(tmp_path)], env=env
    )
    assert r.exit_code == 0, r.output
    assert (
        json.loads((tmp_path / "intent_report.json").read_text(encoding="utf-8"))["accuracy"] > 0.5
    )
