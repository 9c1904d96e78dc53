"""Rendering for WeChat: numbered options, splitting at 2048 bytes, the menu section of config."""

from __future__ import annotations

import pytest

from bot.channels.wechat_text import pick_option, render, split
from bot.settings import ConfigError, load_config


def test_buttons_become_numbered_options_across_replies():
    text, payloads = render(
        [
            {
                "text": "找到 1 门课程。点下面的按钮就可以报名。",
                "buttons": [{"title": "报名 书法", "payload": "/a"}],
            },
            {"text": "还有别的吗？", "buttons": [{"title": "转人工", "payload": "/b"}]},
            {"text": ""},
        ]
    )
    assert (
        text
        == "找到 1 门课程。回复下面的数字就可以报名。\n回复 1 报名 书法\n\n还有别的吗？\n回复 2 转人工"
    )
    assert payloads == ["/a", "/b"]
    assert render([]) == ("", [])


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("1", "/a"),
        (" 2 ", "/b"),
        ("２", "/b"),
        ("回复1", "/a"),
        ("1。", "/a"),
        ("3", None),
        ("0", None),
        ("12点", None),
        ("一", None),
    ],
)
def test_a_number_picks_an_offered_option(said, expected):
    assert pick_option(said, ["/a", "/b"]) == expected


def test_no_options_no_pick():
    assert pick_option("1", []) is None


def test_split_keeps_every_character_within_the_byte_limit():
    text = "\n".join(["短行"] * 300 + ["长" * 1000] + ["end"])
    chunks = split(text, 2048)
    assert all(0 < len(c.encode()) <= 2048 for c in chunks)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "")
    assert split("你好") == ["你好"] and split("") == []
    emoji = "😊" * 600  # four bytes each: never cut inside a character
    assert "".join(split(emoji, 2048)) == emoji


def test_menu_section_is_checked_against_wechat_limits(tmp_path):
    path = tmp_path / "config.yml"
    four = "".join(f"    - {{name: 按钮{i}, key: K{i}, payload: /help}}\n" for i in range(4))
    path.write_text(f"wechat:\n  menu:\n{four}", encoding="utf-8")
    with pytest.raises(ConfigError, match="1 to 3 top-level"):
        load_config(path)
    path.write_text("wechat:\n  menu:\n    - {name: 课程, key: COURSES}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="payload"):
        load_config(path)
    path.write_text(
        "wechat:\n  menu:\n    - {name: 课程, key: C, payload: /course_search}\n  template_id: ''\n",
        encoding="utf-8",
    )
    config = load_config(path).wechat
    assert config.click_payloads() == {"C": "/course_search"} and config.template_id is None
