"""A question asked while a form waits for an answer is not taken as the answer."""

from __future__ import annotations

import pytest

from actions.side_question_cues import is_side_question
from actions.validators import clean_name


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("我是问调解收不收费", "employer"),
        ("调解要好久？", "employer"),
        ("请问报名要交钱吗", "name"),
        ("问一下要带啥子材料", "description"),
        ("调解不成咋个办嘛？", "demand"),
        ("要不要带身份证", "description"),
        ("这个要钱不", "name"),
        ("等一下先问个事 叉车培训好多钱", "phone"),
        ("对了，请问调解要多久", "employer"),
        ("老板不帮我弄 我个人可以去申请不嘛", "name"),
        ("问一下 要是调解不成功咋办", "dispute_type"),
    ],
)
def test_questions_are_recognised(text, slot):
    assert is_side_question(text, slot)


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("李大山", "name"),
        ("重庆山城建筑劳务有限公司", "employer"),
        ("入职两年公司一直没有给我交社保，问了好几次都说下个月", "description"),
        ("老板为什么不发工资我也不知道，反正拖了三个月了，一共一万二", "description"),
        ("把八千块工资补给我", "demand"),
        ("好嘛", "demand"),
        ("我加了好多班都没给钱", "description"),
    ],
)
def test_answers_are_not_questions(text, slot):
    assert not is_side_question(text, slot)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("吴明", "吴明"),
        ("我叫吴明", "吴明"),
        ("好 我叫吴明", "吴明"),
        ("要得嘛 帮我弄，我叫邓小军", "邓小军"),
        ("好的，我是王芳。", "王芳"),
        ("159 2345 6789", None),
        ("好的", None),
        ("我叫吴明 他叫李四", "吴明"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("阿卜杜·热依木", "阿卜杜·热依木"),
        ("那他该补我好多嘛", None),  # a sentence, not a name
        # the surname said first, then the whole name; not anything after a surname
        ("报名 我姓赵 赵丽华", "赵丽华"),
        ("我姓谭 叫谭小军", "谭小军"),
        ("我姓王 想报书法", None),
    ],
)
def test_the_name_in_an_answer(text, name):
    assert clean_name(text) == name
