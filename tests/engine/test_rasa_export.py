"""`workerbot data rasa-project`: the data laid out where a Rasa 3.6 server looks (docs/rasa.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bot.app.datacheck import validate
from bot.engine.rasa_export import write_rasa_project

ROOT = Path(__file__).resolve().parents[2]


def test_each_file_goes_where_rasa_reads_it(tmp_path):
    out = tmp_path / "rasa"
    write_rasa_project(ROOT / "data", out)
    assert (out / "domain.yml").read_bytes() == (ROOT / "data" / "domain.yml").read_bytes()
    # the domain is not also under data/: Rasa would read its responses twice
    assert sorted(p.name for p in (out / "data").iterdir()) == ["nlu.yml", "rules.yml"]
    config = yaml.safe_load((out / "config.yml").read_text(encoding="utf-8"))
    assert config["language"] == "zh"
    assert [p["name"] for p in config["policies"]] == ["MemoizationPolicy", "RulePolicy"]
    assert config["pipeline"][0]["name"] == "JiebaTokenizer"
    endpoints = yaml.safe_load((out / "endpoints.yml").read_text(encoding="utf-8"))
    assert endpoints["action_endpoint"]["url"].endswith(":5055/webhook")
    assert "rest" in yaml.safe_load((out / "credentials.yml").read_text(encoding="utf-8"))


def test_the_exported_files_pass_the_checks_rasa_would_run(tmp_path):
    out = tmp_path / "rasa"
    write_rasa_project(ROOT / "data", out)
    check = tmp_path / "check"
    check.mkdir()
    shutil.copy(out / "domain.yml", check / "domain.yml")
    for name in ("nlu.yml", "rules.yml"):
        shutil.copy(out / "data" / name, check / name)
    shutil.copy(ROOT / "data" / "faq.yml", check / "faq.yml")
    assert validate(check) == []


def test_button_payloads_render_as_rasa_renders_them():
    from bot.engine.domain import Domain, interpolate_payload

    # doubled braces: Rasa's interpolation leaves the JSON alone (no error logged) and
    # unescapes it, and so does ours
    assert interpolate_payload('/inform{{"dispute_type":"工伤"}}', {}) == (
        '/inform{"dispute_type":"工伤"}'
    )
    assert interpolate_payload("/help", {}) == "/help"
    assert interpolate_payload("/pick{slot}", {"slot": "x"}) == "/pickx"
    domain = Domain.load(ROOT / "data" / "domain.yml")
    reply = domain.render("utter_empathize", {})
    payloads = [b["payload"] for b in reply["buttons"]]
    assert '/human_handoff{"handoff_reason":"frustrated"}' in payloads
    # no payload in the domain is left with single braces that Rasa would read as a slot
    raw = (ROOT / "data" / "domain.yml").read_text(encoding="utf-8")
    assert "payload: '/human_handoff{\"" not in raw and 'payload: "/inform{' not in raw
