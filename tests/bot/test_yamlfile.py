"""Test stories are read as Rasa reads them: YAML 1.2 booleans."""

from bot.core.yamlfile import parse_rasa_yaml, parse_yaml


def test_a_workers_yes_stays_the_word_typed() -> None:
    text = "steps:\n- user: yes\n- user: no\n- user: on\n- user: Yes\n"
    assert [s["user"] for s in parse_rasa_yaml(text)["steps"]] == ["yes", "no", "on", "Yes"]
    # (the plain loader, YAML 1.1, reads them as booleans)
    assert parse_yaml(text)["steps"][0]["user"] is True


def test_true_and_false_are_still_booleans_and_numbers_numbers() -> None:
    assert parse_rasa_yaml("a: true\nb: False\nc: 3\nd: 2.5\ne: ~") == {
        "a": True,
        "b": False,
        "c": 3,
        "d": 2.5,
        "e": None,
    }
