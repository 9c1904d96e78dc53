from datetime import date

from bot.domain.course_running import classes_after, missed_class_text, running_answer
from bot.store.models import Course

TAIJI = Course(
    code="XF09",
    name="太极拳",
    category="幸福学堂",
    description="二十四式简化太极拳。本期已经开课，报名已截止，下一期预计2027年3月开班。",
    start_date=date(2026, 10, 10),
    end_date=date(2026, 12, 20),
    weekdays=["周六", "周日"],
    time_of_day="上午",
    time="08:30-10:00",
    sessions=22,
    venue="区工人文化宫广场",
    fee=0,
    status="closed",
)
TODAY = date(2026, 12, 8)  # a Tuesday


def test_classes_after_today_to_the_last_day():
    assert classes_after(TAIJI, TODAY) == [
        date(2026, 12, 12),
        date(2026, 12, 13),
        date(2026, 12, 19),
        date(2026, 12, 20),
    ]


def test_a_learner_of_a_closed_course_gets_the_answer_and_the_closing_after():
    said = running_answer(TAIJI, ["time"], "这期好久完 还剩几次", TODAY)
    assert "08:30-10:00" in said and "还有4次课" in said and "12月20日" in said
    assert said.endswith("（这一期已经停止报名了。）")
    # joining it, or its next term, is not a learner's question
    assert running_answer(TAIJI, ["seats"], "这期能不能插进来", TODAY) is None
    assert running_answer(TAIJI, ["time"], "那下一期好久开嘛", TODAY) is None
    # a course over (or not begun) is not meeting
    assert running_answer(TAIJI, ["time"], "几点", date(2026, 12, 21)) is None


def test_a_class_missed_names_the_next_one():
    said = missed_class_text(TAIJI, "这礼拜六要加班 那节课去不到咋个办", TODAY)
    assert said.startswith("「太极拳」12月12日那次课来不了的话，下一次课是12月13日（周日）")
    assert "请假" in said
    assert missed_class_text(TAIJI, "这周请假老板不批 扣工资咋办", TODAY) is None  # work's leave
    assert missed_class_text(TAIJI, "几点上课", TODAY) is None
