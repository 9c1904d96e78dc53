"""A new job's first days asked about in a story (blind set 66a): read as questions; pinyin and
English of a missed payday, papers held and a working week."""

from __future__ import annotations

import pytest

from intents.foreign import read_foreign
from intents.question_cues import asks_what_to_do


@pytest.mark.parametrize(
    "text",
    [
        "奶茶店叫我先交500保证金才准上班这个正常吗",
        "我16岁刚进厂当学徒师傅叫我去拉电线要得不",
        "他们还扣了毕业证原件也一样不",
    ],
)
def test_a_new_jobs_story_asking_whether_it_is_all_right(text):
    assert asks_what_to_do(text)


def test_a_course_asked_is_no_question_about_work():
    assert not asks_what_to_do("瑜伽课正常不")


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("gang ru zhi lao ban shuo shi yong qi bu fa qian", "试用期不发钱"),
        ("jia fu pei chang jin neng you duo shao", "加付赔偿金"),
        ("they kept the original of my diploma", "毕业证原件"),
        ("my shifts are 11 hours, 6 days a week", "每天11个小时"),
        ("and for the saturday?", "那周六呢"),
    ],
)
def test_the_foreign_words_of_a_new_job(text, chinese):
    assert chinese in read_foreign(text).replace(" ", "")
