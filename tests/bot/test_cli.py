"""The `workerbot` command as a newcomer uses it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.channels.shell import format_replies, run_shell
from bot.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def env(tmp_path: Path, model_dir: Path) -> dict[str, str]:
    return {
        "WORKERBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "WORKERBOT_MODEL_DIR": str(model_dir),
        "WORKERBOT_CONFIG": str(ROOT / "config.yml"),
    }


def test_prepare_commands_from_scratch(tmp_path, model_dir):
    e = env(tmp_path, model_dir)
    r = runner.invoke(app, ["load-demo"], env=e)
    assert r.exit_code == 2 and "db upgrade" in r.output  # refuses an unmigrated database
    assert runner.invoke(app, ["db", "upgrade"], env=e).exit_code == 0
    r = runner.invoke(app, ["load-demo", "--if-empty"], env=e)
    assert r.exit_code == 0 and "FAQ" in r.output
    r = runner.invoke(app, ["load-demo", "--if-empty"], env=e)
    assert "already loaded" in r.output
    r = runner.invoke(app, ["train", "--if-missing"], env=e)
    assert r.exit_code == 0 and "current" in r.output
    r = runner.invoke(app, ["import", str(ROOT / "data" / "courses.yml")], env=e)
    assert r.exit_code == 0 and "courses" in r.output
    r = runner.invoke(app, ["handoff", "list"], env=e)
    assert r.exit_code == 0 and "no conversation" in r.output


def test_a_config_typo_stops_with_the_key_named(tmp_path, model_dir):
    bad = tmp_path / "config.yml"
    bad.write_text("nlu:\n  fallback_treshold: 0.3\n", encoding="utf-8")
    r = runner.invoke(app, ["db", "upgrade", "--config", str(bad)], env=env(tmp_path, model_dir))
    assert r.exit_code == 2 and "nlu.fallback_treshold" in r.output


def test_handoff_commands_release_a_conversation(bot, monkeypatch):
    from bot.core.messages import Incoming

    bot.engine.handle(Incoming("rest", "cli-h1", "转人工"))
    (item,) = bot.desk.queue()
    e = {
        "WORKERBOT_DATABASE_URL": bot.settings.database_url,
        "WORKERBOT_MODEL_DIR": str(bot.settings.model_dir),
    }
    r = runner.invoke(app, ["handoff", "list"], env=e)
    assert f"#{item.conversation_id}" in r.output and "asked" in r.output
    r = runner.invoke(
        app, ["handoff", "say", str(item.conversation_id), "您好，我是工作人员小王"], env=e
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["handoff", "release", str(item.conversation_id)], env=e)
    assert r.exit_code == 0 and bot.desk.queue() == []
    # (on REST, what staff wrote since comes first: the CLI's message, then the bot's answer)
    replies = [r["text"] for r in bot.engine.handle(Incoming("rest", "cli-h1", "你好"))]
    assert replies[0] == "您好，我是工作人员小王"
    assert any("小助手" in text for text in replies[1:]), replies


def test_shell_numbers_press_buttons(bot):
    said = iter(["你好", "2", "/stop"])
    out: list[str] = []
    run_shell(bot.handle, "shell-1", read=lambda _: next(said), write=out.append)
    transcript = "\n".join(out)
    assert "1. 课程报名" in transcript and "2. 调解申请" in transcript
    assert "姓名" in transcript  # "2" pressed 调解申请, which starts the mediation form


def test_format_replies_numbers_buttons_across_messages():
    text, payloads = format_replies(
        [
            {"text": "a", "buttons": [{"title": "x", "payload": "/x"}]},
            {"text": "b", "buttons": [{"title": "y", "payload": "/y"}]},
        ]
    )
    assert "1. x" in text and "2. y" in text and payloads == ["/x", "/y"]


def test_test_conversations_reports_and_fails_on_a_wrong_turn(tmp_path, model_dir):
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.yml").write_text(
        "test_cases:\n"
        "  - test_case: 问年休假\n"
        "    steps:\n"
        "      - user: 年休假有几天\n"
        "      - bot_contains: 年休假\n",
        encoding="utf-8",
    )
    e = env(tmp_path, model_dir)
    out = tmp_path / "results"
    r = runner.invoke(app, ["test", "conversations", str(cases), "--out", str(out)], env=e)
    assert r.exit_code == 0, r.output
    assert "1 of 1 conversations fully right" in r.output
    assert (out / "conversations.json").exists()
    (cases / "b.yml").write_text(
        "test_cases:\n"
        "  - test_case: 期望落空\n"
        "    steps:\n"
        "      - user: 你好\n"
        "      - bot_contains: 这句话机器人不会说\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["test", "conversations", str(cases), "--out", str(out)], env=e)
    assert r.exit_code == 1 and "1 of 2 conversations fully right" in r.output
    assert "期望落空" in r.output


def test_db_upgrade_says_what_it_did(tmp_path, model_dir):
    e = env(tmp_path, model_dir)
    first = runner.invoke(app, ["db", "upgrade"], env=e)
    assert first.exit_code == 0 and "created the database schema" in first.output
    again = runner.invoke(app, ["db", "upgrade"], env=e)
    assert again.exit_code == 0 and "database is up to date" in again.output


def test_run_on_a_taken_port_names_the_fix(tmp_path, model_dir):
    import secrets
    import socket

    e = env(tmp_path, model_dir)
    assert runner.invoke(app, ["db", "upgrade"], env=e).exit_code == 0
    e["WORKERBOT_SECRET_KEY"] = secrets.token_urlsafe(32)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = runner.invoke(app, ["run", "--port", str(port)], env=e)
    assert r.exit_code == 2, r.output
    assert f"cannot listen on 127.0.0.1:{port}" in r.output
    assert f"--port {port + 1}" in r.output and "server.port" in r.output
