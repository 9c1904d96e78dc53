"""A sum of the story put right while a request is filled in."""

from actions.sum_fixed import story_with_sum_corrected, sum_corrected

STORY = "7月到10月的加班费 每个人三千左右 12个人一共三万二"


def test_sum_put_right_is_the_new_sum() -> None:
    assert sum_corrected(STORY, "等一下 算错了 是三万六 有几个人加班多些") == "三万六"
    assert story_with_sum_corrected(STORY, "钱说错了 是28万6千").endswith("更正：金额是28万6千")


def test_other_fields_and_the_same_sum_are_no_sum_corrected() -> None:
    assert sum_corrected(STORY, "电话打错了 是15823067714") is None
    assert sum_corrected(STORY, "人数说错了 是31个") is None
    assert sum_corrected(STORY, "算错了 是三万二") is None
    assert sum_corrected("", "算错了 是三万六") is None
