"""A count of days or hours put right in a message of its own (bot/domain/count_corrected.py)."""

from bot.domain.count_corrected import count_put_right, sum_put_right

BEFORE = "我月薪5655 上个月星期天加了5天班 没有补休 该给好多"


def test_the_count_replaces_the_one_told_before():
    fixed = count_put_right("不好意思 搞错了 是2天", BEFORE)
    assert fixed == "我月薪5655 上个月星期天加了2天班 没有补休 该给好多"


def test_hours_put_right():
    fixed = count_put_right("记错了 应该是6个钟头", "礼拜六加了8个钟头 我工资4350")
    assert fixed == "礼拜六加了6个钟头 我工资4350"


def test_no_slip_owned_no_correction():
    assert count_put_right("那再加2天呢", BEFORE) is None


def test_another_unit_or_two_counts_before_are_left_alone():
    assert count_put_right("说错了 是3个钟头", BEFORE) is None
    assert count_put_right("说错了 是3天", "加了4天 还有2天没补休") is None


def test_a_bare_sum_put_right_replaces_the_one_told_before():
    assert sum_put_right("等哈 我说错了 是6900", "我一个月6500") == "我一个月6900"


def test_a_sum_put_right_needs_a_slip_and_one_sum_before():
    assert sum_put_right("那6900呢", "我一个月6500") is None
    assert sum_put_right("说错了 是6900", "底薪3000 提成3500") is None
    assert sum_put_right("说错了 是3天", "我一个月6500") is None


def test_a_sum_paid_is_no_sum_put_right():
    assert sum_put_right("不对 有一个月他给了3000的", "老板欠了我4个月工资 一个月5000") is None
