"""One kind of overtime put right after a sum: the kinds of that sum again, that one fixed."""

from bot.domain.overtime_mix import KIND_PUT_RIGHT, Part, latest_parts, parts_of, put_right

_SHOWN = (
    "工作日下班后加班12小时：25×150%×12小时=450元；\n法定节假日加班1天：200×300%×1天=600元；\n"
    "合计1050元"
)


def test_the_kind_owned_as_said_wrong_replaces_its_figure() -> None:
    text = "我记错了 元旦是上了2天"
    assert KIND_PUT_RIGHT.search(text)
    told = latest_parts(["晚上加了12个钟头 元旦上了1天", "星期六加了一天"])
    fixed = put_right(told, parts_of(text)[0], _SHOWN)
    assert fixed == [Part("weekday", 12.0), Part("holiday", 16.0, None)]


def test_a_kind_outside_the_sum_is_not_put_right() -> None:
    told = latest_parts(["晚上加了12个钟头 元旦上了1天"])
    assert put_right(told, Part("rest", 24.0), _SHOWN) is None
