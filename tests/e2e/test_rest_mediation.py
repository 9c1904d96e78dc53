"""A full mediation request over HTTP, from the first message to the stored case."""

import re

from sqlalchemy import func, select

from bot.store.models import MediationCase
from tests.e2e.chat import Worker


def count_cases(bot) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(MediationCase))


def test_full_mediation_request_is_stored(bot, http):
    w = Worker(http, "worker-med-1")
    w.say("老板欠了我三个月工资，我想申请劳动纠纷调解")
    assert "姓名" in w.text
    w.say("李小红")
    assert "手机" in w.text
    w.say("138 1234 5678")
    assert "单位" in w.text or "公司" in w.text
    w.say("重庆顺达物流有限公司")
    # the dispute type came from the first message (拖欠工资), so it is not asked again
    assert "发生了什么" in w.text or "说说" in w.text
    w.say("从今年8月开始公司就没发工资了，一共欠了两万四千块，找老板好几次都说没钱")
    # unpaid wages: the demand is proposed in the summary; the worker says their own there
    assert "请核对" in w.text and "补发拖欠的工资（按纠纷类型代填" in w.text
    w.say("我希望补发拖欠的三个月工资")
    assert "李小红" in w.text and "重庆顺达物流有限公司" in w.text
    assert "补发拖欠的三个月工资" in w.text and "代填" not in w.text
    assert count_cases(bot) == 0  # nothing is filed before the worker confirms
    w.press("确认")
    number = re.search(r"TJ\d{8}-\d{4}", w.text)
    assert number, w.text
    assert "15" in w.text  # the 15-day rule is explained
    with bot.db.read() as s:
        case = s.scalars(select(MediationCase)).one()
    assert case.case_no == number.group(0)
    assert (case.name, case.phone, case.employer) == (
        "李小红",
        "13812345678",
        "重庆顺达物流有限公司",
    )
    assert case.dispute_type == "拖欠工资"
    assert "两万四千" in case.description and "三个月" in case.demand

    # the worker can ask how it is going
    w.say("我的调解申请到哪一步了")
    assert case.case_no in w.text


def test_bad_phone_is_asked_again(bot, http):
    w = Worker(http, "worker-med-2")
    w.say("我要申请调解")
    w.say("王强")
    w.say("12345")
    assert "手机" in w.text
    w.say("13912345678")
    assert "单位" in w.text or "公司" in w.text


def test_cancel_in_the_middle_of_the_form_files_nothing(bot, http):
    w = Worker(http, "worker-med-3")
    w.say("我要申请劳动纠纷调解")
    w.say("赵六")
    w.say("13712345678")
    w.say("算了")
    assert "取消" in w.text
    assert count_cases(bot) == 0
    # the bot works normally afterwards
    w.say("你好")
    assert "小助手" in w.text


def test_policy_question_inside_the_form_then_back(bot, http):
    w = Worker(http, "worker-med-4")
    w.say("我要申请劳动纠纷调解")
    w.say("孙七")
    w.say("加班费怎么算")
    assert "依据" in w.text or "您是想问" in w.text
    assert "手机" in w.text  # and the form asks its question again
    w.say("13612345678")
    assert "单位" in w.text or "公司" in w.text
