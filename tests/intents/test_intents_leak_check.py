"""bench/leak_check.py: training phrasings must not copy held-out messages."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("leak_check", ROOT / "bench" / "leak_check.py")
leak_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(leak_check)


def test_copies_and_near_copies_are_found():
    held = ["加班费周末咋个算", "老板欠我三个月工资不给，我想申请调解", "😤"]
    found = leak_check.leaks(
        [
            "加班費週末咋個算",  # same after normalisation
            "加班费周末咋算",  # near copy
            "老板欠我三个月工资不给 求帮忙",  # long shared run
            "年假有几天",  # unrelated
            "气死了",  # the emoji's word, not a copy of anyone's wording
        ],
        held,
    )
    assert [f[0] for f in found] == [
        "加班費週末咋個算",
        "加班费周末咋算",
        "老板欠我三个月工资不给 求帮忙",
    ]
    assert found[0][2] == "same"


def test_lone_emoji_held_out_items_are_skipped_but_text_ones_count():
    found = leak_check.leaks(["气死了", "谢谢你们"], ["😤", "谢谢你们"])
    assert [f[1] for f in found] == ["谢谢你们"]
