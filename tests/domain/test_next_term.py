from bot.domain.courses import closed_text, next_term_text
from bot.store.models import Course


def test_the_next_term_is_read_from_the_description() -> None:
    course = Course(
        name="太极拳", description="二十四式。本期已经开课，报名已截止，下一期预计3月开班。"
    )
    assert next_term_text(course) == "下一期预计3月开班。"
    assert closed_text(course) == "「太极拳」这一期已经停止报名了，下一期预计3月开班。"


def test_without_a_next_term_the_worker_is_told_to_come_back() -> None:
    assert next_term_text(Course(name="插花", description="小班教学")) == "新一期开放后可以再报。"
    assert next_term_text(Course(name="插花", description=None)) == "新一期开放后可以再报。"
